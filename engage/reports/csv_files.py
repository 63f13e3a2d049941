"""CSV exports as streams of byte chunks: wide (one row per response) and long (one per answer)."""
from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator

from engage.analysis.frames import AUDIENCES
from engage.reports import layout
from engage.reports.cells import safe

LONG_HEADINGS = ["Response number", "Audience", "Survey version", "School", "Area", "School year",
                 "Date sent", "Item", "Question", "Value", "Sub-theme", "Answer", "Answer code",
                 "Comment", "Sentiment", "Value tags (primary first)", "Tagged by"]
CHUNK = 2000  # rows per yielded chunk: big enough to be fast, small enough to stay flat


class _Buffer:
    def __init__(self) -> None:
        self.io = io.StringIO()
        self.writer = csv.writer(self.io)

    def take(self) -> bytes:
        data = self.io.getvalue().encode("utf-8")
        self.io.seek(0)
        self.io.truncate()
        return data


def _stream(header: list[str], rows: Iterable[list]) -> Iterator[bytes]:
    buffer = _Buffer()
    buffer.io.write("\ufeff")  # a BOM, so Excel reads UTF-8
    buffer.writer.writerow(header)
    for n, row in enumerate(rows, 1):
        buffer.writer.writerow([safe(c) for c in row])
        if n % CHUNK == 0:
            yield buffer.take()
    yield buffer.take()


def responses_csv(answer_rows: Iterable[tuple], columns: list[layout.Column],
                  redact: Callable[[str], str]) -> Iterator[bytes]:
    """Stream the wide CSV: one row per response, readable headings, every text escaped."""
    rows = (layout.response_cells(first, answers, columns, redact)
            for first, answers in layout.by_response(answer_rows))
    return _stream(layout.headings(columns), rows)


def long_csv(answer_rows: Iterable[tuple], tags: Iterable[tuple], columns: list[layout.Column],
             redact: Callable[[str], str]) -> Iterator[bytes]:
    """Stream the long CSV: one row per answer with its tags; both inputs ordered by answer id."""
    by_key = {c.key: c for c in columns}
    return _stream(LONG_HEADINGS, _long_rows(answer_rows, _tag_stream(tags), by_key, redact))


def _tag_stream(tags: Iterable[tuple]) -> Iterator[tuple[int, str, str]]:
    """Fold tag rows (answer_id, value_id, subtheme_id, source, rank, ...) ordered by answer."""
    current, found = None, []
    for answer_id, value_id, subtheme_id, source, *_ in tags:
        if current is not None and answer_id != current:
            yield current, "; ".join(v for v, _s in found), found[0][1]
            found = []
        current = answer_id
        # "1d" says value 1, sub-theme d; a bare "3" is a value without a sub-theme.
        found.append((subtheme_id or str(value_id), source))
    if current is not None:
        yield current, "; ".join(v for v, _s in found), found[0][1]


def _long_rows(answer_rows, tags: Iterator, by_key: dict, redact) -> Iterator[list]:
    pending = next(tags, None)
    for row in answer_rows:
        answer_id = layout.value(row, "answer_id")
        while pending is not None and pending[0] < answer_id:
            pending = next(tags, None)
        tagged = pending if pending is not None and pending[0] == answer_id else (None, "", "")
        yield _long_row(row, by_key.get(layout.value(row, "item_key")), tagged, redact)


def _long_row(row: tuple, column: layout.Column | None, tagged: tuple, redact) -> list:
    v = layout.value
    submitted = v(row, "submitted_at")
    text = v(row, "text")
    answer = layout.answer_cell(row, column, redact) if column and column.type != "text" else ""
    code = "; ".join(v(row, "choices") or []) or v(row, "value") or ""
    polarity = v(row, "polarity")
    return [v(row, "response_id"), AUDIENCES.get(v(row, "variant"), ""), v(row, "variant"),
            v(row, "school") or "", v(row, "area_id") or "", v(row, "year_group"),
            submitted.date().isoformat() if submitted else "", v(row, "item_key"),
            column.wording if column else "", v(row, "value_id"), v(row, "subtheme_id") or "",
            answer, code, redact(text) if text else "",
            round(polarity, 3) if polarity is not None else "", tagged[1], tagged[2]]
