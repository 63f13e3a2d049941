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
from engage.reports.layout import RECORD, UNIT, answer_key

LONG_HEADINGS = ["Response number", "Audience", "Survey version", "School", "Area", "School year",
                 "Date sent", "Item", "Question", "Value", "Sub-theme", "Answer", "Answer code",
                 "Comment", "Sentiment", "Value tags (primary first)", "Tagged by"]
CHUNK = 2000  # rows per yielded chunk: big enough to be fast, small enough to stay flat
KEY_WIDTH = len(answer_key(0))
PLAIN_END = ",,,,\r\n"  # an answer's line ends so when it has no comment, sentiment or tags


class _Buffer:
    def __init__(self) -> None:
        self.io = io.StringIO()
        self.writer = csv.writer(self.io)

    def line(self, cells: list) -> str:
        """Return cells as csv.writer writes them, line end included."""
        self.io.seek(0)
        self.io.truncate()
        self.writer.writerow(cells)
        return self.io.getvalue()

    def fields(self, cells: list) -> str:
        """Return cells as csv.writer writes them, without the line end: to join with commas."""
        return self.line(cells)[:-2]

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
                  redact: Callable[[str], str], words: dict[str, str] | None = None) -> Iterator[bytes]:
    """Stream the wide CSV: one row per response, headed by the questions, answers and groups in words,
    every text escaped.

    `grouped_rows` are results.export_rows rows: one per response, answers folded; `words` names
    the audiences, versions, areas and channels (layout.WideRows).
    """
    wide = layout.WideRows(columns, redact, words)
    return _stream(layout.headings(columns), map(wide.cells, grouped_rows))


def long_csv(grouped_rows: Iterable[tuple], tags: Iterable[tuple], columns: list[layout.Column],
             redact: Callable[[str], str]) -> Iterator[bytes]:
    """Stream the long CSV: one row per answer with its tags, ordered by response, then answer.

    `grouped_rows` are results.export_rows.long_rows: one per response, (response id, variant,
    school, area, year, submitted at, answer records, texts as JSON); `tags` are tag_rows.
    """
    yield long_heading()
    yield from long_body(grouped_rows, tags, columns, redact)


def long_heading() -> bytes:
    """Return the long CSV's first line, after a BOM so Excel reads UTF-8."""
    return _line(["\ufeff" + LONG_HEADINGS[0], *LONG_HEADINGS[1:]]).encode("utf-8")


def long_body(grouped_rows: Iterable[tuple], tags: Iterable[tuple], columns: list[layout.Column],
              redact: Callable[[str], str]) -> Iterator[bytes]:
    """Stream the long CSV's lines after the heading: any run of responses can be written apart."""
    long = LongLines(columns, redact, _tag_stream(tags))
    lines = []
    for row in grouped_rows:
        lines += long.lines(row)
        if len(lines) >= CHUNK * 10:
            yield "".join(lines).encode("utf-8")
            lines = []
    yield "".join(lines).encode("utf-8")


def _line(cells: list) -> str:
    """Return cells as csv.writer writes them, line end included."""
    return _Buffer().line(cells)


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


class LongLines:
    """The long CSV's lines of one response at a time, with little work per answer.

    A million responses hold 27 million answers: who answered is written once per response,
    each distinct answer (item, value, choices) once and looked up after, and both are kept
    as finished CSV text, so most lines are two strings joined. Only answers with a comment,
    sentiment or tags go through csv.writer one by one.
    """

    CACHE_LIMIT = 200_000  # bounded, so memory stays flat

    def __init__(self, columns: list[layout.Column], redact: Callable[[str], str],
                 tags: Iterator[tuple]) -> None:
        self.by_key = {c.key: c for c in columns}
        self.redact = lru_cache(maxsize=20_000)(redact)  # comments repeat word for word
        self.cache: dict[str, str] = {}
        self.tags = tags
        self.pending = next(tags, None)
        self.fields = _Buffer().fields

    def lines(self, row: tuple) -> list[str]:
        """Return the lines of one response's answers, in answer id order."""
        response_id, variant, _school, _area, _year, _submitted, answers, texts = row
        prefix = self.fields(self._who(row)) + ","
        said = {a: (text, polarity) for a, text, polarity in json.loads(texts)} if texts else {}
        tagged = self._tags_of(response_id)
        records = answers.split(RECORD)
        records.sort()  # fixed-width answer keys first: answer id order
        get, start = self.cache.get, KEY_WIDTH + 1
        # Cached by survey version and record: the question's words depend on the version.
        out = [prefix + (get((variant, r[start:])) or self._answer(r[start:], variant)) for r in records]
        if said or tagged:  # the few answers with a comment, sentiment or tags: found by key
            at_key = {r[:KEY_WIDTH]: at for at, r in enumerate(records)}
            for key in (said.keys() | tagged.keys()) & at_key.keys():
                at = at_key[key]
                extra = self.fields(self._tail(said.get(key), tagged.get(key)))
                out[at] = f"{out[at][:-len(PLAIN_END)]},{extra}\r\n"
        return out

    def _tags_of(self, response_id: int) -> dict[str, tuple[str, str]]:
        """Take this response's tags off the tag stream: {answer key: (values, source)}."""
        found = {}
        while self.pending is not None and self.pending[0][0] <= response_id:
            (tag_response, answer_id), values, source = self.pending
            if tag_response == response_id:
                found[answer_key(answer_id)] = (values, source)
            self.pending = next(self.tags, None)
        return found

    @staticmethod
    def _who(row: tuple) -> list:
        response_id, variant, school, area, year, submitted = row[:6]
        return [response_id, AUDIENCES.get(variant, ""), escape(variant), escape(school or ""),
                escape(area or ""), year, submitted.date().isoformat() if submitted else ""]

    def _tail(self, said: tuple | None, tagged: tuple | None) -> list:
        text, polarity = said or (None, None)
        return [escape(self.redact(text)) if text else "",
                round(float(polarity), 3) if polarity is not None else "",  # JSON may give 0 for 0.0
                *((escape(tagged[0]), escape(tagged[1])) if tagged else ("", ""))]

    def _answer(self, record: str, variant: str) -> str:
        if len(self.cache) >= self.CACHE_LIMIT:
            self.cache.clear()
        key, value_id, subtheme_id, value, choices = record.split(UNIT)
        picked = json.loads(choices) if choices else None
        column = self.by_key.get(key)
        cell = ""
        if column is not None and column.type != "text":
            cell = layout.answer_cell(layout.answer_row(value or None, picked), column, None)
        code = "; ".join(picked or []) or value or ""
        wording = column.wordings.get(variant, column.wording) if column else ""
        plain = self.fields([escape(key), escape(wording), value_id,
                            escape(subtheme_id), escape(cell), escape(code)]) + PLAIN_END
        self.cache[(variant, record)] = plain
        return plain
