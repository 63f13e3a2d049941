"""A streaming writer of SPSS system files (.sav), one case at a time, in constant memory.

pyreadstat writes a .sav only from a whole DataFrame, so a million responses would sit in
memory; ReadStat's C writer can stream but pyreadstat does not expose it. The format is
small and documented (GNU PSPP's "System File Format" chapter; ReadStat's writer is the
reference this follows record for record, so whatever reads ReadStat's files reads these):
a dictionary of fixed records, then the cases, bytecode-compressed so that wide string
variables cost a byte per blank 8 bytes.

The number of cases is written as -1 ("unknown"), which the format allows, so nothing needs
counting before the first case is sent.
"""
from __future__ import annotations

import struct
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

SYSMIS = struct.pack("<Q", 0xFFEFFFFFFFFFFFFF)  # the system-missing value, -DBL_MAX
_HIGHEST, _LOWEST = 0x7FEFFFFFFFFFFFFF, 0xFFEFFFFFFFFFFFFE
MAX_SHORT_STRING = 255  # wider strings are split into segments of 255 bytes each
SEGMENT = 252  # a very long string counts one segment per 252 bytes of its width
VALUE_LABEL_BYTES = 120
VARIABLE_LABEL_BYTES = 255
BIAS = 100  # compressed whole numbers -99..151 are stored as one byte, value + BIAS
CHUNK_BYTES = 1 << 20
_BLANK_CODE, _RAW_CODE, _MISSING_CODE, _END_CODE = 254, 253, 255, 252
_F8_2, _A = (5 << 16) | (8 << 8) | 2, 1 << 16


@dataclass(frozen=True)
class Variable:
    """One variable: a numeric (width 0) or a string of `width` bytes."""

    name: str
    label: str = ""
    width: int = 0
    value_labels: dict[float, str] = field(default_factory=dict)
    missing: tuple[float, ...] = ()

    @property
    def storage(self) -> int:
        """Bytes this variable takes in a case."""
        if not self.width:
            return 8
        if self.width <= MAX_SHORT_STRING:
            return _round8(self.width)
        segments = self.segments
        return (segments - 1) * 256 + _round8(self.width - (segments - 1) * SEGMENT)

    @property
    def segments(self) -> int:
        """How many variable records the dictionary holds for it."""
        return 1 if self.width <= MAX_SHORT_STRING else (self.width + SEGMENT - 1) // SEGMENT


def _round8(n: int) -> int:
    return (n + 7) // 8 * 8


def _clip(text: str, limit: int) -> bytes:
    """Return text as UTF-8 of at most `limit` bytes, never cutting a character in half."""
    return text.encode("utf-8")[:limit].decode("utf-8", "ignore").encode("utf-8")


def _int32(*values: int) -> bytes:
    return struct.pack(f"<{len(values)}i", *values)


def dictionary(variables: list[Variable], file_label: str = "") -> bytes:
    """Return everything before the first case: header, variables, labels and extensions."""
    return b"".join([
        _header(variables, file_label), *(_variable_records(n, v) for n, v in enumerate(variables)),
        *_value_labels(variables), _machine_info(), _display(variables), _long_names(variables),
        _very_long_strings(variables), _int32(999, 0)])


def _header(variables: list[Variable], file_label: str) -> bytes:
    now = time.gmtime()
    month = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()[now.tm_mon - 1]
    product = b"@(#) SPSS DATA FILE - engage".ljust(60)
    return (b"$FL2" + product + _int32(2, sum(v.storage for v in variables) // 8, 1, 0, -1)
            + struct.pack("<d", BIAS) + f"{now.tm_mday:02d} {month} {now.tm_year % 100:02d}".encode("ascii")
            + time.strftime("%H:%M:%S", now).encode("ascii") + _clip(file_label, 64).ljust(64)
            + b"\0\0\0")


def _short_name(index: int) -> bytes:
    return f"VAR{index}".encode("ascii").ljust(8)


def _variable_records(index: int, variable: Variable) -> bytes:
    """The variable's record, its continuation records and, if very long, its other segments."""
    if not variable.width:
        return _variable_record(index, 0, _F8_2, variable)
    widths = [min(variable.width, MAX_SHORT_STRING)]
    widths += [MAX_SHORT_STRING] * (variable.segments - 2)
    if variable.segments > 1:
        widths.append(variable.width - (variable.segments - 1) * SEGMENT)
    first = _variable_record(index, widths[0], _A | (min(variable.width, 255) << 8), variable)
    return first + b"".join(_variable_record(index, w, 0, None) for w in widths[1:])


def _variable_record(index: int, width: int, fmt: int, variable: Variable | None) -> bytes:
    label = _clip(variable.label, VARIABLE_LABEL_BYTES) if variable else b""
    missing = variable.missing if variable else ()
    out = _int32(2, width, 1 if label else 0, len(missing), fmt, fmt) + _short_name(index)
    if label:
        out += _int32(len(label)) + label.ljust(_round4(len(label)), b" ")
    out += b"".join(struct.pack("<d", m) for m in missing)
    continuation = _int32(2, -1, 0, 0, 0, 0) + b" " * 8
    return out + continuation * (_round8(width) // 8 - 1 if width else 0)


def _round4(n: int) -> int:
    return (n + 3) // 4 * 4


def _value_labels(variables: list[Variable]) -> Iterator[bytes]:
    position = 1  # dictionary index of each variable's first 8 bytes
    for variable in variables:
        if variable.value_labels and not variable.width:
            out = _int32(3, len(variable.value_labels))
            for value, text in variable.value_labels.items():
                label = _clip(text, VALUE_LABEL_BYTES)
                out += struct.pack("<dB", value, len(label)) + label.ljust(_round8(len(label) + 1) - 1, b" ")
            yield out + _int32(4, 1, position)
        position += variable.storage // 8


def _machine_info() -> bytes:
    # Version 1.0.0, machine -1, IEEE floats, compression 1, little-endian, UTF-8 (65001).
    integers = _int32(7, 3, 4, 8, 1, 0, 0, -1, 1, 1, 2, 65001)
    floats = _int32(7, 4, 8, 3) + SYSMIS + struct.pack("<QQ", _HIGHEST, _LOWEST)
    return integers + floats


def _display(variables: list[Variable]) -> bytes:
    """Measure (nominal for labelled codes and text, scale otherwise), width 8, alignment."""
    out = _int32(7, 11, 4, 3 * len(variables))
    for v in variables:
        nominal = bool(v.width or v.value_labels)
        out += _int32(1 if nominal else 3, 8, 0 if v.width else 1)
    return out


def _long_names(variables: list[Variable]) -> bytes:
    pairs = "\t".join(f"VAR{n}={v.name}" for n, v in enumerate(variables)).encode("utf-8")
    return _int32(7, 13, 1, len(pairs)) + pairs


def _very_long_strings(variables: list[Variable]) -> bytes:
    pairs = b"".join(f"VAR{n}={v.storage:05d}".encode("ascii") + b"\0\t"
                     for n, v in enumerate(variables) if v.segments > 1)
    return _int32(7, 14, 1, len(pairs)) + pairs if pairs else b""


class Cases:
    """Bytecode-compress cases into blocks of eight codes, each followed by its raw data."""

    def __init__(self, variables: list[Variable]) -> None:
        self.variables = variables
        self.codes: list[int] = []
        self.data: list[bytes] = []
        self.out: list[bytes] = []
        self.size = 0

    def add(self, values: list) -> None:
        """Add one case: a number or None for numerics, a str (or None) for strings."""
        for variable, value in zip(self.variables, values, strict=True):
            if variable.width:
                self._string(variable, value or "")
            elif value is None:
                self._code(_MISSING_CODE)
            elif float(value).is_integer() and -BIAS < value < 256 - BIAS - 4:
                self._code(int(value) + BIAS)
            else:
                self._code(_RAW_CODE, struct.pack("<d", value))

    def _string(self, variable: Variable, text: str) -> None:
        data = text.encode("utf-8")
        if len(data) > variable.width:
            raise ValueError(f"{variable.name}: {len(data)} bytes do not fit in {variable.width}")
        if variable.segments > 1:  # 255 bytes of text in each 256-byte segment
            data = b" ".join(data[i:i + 255] for i in range(0, len(data), 255))
        used = len(data) // 8
        for i in range(used):
            self._code(_RAW_CODE, data[8 * i:8 * i + 8])
        rest = data[8 * used:]
        if rest:
            self._code(_RAW_CODE, rest.ljust(8))
            used += 1
        for _ in range(variable.storage // 8 - used):
            self._code(_BLANK_CODE)

    def _code(self, code: int, raw: bytes | None = None) -> None:
        self.codes.append(code)
        if raw is not None:
            self.data.append(raw)
        if len(self.codes) == 8:
            self._block()

    def _block(self) -> None:
        self.out.append(bytes(self.codes + [0] * (8 - len(self.codes))))
        self.out.extend(self.data)
        self.size += 8 + 8 * len(self.data)
        self.codes, self.data = [], []

    def take(self, final: bool = False) -> bytes:
        """Return the bytes finished so far (all of them, end marker included, when final)."""
        if final:
            self.codes.append(_END_CODE)
            self._block()
        chunk = b"".join(self.out)
        self.out, self.size = [], 0
        return chunk


def write(variables: list[Variable], cases: Iterable[list], file_label: str = "") -> Iterator[bytes]:
    """Yield a whole .sav file in chunks of about a megabyte: the dictionary, then the cases."""
    yield dictionary(variables, file_label)
    packed = Cases(variables)
    for case in cases:
        packed.add(case)
        if packed.size >= CHUNK_BYTES:
            yield packed.take()
    yield packed.take(final=True)
