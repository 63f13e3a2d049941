"""Number and date answers: fields that read what was typed, and say plainly what is wrong.

A date is typed as day, month and year in three boxes (as GOV.UK's date input), so nobody has
to guess a format; the answer is stored as YYYY-MM-DD. A number is stored as typed, tidied
("1,200" becomes "1200"); nothing is kept when the answer is not a number.
"""
import re
from datetime import date
from decimal import Decimal

from wtforms import Field, StringField
from wtforms.validators import ValidationError

from engage.definitions.survey import Item

DATE_PARTS = ("day", "month", "year")
NUMBER = re.compile(r"^-?\d+(\.\d+)?$")  # as people type them: no exponents, no currency
LONGEST = 15  # characters in a number: more is a typing slip, not an answer
YEARS = (1900, 2100)


def number_field(item: Item, copy: dict) -> Field:
    """Return a text box that accepts a number in the item's range."""
    return StringField(validators=[number_check(item, copy)], filters=[lambda text: (text or "").strip()])


def date_field(item: Item, copy: dict) -> Field:
    """Return day, month and year boxes that make one date."""
    return DateParts(validators=[_real_date(copy["error_date"])])


def number_value(text: str | None) -> str | None:
    """Return the stored form of a valid number, or None when nothing was typed."""
    return _tidy(text) or None


def format_number(value: float) -> str:
    """Write a bound as people write it: 12, not 12.0."""
    return f"{value:g}" if float(value).is_integer() else str(value)


def _tidy(text: str | None) -> str:
    return (text or "").strip().replace(",", "").replace(" ", "")


def number_check(item: Item, copy: dict):
    """Return a validator that says plainly when the typed number is not one, or out of range."""
    def check(_form, field):
        typed = _tidy(field.data)
        if not typed:
            return
        found = Decimal(typed) if NUMBER.match(typed) and len(typed) <= LONGEST else None
        if found is None:
            raise ValidationError(copy["error_number"] if item.decimals else copy["error_whole_number"])
        if not item.decimals and found != found.to_integral_value():
            raise ValidationError(copy["error_whole_number"])
        if item.min is not None and not item.min <= found <= item.max:
            raise ValidationError(copy["error_number_range"].format(
                min=format_number(item.min), max=format_number(item.max)))
    return check


class DateParts(Field):
    """Three boxes, `<name>-day`, `-month` and `-year`; data is YYYY-MM-DD or None."""

    def process(self, formdata, data=None, extra_filters=None):
        """Read the three boxes from the post, or split a saved date into them."""
        self.process_errors = []
        self.raw_data = []
        if formdata is not None and any(f"{self.name}-{p}" in formdata for p in DATE_PARTS):
            self.parts = {p: (formdata.get(f"{self.name}-{p}") or "").strip()[:8] for p in DATE_PARTS}
        else:
            saved = data if isinstance(data, str) else ""
            year, _, rest = saved.partition("-")
            month, _, day = rest.partition("-")
            self.parts = {"day": day.lstrip("0"), "month": month.lstrip("0"), "year": year}
        self.data = as_date(self.parts)

    def _value(self):
        return self.parts


def as_date(parts: dict[str, str]) -> str | None:
    """Return YYYY-MM-DD for three boxes that make a real date, else None."""
    try:
        day, month, year = (int(parts[p]) for p in DATE_PARTS)
        if not YEARS[0] <= year <= YEARS[1]:
            return None
        return date(year, month, day).isoformat()
    except (ValueError, KeyError):
        return None


def _real_date(message: str):
    def check(_form, field):
        typed = any(field.parts.values())
        if typed and field.data is None:
            raise ValidationError(message)
    return check
