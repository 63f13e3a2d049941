"""Build a FlaskForm for one survey page from its items, via a question-type registry."""
from collections.abc import Callable
from types import SimpleNamespace

from flask_wtf import FlaskForm
from wtforms import Field, RadioField, SelectMultipleField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import ValidationError

from engage.definitions.choices import Choice
from engage.definitions.survey import Item
from engage.definitions.variants import TOP_CHOICES
from engage.forms.answers import date_field, number_field, number_value
from engage.forms.ballot import rank_field, ranked
from engage.forms.wtforms_words import TranslatedForm
from engage.services.responses import AnswerValue

FieldBuilder = Callable[[Item, list[Choice], dict, int], Field]


def field_name(item: Item) -> str:
    """Return the form field name of an item."""
    return f"q_{item.id}"


def _one_of(allowed: set[str], message: str):
    def check(_form, field):
        given = field.data if isinstance(field.data, list) else [field.data]
        if any(v not in allowed for v in given if v):
            raise ValidationError(message)
    return check


def _at_most(limit: int, message: str):
    def check(_form, field):
        if field.data and len(field.data) > limit:
            raise ValidationError(message)
    return check


def _select(choices: list[Choice]) -> list[SelectChoice]:
    return [SelectChoice(c.value, c.label) for c in choices]


def _radio(item: Item, choices: list[Choice], copy: dict, _max_text: int) -> Field:
    allowed = {c.value for c in choices}
    return RadioField(choices=_select(choices), validate_choice=False,
                      validators=[_one_of(allowed, copy["error_invalid_choice"])])


def _checkboxes(item: Item, choices: list[Choice], copy: dict, _max_text: int) -> Field:
    allowed = {c.value for c in choices}
    validators = [_one_of(allowed, copy["error_invalid_choice"])]
    if item.type == "top3":
        validators.append(_at_most(TOP_CHOICES, copy["error_too_many"].format(max=TOP_CHOICES)))
    return SelectMultipleField(choices=_select(choices),
                               validate_choice=False, validators=validators)


def _text(item: Item, _choices: list[Choice], copy: dict, max_text: int) -> Field:
    return TextAreaField(validators=[_at_most(max_text, copy["error_too_long"].format(max=max_text))])


def _ballot(item: Item, choices: list[Choice], copy: dict, max_text: int) -> Field:
    if item.rank:
        return rank_field(item, choices, copy)
    return _radio(item, choices, copy, max_text)


def _number(item: Item, _choices: list[Choice], copy: dict, _max_text: int) -> Field:
    return number_field(item, copy)


def _date(item: Item, _choices: list[Choice], copy: dict, _max_text: int) -> Field:
    return date_field(item, copy)


FIELD_TYPES: dict[str, FieldBuilder] = {
    "scale": _radio,
    "single": _radio,
    "yesno": _radio,
    "multi": _checkboxes,
    "top3": _checkboxes,
    "text": _text,
    "ballot": _ballot,
    "number": _number,
    "date": _date,
}


def page_form_class(items: list[Item], choices: dict[str, list[Choice]], copy: dict,
                    max_text: int) -> type[FlaskForm]:
    """Return a form class with one field per item, built by its type's builder."""
    fields = {}
    for item in items:
        field = FIELD_TYPES[item.type](item, choices[item.id], copy, max_text)
        field.kwargs.setdefault("label", _unused_label(field_name(item)))
        fields[field_name(item)] = field
    return type("SurveyPageForm", (TranslatedForm,), fields)


def _unused_label(name: str) -> str:
    """The label WTForms would give the field, set here: pages draw the question's own words, and
    WTForms looks an unset label up in the catalogue whenever a form is made, which read the
    request's locale (parsed afresh by Babel) on every post."""
    return name.replace("_", " ").title()


def answers_from(form: FlaskForm, items: list[Item]) -> dict[str, AnswerValue]:
    """Turn validated form data into answers, by item id."""
    answers = {}
    for item in items:
        data = form[field_name(item)].data
        if item.type == "text":
            answers[item.id] = AnswerValue(text=(data or "").strip() or None)
        elif item.type in ("multi", "top3"):
            answers[item.id] = AnswerValue(choices=list(data) if data else None)
        elif item.type == "ballot" and item.rank:
            answers[item.id] = AnswerValue(choices=ranked(data) or None)
        elif item.type == "number":
            answers[item.id] = AnswerValue(value=number_value(data))
        else:
            answers[item.id] = AnswerValue(value=data or None)
    return answers


def initial_data(items: list[Item], saved: dict) -> dict:
    """Return form data from saved answers, so Back and resume show what was given."""
    data = {}
    for item in items:
        answer = saved.get(item.id)
        if answer is None:
            continue
        if item.type == "text":
            data[field_name(item)] = answer.text
        elif item.type in ("multi", "top3") or (item.type == "ballot" and item.rank):
            data[field_name(item)] = answer.choices or []
        else:
            data[field_name(item)] = answer.value
    return data


def saved_field(item: Item, data) -> SimpleNamespace:
    """Return what a page form's field holds when drawn from initial data (no post), without a form.

    Mirrors the fields' own processing of `data` as initial_data() gives it: choices as text,
    a number's spaces trimmed, a date split into its boxes.
    """
    if item.type == "date":
        saved = data if isinstance(data, str) else ""
        year, _, rest = saved.partition("-")
        month, _, day = rest.partition("-")
        return SimpleNamespace(data=data, parts={"day": day.lstrip("0"), "month": month.lstrip("0"),
                                                 "year": year}, errors=[])
    if item.type == "number":
        data = (data or "").strip()
    elif item.type in ("multi", "top3"):
        data = [str(v) for v in data] if data is not None else None
    elif item.type == "ballot" and item.rank:
        data = list(data or [])
    elif item.type != "text" and data is not None:
        data = str(data)
    return SimpleNamespace(data=data, errors=[])
