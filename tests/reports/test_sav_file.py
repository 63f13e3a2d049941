"""The streamed .sav writer: read back by pyreadstat, it holds what pyreadstat itself would
have written from a DataFrame, and it holds a bounded number of cases whatever their count."""
import pandas as pd
import pyreadstat
import pytest

from engage.reports import sav_file
from engage.reports.sav_file import Variable

LABELS = {1.0: "Strongly disagree", 5.0: "Strongly agree", 9.0: "Rather not say"}
# A comment wider than one 255-byte segment, with two-byte letters across segment boundaries.
LONG = ("\u00e9t\u00e9 " * 120 + "end").strip()
VARIABLES = [
    Variable("response_id", "Response number"),
    Variable("audience", "Audience", width=12),
    Variable("home_ok", "My home is a good place to live", value_labels=LABELS, missing=(9.0,)),
    Variable("said_a_long_variable_name_over_eight", "What would make it better? \u2764",
             width=len(LONG.encode("utf-8"))),
    Variable("score", "A number"),
]
CASES = [
    [1, "young", 5, LONG, 3.25],
    [2, "", None, "", None],
    [152, "parent", 9, "short, with \"quotes\"\nand a line break", -1e9],
    [-100, "profession", 1, " leading space", 151],
]


def _written(tmp_path, cases) -> tuple[pd.DataFrame, object]:
    path = tmp_path / "streamed.sav"
    path.write_bytes(b"".join(sav_file.write(VARIABLES, cases)))
    return pyreadstat.read_sav(str(path), user_missing=True)


def _by_pyreadstat(tmp_path) -> tuple[pd.DataFrame, object]:
    frame = pd.DataFrame.from_records(CASES, columns=[v.name for v in VARIABLES])
    for v in VARIABLES:
        if not v.width:
            frame[v.name] = pd.to_numeric(frame[v.name]).astype("float64")
    path = tmp_path / "pyreadstat.sav"
    pyreadstat.write_sav(frame, str(path), column_labels=[v.label for v in VARIABLES],
                         variable_value_labels={"home_ok": LABELS}, missing_ranges={"home_ok": [9]})
    return pyreadstat.read_sav(str(path), user_missing=True)


def test_read_back_equals_what_pyreadstat_writes_from_a_frame(tmp_path):
    got, meta = _written(tmp_path, CASES)
    want, want_meta = _by_pyreadstat(tmp_path)
    pd.testing.assert_frame_equal(got, want)
    assert got["said_a_long_variable_name_over_eight"][0] == LONG
    assert meta.number_rows == 4
    assert meta.column_names_to_labels == want_meta.column_names_to_labels
    assert meta.variable_value_labels == want_meta.variable_value_labels == {"home_ok": LABELS}
    assert meta.missing_ranges == want_meta.missing_ranges == {"home_ok": [{"lo": 9.0, "hi": 9.0}]}


def test_user_missing_code_reads_as_missing_by_default(tmp_path):
    path = tmp_path / "streamed.sav"
    path.write_bytes(b"".join(sav_file.write(VARIABLES, CASES)))
    frame, _ = pyreadstat.read_sav(str(path))
    assert list(frame["home_ok"].fillna(-1)) == [5, -1, -1, 1]


def test_text_wider_than_declared_is_refused_not_cut(tmp_path):
    with pytest.raises(ValueError, match="do not fit"):
        b"".join(sav_file.write(VARIABLES, [[1, "a" * 13, 5, "", 0]]))


def _most_cases_held(count: int, monkeypatch) -> int:
    """Return the most cases the writer took in before handing their bytes on."""
    monkeypatch.setattr(sav_file, "CHUNK_BYTES", 4096)
    taken = 0

    def cases():
        nonlocal taken
        for n in range(count):
            taken += 1
            yield [n, "young", 5, LONG if n % 2 else "", n / 3]

    held, before = 0, 0
    for _chunk in sav_file.write(VARIABLES, cases()):
        held, before = max(held, taken - before), taken
    assert taken == count
    return held


def test_cases_held_do_not_grow_with_the_number_of_cases(monkeypatch):
    small, large = _most_cases_held(1_000, monkeypatch), _most_cases_held(20_000, monkeypatch)
    assert small == large
    assert large <= 20  # about 4 kB of cases at a time, not the whole file
