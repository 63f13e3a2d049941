"""Read an XLSForm workbook (.xlsx) into plain rows, and the notes an import makes about them."""
import io
import json
import warnings
import zipfile
from dataclasses import dataclass, field

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

SHEETS = ("survey", "choices", "settings")
MAX_ROWS = 5000  # far more than any real form; stops a huge upload tying up a worker
# Blank rows in a row after which reading stops: spreadsheets often carry formatting (borders,
# validation) down to row 1,048,576, and no real form leaves such a gap between its rows.
MAX_BLANK = 1000


class XLSFormError(Exception):
    """The file cannot be imported at all; the message says why in plain words."""

    def __init__(self, message: str, notes: list | None = None):
        super().__init__(message)
        self.notes = notes or []


@dataclass(frozen=True)
class Note:
    """What the import did with one row: skipped it, or changed something on the way."""

    sheet: str
    row: int | None
    name: str
    outcome: str  # "skipped" or "changed"
    reason: str

    def __str__(self) -> str:
        where = f"{self.sheet} sheet" + (f", row {self.row}" if self.row else "")
        name = f" ({self.name})" if self.name else ""
        return f"{where}{name}: {self.outcome}: {self.reason}"


@dataclass(frozen=True)
class Row:
    """One non-empty row of a sheet, keyed by column heading."""

    sheet: str
    number: int
    cells: dict[str, str] = field(default_factory=dict)

    def get(self, column: str) -> str:
        """Return a cell's text, or "" when the column is absent or blank."""
        return self.cells.get(column, "")

    def more(self) -> dict | None:
        """Return the keys in the `engage_more` cell (JSON written by the export); None if unreadable."""
        try:
            found = json.loads(self.get("engage_more") or "{}")
        except ValueError:
            return None
        return found if isinstance(found, dict) else None


def extra(row: Row, notes: list[Note]) -> dict:
    """Return the row's `engage_more` keys, noting a cell that cannot be read."""
    found = row.more()
    if found is None:
        notes.append(Note(row.sheet, row.number, row.get("name"), "changed",
                          "engage_more is not a JSON mapping, so it was ignored"))
    return found or {}


NOT_A_WORKBOOK = ("This file is not an Excel workbook (.xlsx). Save the form from Excel, "
                  "LibreOffice or KoboToolbox as .xlsx and try again.")
DAMAGED = ("Part of this workbook is damaged, so it cannot be read. Open it in Excel or LibreOffice, "
           "save it again as .xlsx and try again.")


def read_workbook(data: bytes) -> dict[str, list[Row]]:
    """Return the survey, choices and settings sheets as rows; raise XLSFormError if unreadable."""
    try:
        # openpyxl warns about Excel features it does not read (data validation, styles):
        # none of them matter to a form's content.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError, TypeError) as exc:
        raise XLSFormError(NOT_A_WORKBOOK) from exc
    except Exception as exc:  # noqa: BLE001 - damaged XML inside the zip raises the parser's own errors
        raise XLSFormError(DAMAGED) from exc
    try:
        return _sheets(book)
    except XLSFormError:
        raise
    except Exception as exc:  # noqa: BLE001 - a sheet's XML is parsed lazily, row by row
        raise XLSFormError(DAMAGED) from exc
    finally:
        book.close()


def _sheets(book) -> dict[str, list[Row]]:
    sheets = {name.strip().lower(): book[name] for name in book.sheetnames}
    if "survey" not in sheets:
        raise XLSFormError("The workbook has no 'survey' sheet, so it is not an XLSForm. "
                           f"Its sheets are: {', '.join(book.sheetnames) or 'none'}.")
    return {name: _rows(name, sheets[name]) if name in sheets else [] for name in SHEETS}


def _rows(sheet: str, worksheet) -> list[Row]:
    """Read rows up to the last one with any text; blank rows (and formatting) after it are ignored."""
    values = worksheet.iter_rows(values_only=True)
    header = [_heading(cell) for cell in next(values, ())]
    rows: list[Row] = []
    for number, cells in enumerate(values, start=2):
        texts = {header[i]: _text(c) for i, c in enumerate(cells) if i < len(header) and header[i]}
        texts = {k: v for k, v in texts.items() if v}
        if texts:
            if len(rows) >= MAX_ROWS:
                raise XLSFormError(f"The '{sheet}' sheet has more than {MAX_ROWS} rows; split the form.")
            rows.append(Row(sheet, number, texts))
        elif number - (rows[-1].number if rows else 1) > MAX_BLANK:
            break  # a sheet formatted to its last row: nothing more will follow
    return rows


def _heading(cell: object) -> str:
    """Lower-case a column heading's column part; keep a language name as written."""
    text = _text(cell)
    column, sep, language = text.partition("::")
    return column.strip().lower() + sep + language.strip()


def _text(cell: object) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    return str(cell).strip()
