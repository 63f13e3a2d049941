"""CSV exports as streams of byte chunks: wide (one row per response) and long (one per answer)."""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache

from engage.definitions.variants import AUDIENCES
from engage.reports import layout
from engage.reports.cells import escape

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
    """Write rows whose cells are already escaped, a chunk of rows at a time."""
    buffer = _Buffer()
    buffer.io.write("\ufeff")  # a BOM, so Excel reads UTF-8
    buffer.writer.writerow(header)
    for chunk in _chunks(rows):
        buffer.writer.writerows(chunk)
        yield buffer.take()
    yield buffer.take()


def _chunks(rows: Iterable[list]) -> Iterator[list[list]]:
    chunk = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def responses_csv(grouped_rows: Iterable[tuple], columns: list[layout.Column],
                  redact: Callable[[str], str]) -> Iterator[bytes]:
    """Stream the wide CSV: one row per response, readable headings, every text escaped.

    `grouped_rows` are results.export_rows rows: one per response, answers folded.
    """
    wide = layout.WideRows(columns, redact)
    return _stream(layout.headings(columns), map(wide.cells, grouped_rows))


def long_csv(answer_rows: Iterable[tuple], tags: Iterable[tuple], columns: list[layout.Column],
             redact: Callable[[str], str]) -> Iterator[bytes]:
    """Stream the long CSV: one row per answer with its tags; both ordered by response, answer.

    `answer_rows` are results.export_rows.answer_rows: (answer id, response id, variant,
    school, area, year, submitted at, item key, value id, sub-theme, value, choices as JSON
    text, text, polarity).
    """
    return _stream(LONG_HEADINGS, _long_rows(answer_rows, _tag_stream(tags), LongRows(columns, redact)))


def _tag_stream(tags: Iterable[tuple]) -> Iterator[tuple[tuple, str, str]]:
    """Fold tag rows (response_id, answer_id, value_id, subtheme_id, source), ordered by
    response and answer, into ((response_id, answer_id), values, primary tag's source)."""
    current, found = None, []
    for response_id, answer_id, value_id, subtheme_id, source, *_ in tags:
        key = (response_id, answer_id)
        if current is not None and key != current:
            yield current, "; ".join(v for v, _s in found), found[0][1]
            found = []
        current = key
        # "1d" says value 1, sub-theme d; a bare "3" is a value without a sub-theme.
        found.append((subtheme_id or str(value_id), source))
    if current is not None:
        yield current, "; ".join(v for v, _s in found), found[0][1]


def _long_rows(answer_rows, tags: Iterator, long: LongRows) -> Iterator[list]:
    """Merge the answers with their tags; both come ordered by response, then answer."""
    pending = next(tags, None)
    for row in answer_rows:
        key = (row[1], row[0])
        while pending is not None and pending[0] < key:
            pending = next(tags, None)
        yield long.cells(row, pending if pending is not None and pending[0] == key else None)


class LongRows:
    """Escaped long rows with little work per answer: who answered is worked out once per
    response, and each distinct answer (item, value, choices) once, then looked up."""

    CACHE_LIMIT = 200_000  # bounded, so memory stays flat

    def __init__(self, columns: list[layout.Column], redact: Callable[[str], str]) -> None:
        self.by_key = {c.key: c for c in columns}
        self.redact = lru_cache(maxsize=20_000)(redact)  # comments repeat word for word
        self.cache: dict[tuple, list] = {}
        self.who: tuple = (None, [])

    def cells(self, row: tuple, tagged: tuple | None) -> list:
        """Return one answer's row: who, the answer, then its comment, sentiment and tags."""
        _id, response_id, *_who, key, value_id, subtheme_id, value, choices, text, polarity = row
        if self.who[0] != response_id:
            self.who = (response_id, self._who(row))
        answer = (key, value_id, subtheme_id, value, choices)
        middle = self.cache.get(answer) or self._answer(answer)
        return self.who[1] + middle + [
            escape(self.redact(text)) if text else "",
            round(polarity, 3) if polarity is not None else "",
            *((escape(tagged[1]), escape(tagged[2])) if tagged else ("", ""))]

    @staticmethod
    def _who(row: tuple) -> list:
        _id, response_id, variant, school, area, year, submitted = row[:7]
        return [response_id, AUDIENCES.get(variant, ""), escape(variant), escape(school or ""),
                escape(area or ""), year, submitted.date().isoformat() if submitted else ""]

    def _answer(self, answer: tuple) -> list:
        if len(self.cache) >= self.CACHE_LIMIT:
            self.cache.clear()
        key, value_id, subtheme_id, value, choices = answer
        picked = json.loads(choices) if choices else None
        column = self.by_key.get(key)
        cell = ""
        if column is not None and column.type != "text":
            cell = layout.answer_cell(layout.answer_row(value, picked), column, None)
        code = "; ".join(picked or []) or value or ""
        middle = [escape(key), escape(column.wording) if column else "", value_id,
                  escape(subtheme_id or ""), escape(cell), escape(code)]
        self.cache[answer] = middle
        return middle
