"""Plain dicts for the question macros, so templates need no logic."""
from flask_wtf import FlaskForm
from markupsafe import Markup

from engage.definitions.choices import Choice
from engage.definitions.survey import Item
from engage.definitions.variants import TOP_CHOICES
from engage.forms.answers import DATE_PARTS
from engage.forms.ballot import ballot_words, place_labels
from engage.forms.survey import field_name


class FieldState:
    """What one question shows of a form field: the options picked, the text typed, the error.

    A page drawn once for everyone (engage/respond/page_cache.py) asks the same questions of a
    stand-in that answers with slot markers, filled per request from the respondent's answers.
    """

    def __init__(self, field) -> None:
        self.data = field.data
        self.parts = getattr(field, "parts", {})
        self.error = field.errors[0] if field.errors else None
        self.picked = self.data if isinstance(self.data, list) else [self.data]

    def checked(self, value: str) -> bool | Markup:
        """Say whether an option is ticked."""
        return value in self.picked

    def selected(self, place: int, value: str) -> bool | Markup:
        """Say whether an option is chosen in a ranked ballot's place (0 for 1st)."""
        picked = list(self.picked or []) + [None] * (place + 1)
        return value == picked[place]

    def typed(self, item_type: str) -> str | Markup:
        """Return the text or number typed in a box."""
        return self.data if item_type in ("text", "number") and self.data else ""

    def part(self, name: str) -> str | Markup:
        """Return one box of a date (day, month or year)."""
        return self.parts.get(name, "")


def question(item: Item, form: FlaskForm, choices: list[Choice], variant: str, copy: dict,
             as_heading: bool, max_text: int, state: FieldState | None = None) -> dict:
    """Describe one question for templates/respond/_fields.html."""
    state = state or FieldState(form[field_name(item)])
    hint = item.hint.get(variant)
    if item.type == "top3":
        hint = " ".join(filter(None, [hint, copy["error_too_many"].format(max=TOP_CHOICES)]))
    if item.type == "date":
        hint = " ".join(filter(None, [hint, copy["date_hint"]]))
    return {
        "name": field_name(item),
        "type": item.type,
        "label": item.text[variant],
        "hint": hint,
        "as_heading": as_heading,
        "faces": item.type == "scale" and variant == "primary",
        "options": [
            {"value": c.value, "label": c.label, "face": c.face, "checked": state.checked(c.value)}
            for c in choices
        ],
        "value": state.typed(item.type),
        **_typed_in(item, state, copy),
        "error": state.error,
        "max_length": max_text,
        "limit_hint": copy["text_limit_hint"].format(max=f"{max_text:,}"),
        "max_choices": TOP_CHOICES,
        "places": _places(item, state, choices, copy),
        "none_label": ballot_words(copy)["ballot_none"],
    }


def _typed_in(item: Item, state: FieldState, copy: dict) -> dict:
    """The boxes of a number or date question: the keyboard to offer, the date's parts."""
    if item.type == "number":
        return {"inputmode": "decimal" if item.decimals else "numeric"}
    if item.type == "date":
        return {"parts": [{"part": p, "label": copy[f"date_{p}"], "value": state.part(p),
                           "width": 4 if p == "year" else 2} for p in DATE_PARTS]}
    return {}


def _places(item: Item, state: FieldState, choices: list[Choice], copy: dict) -> list[dict]:
    """A ranked ballot's selects: "1st choice" ... each with the option picked there."""
    if item.type != "ballot" or not item.rank:
        return []
    return [{"label": label, "options": [{"value": c.value, "label": c.label,
                                          "selected": state.selected(n, c.value)} for c in choices]}
            for n, label in enumerate(place_labels(item, copy))]


def error_list(form: FlaskForm) -> list[tuple[str, str]]:
    """Return (anchor, message) pairs for the error summary, in page order."""
    return [(f"{name}", errors[0]) for name, errors in form.errors.items() if errors]
