"""The XLSX workbook: about the columns, responses, summary by value, summary by group, quotes.

xlsxwriter's constant_memory mode writes each row to disk as it goes, so the responses sheet
of a large consultation is streamed with flat memory; every text cell is escaped.
"""
from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

import xlsxwriter

from engage.reports import layout
from engage.reports.cells import safe

GROUP_TITLES = {"age_band": "Age band", "school": "School", "area": "Area",
                "priority_group": "Priority group"}


def workbook(grouped_rows: Iterable[tuple], columns: list[layout.Column], summary: dict,
             redact: Callable[[str], str], words: dict[str, str] | None = None) -> bytes:
    """Build the workbook and return its bytes."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "export.xlsx"
        book = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_formulas": False,
                                               "strings_to_urls": False, "tmpdir": folder})
        bold = book.add_format({"bold": True})
        _about(book.add_worksheet("About the columns"), columns, summary, bold)
        _responses(book.add_worksheet("Responses"), grouped_rows, columns, redact, bold, words)
        _by_value(book.add_worksheet("Summary by value"), summary, bold)
        _by_group(book.add_worksheet("Summary by group"), summary, bold)
        _quotes(book.add_worksheet("Quotes"), summary, bold)
        book.close()
        return path.read_bytes()


def _write(sheet, row: int, values: list, fmt=None) -> None:
    for col, value in enumerate(values):
        sheet.write(row, col, safe(value) if value is not None else "", fmt)


def _about(sheet, columns: list[layout.Column], summary: dict, bold) -> None:
    _write(sheet, 0, ["Column", "Question (as asked)", "Value", "Type", "Answer codes", "Item"], bold)
    for n, (key, heading) in enumerate(layout.RESPONSE_COLUMNS, 1):
        _write(sheet, n, [heading, f"About the response ({key})", "", "", "", ""])
    start = len(layout.RESPONSE_COLUMNS) + 1
    for n, c in enumerate(columns, start):
        codes = "; ".join(f"{k} = {v}" for k, v in c.labels.items())
        asked = "; ".join(f"{layout.READERS.get(v, v)}: {w}" for v, w in c.wordings.items())
        _write(sheet, n, [c.heading, asked, c.value_id, c.type, codes, c.key])
    _write(sheet, start + len(columns) + 1, [summary["suppression"]["note"]])


def _responses(sheet, grouped_rows, columns, redact, bold, words) -> None:
    """Write one row per response; cells come escaped, and empty ones are left unwritten."""
    _write(sheet, 0, layout.headings(columns), bold)
    wide = layout.WideRows(columns, redact, words)
    write_string, write_number = sheet.write_string, sheet.write_number
    for n, row in enumerate(grouped_rows, 1):
        for col, cell in enumerate(wide.cells(row)):
            if cell.__class__ is str:
                if cell:
                    write_string(n, col, cell)
            elif cell is not None:
                write_number(n, col, cell)


def _by_value(sheet, summary: dict, bold) -> None:
    _write(sheet, 0, ["Value", "Sub-theme", "Title", "Responses", "Answers", "Comments",
                      "Mean sentiment"], bold)
    row = 1
    for value in summary["values"]:
        _write(sheet, row, [value["id"], "", value["title"], value["responses"], value["answers"],
                            value["comments"], value["sentiment"]["mean"]], bold)
        row += 1
        for sub in value["subthemes"]:
            _write(sheet, row, [value["id"], sub["id"], sub["title"], sub["responses"],
                                sub["answers"], sub["comments"], None])
            row += 1
    row += 1
    # The item id keeps its own column for machines; people read the question and the audience.
    _write(sheet, row, ["Item", "Question", "Audience", "Net agreement (%)"], bold)
    names = summary.get("names", {})
    for item in summary["items"]:
        for audience, net in item["net_agreement"].items():
            row += 1
            _write(sheet, row, [item["key"], item["wording"].get(audience, ""), names.get(audience, audience), net])


def _by_group(sheet, summary: dict, bold) -> None:
    row = 0
    for grouping, title in GROUP_TITLES.items():
        _write(sheet, row, [f"Who took part, by {title.lower()}"], bold)
        names = summary.get("names", {})
        row = _table(sheet, row + 1, summary["took_part"].get(grouping, []), bold, names) + 1
        _write(sheet, row, [f"Net agreement by value (%), by {title.lower()}"], bold)
        row = _table(sheet, row + 1, summary["groups"].get(grouping, []), bold, names) + 1


def _table(sheet, row: int, records: list[dict], bold, names: dict) -> int:
    if not records:
        _write(sheet, row, ["No data"])
        return row + 1
    keys = list(records[0])
    _write(sheet, row, ["Group" if k == "row" else names.get(k, k) for k in keys], bold)
    for n, record in enumerate(records, row + 1):
        _write(sheet, n, [names.get(record["row"], record["row"])] + [record.get(k) for k in keys[1:]])
    return row + 1 + len(records)


def _quotes(sheet, summary: dict, bold) -> None:
    _write(sheet, 0, ["Value", "Audience", "Quote (redacted)"], bold)
    row = 1
    for value in summary["values"]:
        for quote in value["quotes"]:
            audience = summary.get("names", {}).get(quote["audience"], quote["audience"])
            _write(sheet, row, [value["short"], audience, quote["text"]])
            row += 1
