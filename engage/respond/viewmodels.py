"""Plain dicts for the question macros, so templates need no logic."""
from flask_wtf import FlaskForm

from engage.definitions.choices import Choice
from engage.definitions.survey import Item
from engage.definitions.variants import TOP_CHOICES
from engage.forms.answers import DATE_PARTS
from engage.forms.ballot import ballot_words, place_labels
from engage.forms.survey import field_name


def question(item: Item, form: FlaskForm, choices: list[Choice], variant: str, copy: dict,
             as_heading: bool, max_text: int) -> dict:
    """Describe one question for templates/respond/_fields.html."""
    field = form[field_name(item)]
    selected = field.data if isinstance(field.data, list) else [field.data]
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
            {"value": c.value, "label": c.label, "face": c.face, "checked": c.value in selected}
            for c in choices
        ],
        "value": field.data if item.type in ("text", "number") and field.data else "",
        **_typed_in(item, field, copy),
        "error": field.errors[0] if field.errors else None,
        "max_length": max_text,
        "limit_hint": copy["text_limit_hint"].format(max=f"{max_text:,}"),
        "max_choices": TOP_CHOICES,
        "places": _places(item, selected, choices, copy),
        "none_label": ballot_words(copy)["ballot_none"],
    }


def _typed_in(item: Item, field, copy: dict) -> dict:
    """The boxes of a number or date question: the keyboard to offer, the date's parts."""
    if item.type == "number":
        return {"inputmode": "decimal" if item.decimals else "numeric"}
    if item.type == "date":
        return {"parts": [{"part": p, "label": copy[f"date_{p}"], "value": field.parts.get(p, ""),
                           "width": 4 if p == "year" else 2} for p in DATE_PARTS]}
    return {}


def _places(item: Item, selected: list, choices: list[Choice], copy: dict) -> list[dict]:
    """A ranked ballot's selects: "1st choice" ... each with the option picked there."""
    if item.type != "ballot" or not item.rank:
        return []
    picked = list(selected or []) + [None] * item.rank
    return [{"label": label, "options": [{"value": c.value, "label": c.label,
                                          "selected": c.value == picked[n]} for c in choices]}
            for n, label in enumerate(place_labels(item, copy))]


def error_list(form: FlaskForm) -> list[tuple[str, str]]:
    """Return (anchor, message) pairs for the error summary, in page order."""
    return [(f"{name}", errors[0]) for name, errors in form.errors.items() if errors]
