"""The data-entry form for one paper survey: a box per question, option numbers as on paper.

An officer types the number beside each ticked box ("2"; several as "1 3 4"; a ranking in
order, 1st choice first) and types free text as written. The form turns the numbers into the
stored answers and explains anything it cannot read in plain words.
"""
from types import SimpleNamespace

from flask_wtf import FlaskForm
from wtforms import HiddenField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Length, Regexp, ValidationError

from engage.definitions.paper import NUMBERS, PaperQuestion
from engage.forms.answers import DATE_PARTS, as_date, number_check, number_value
from engage.services.responses import AnswerValue

# Officers' words for a number that cannot be read (the journey uses each audience's own).
PAPER_NUMBER_WORDS = {"error_number": "this is not a number as typed, like 12 or 2.5.",
                      "error_whole_number": "type a whole number, like 12.",
                      "error_number_range": "type a number from {min} to {max}."}


def field_name(question: PaperQuestion) -> str:
    """Return the entry field of a question."""
    return f"q_{question.item.id}"


def how_to_enter(question: PaperQuestion) -> str:
    """Say what to type for this question, with the numbers printed on the form."""
    last = len(question.options)
    if question.kind == "one":
        return f"Type the number ticked, 1 to {last}."
    if question.kind == "rank":
        return f"Type the numbers in order, 1st choice first (up to {question.picks})."
    if question.kind == "many":
        return f"Type every number ticked, like 1 3 (up to {question.picks})."
    if question.kind == "number":
        return "Type the number as written. Leave it blank if it is empty."
    if question.kind == "date":
        return "Type the date as day, month and year, like 27 3 2015. Leave it blank if it is empty."
    return "Type the words as written. Leave it blank if it is empty."


def picked_values(question: PaperQuestion, typed: str | None) -> list[str]:
    """Turn typed option numbers into stored values, or raise ValidationError in plain words."""
    parts = [p for p in NUMBERS.split((typed or "").strip()) if p]
    where = f"Question {question.number}"
    last = len(question.options)
    if any(not p.isdigit() or not 1 <= int(p) <= last for p in parts):
        raise ValidationError(f"{where}: type numbers from 1 to {last} only.")
    if len(set(parts)) != len(parts):
        raise ValidationError(f"{where}: a number is there twice.")
    if len(parts) > question.picks:
        many = "one number" if question.picks == 1 else f"up to {question.picks} numbers"
        raise ValidationError(f"{where}: type {many}.")
    return [question.options[int(p) - 1][0] for p in parts]


def _numbers_check(question: PaperQuestion):
    def check(_form, field):
        field.picked = picked_values(question, field.data)
    return check


def _typed_check(question: PaperQuestion):
    def check(_form, field):
        field.typed = None
        text = (field.data or "").strip()
        if not text:
            return
        if question.kind == "date":
            parts = [p for p in NUMBERS.split(text.replace(".", " ").replace("-", " ")) if p]
            field.typed = as_date(dict(zip(DATE_PARTS, parts, strict=False))) if len(parts) == 3 else None
            if field.typed is None:
                raise ValidationError(f"Question {question.number}: type a real date as day, month and year, "
                                      "like 27 3 2015.")
            return
        typed = number_value(text)
        try:
            number_check(question.item, PAPER_NUMBER_WORDS)(_form, SimpleNamespace(data=typed))
        except ValidationError as why:
            raise ValidationError(f"Question {question.number}: {why}") from why
        field.typed = typed
    return check


def _text_check(question: PaperQuestion, max_text: int):
    def check(_form, field):
        if len(field.data or "") > max_text:
            raise ValidationError(f"Question {question.number}: the text is longer than {max_text:,} characters.")
    return check


def entry_form(questions: list[PaperQuestion], schools: list[tuple[str, str]], max_text: int) -> FlaskForm:
    """Return the entry form: the batch's school, then one box per question in paper order."""
    choices = [SelectChoice(v, label) for v, label in [("", "Not known, or not a school"), *schools]]
    fields = {"school": SelectField("School these forms came from", choices=choices),
              # One per form shown: a second post of the same form (a double press) stores nothing new.
              "entry_token": HiddenField(validators=[Length(min=20, max=43), Regexp(r"^[A-Za-z0-9_-]+$")])}
    for q in questions:
        label = f"{q.number}. {q.label}"
        if q.kind == "text":
            fields[field_name(q)] = TextAreaField(label, validators=[_text_check(q, max_text)])
        elif q.kind in ("number", "date"):
            fields[field_name(q)] = StringField(label, validators=[_typed_check(q)])
        else:
            fields[field_name(q)] = StringField(label, validators=[_numbers_check(q)])
    return type("PaperEntryForm", (FlaskForm,), fields)()


def answers_from(form: FlaskForm, questions: list[PaperQuestion]) -> dict[str, AnswerValue]:
    """Return the validated entry as answers, by item id."""
    answers = {}
    for q in questions:
        field = form[field_name(q)]
        if q.kind == "text":
            answers[q.item.id] = AnswerValue(text=(field.data or "").strip() or None)
        elif q.kind in ("number", "date"):
            answers[q.item.id] = AnswerValue(value=field.typed)
        elif q.kind == "one":
            answers[q.item.id] = AnswerValue(value=(field.picked or [None])[0])
        else:
            answers[q.item.id] = AnswerValue(choices=field.picked or None)
    return answers
