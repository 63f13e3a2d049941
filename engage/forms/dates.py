"""A date staff type as day, month and year in three boxes (GOV.UK's date input).

A browser's own date box shows its locale's order (mm/dd/yyyy in an American browser), so a
council officer could not tell 3 June from 6 March. Three labelled boxes need no format; what
was typed is kept when the form is refused, and the error names the box to put right.
"""
import calendar
from datetime import date

from wtforms import Field
from wtforms.validators import ValidationError

PARTS = ("day", "month", "year")
EXAMPLES = {"day": "27", "month": "3", "year": "2027"}


class DayMonthYear(Field):
    """Boxes `<name>-day`, `-month`, `-year`; data is a date or None; `parts` are as typed.

    `required` is the message when all three are empty (None: the date is optional).
    `error_box` is the id of the first box to put right, for the error summary's link.
    """

    def __init__(self, label=None, required: str | None = None, **kwargs):
        super().__init__(label, **kwargs)
        self.required = required
        self.wrong: tuple[str, ...] = ()

    def process(self, formdata, data=None, extra_filters=None):
        """Read the boxes from the request, or split a saved date into them."""
        self.process_errors, self.raw_data, self.wrong, self.typed = [], [], (), None
        if formdata is not None and any(self.box_name(p) in formdata for p in PARTS):
            self.typed = {p: (formdata.get(self.box_name(p)) or "").strip()[:8] for p in PARTS}
            self.data = _as_date(self.typed)
        else:
            self.data = data if isinstance(data, date) else None

    @property
    def parts(self) -> dict[str, str]:
        """What is in each box: as typed, else the date the form was given (a view may set it)."""
        if self.typed is not None:
            return self.typed
        if isinstance(self.data, date):
            return {"day": str(self.data.day), "month": str(self.data.month), "year": str(self.data.year)}
        return dict.fromkeys(PARTS, "")

    def pre_validate(self, form):
        """Say which box is wrong and how, in plain words."""
        problem = self._problem()
        if problem:
            message, self.wrong = problem
            raise ValidationError(message)

    def box_name(self, part: str) -> str:
        return f"{self.name}-{part}"

    def box_id(self, part: str) -> str:
        return self.id if part == "day" else f"{self.id}-{part}"

    @property
    def error_box(self) -> str:
        return self.box_id(self.wrong[0]) if self.wrong else self.id

    def _problem(self) -> tuple[str, tuple[str, ...]] | None:
        name = str(self.label.text)
        missing = tuple(p for p in PARTS if not self.parts[p])
        if len(missing) == 3:
            return (self.required, ("day",)) if self.required else None
        if missing:
            return f"{name} must include {_and(['a ' + p for p in missing])}.", missing
        not_numbers = tuple(p for p in PARTS if not self.parts[p].isdigit())
        if not_numbers:
            part = not_numbers[0]
            return (f"{name} must be a real date: type the {part} as a number, "
                    f"for example {EXAMPLES[part]}."), not_numbers
        day, month, year = (int(self.parts[p]) for p in PARTS)
        if len(self.parts["year"]) != 4:
            return f"{name}: the year must have 4 numbers, for example 2027.", ("year",)
        if not 1 <= month <= 12:
            return f"{name} must be a real date: the month is a number from 1 to 12.", ("month",)
        days = calendar.monthrange(year, month)[1]
        if not 1 <= day <= days:
            in_year = f" in {year}" if month == 2 else ""
            return (f"{name} must be a real date: {calendar.month_name[month]} has {days} days{in_year}.",
                    ("day",))
        return None


def _as_date(parts: dict[str, str]) -> date | None:
    try:
        day, month, year = (int(parts[p]) for p in PARTS)
        return date(year, month, day) if len(parts["year"]) == 4 else None
    except ValueError:
        return None


def _and(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
