"""Making cell values safe and readable in spreadsheets."""
from typing import Any

# A cell starting with one of these is run as a formula by Excel, LibreOffice or Sheets.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def escape(text: str) -> str:
    """Defuse a formula: a text starting with a trigger gets a leading apostrophe."""
    if text and text.startswith(FORMULA_TRIGGERS):
        return "'" + text
    return text


def safe(value: Any) -> Any:
    """Escape strings; pass numbers, dates and None through."""
    return escape(value) if isinstance(value, str) else value
