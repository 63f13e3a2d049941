"""Forms of the survey editor: wordings, page titles, moves, removals, new families, YAML import."""
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import HiddenField, SelectField, SelectMultipleField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import AnyOf, DataRequired, Length, Optional

from engage.forms.yaml_settings import settings_text, settings_validator
from engage.services.survey_editing import PAGE_KEYS
from engage.services.workspace.surveys import MAX_WORDING

AUDIENCE_NAMES = {"primary": "Primary", "secondary": "Secondary", "post16": "Post-16",
                  "parent": "Parent or carer", "professional": "Professional"}


TOO_LONG = f"A wording must be {MAX_WORDING} characters or fewer."


def field_name(item_id: str, variant: str) -> str:
    """Return the form field name of one wording."""
    return f"w__{item_id}__{variant}"


def wording_form(boxes: list[tuple[str, str, str]]) -> FlaskForm:
    """Build a form with a box for each (item id, variant, current wording)."""

    class WordingForm(FlaskForm):
        pass

    for item_id, variant, _text in boxes:
        setattr(WordingForm, field_name(item_id, variant), TextAreaField(
            f"{AUDIENCE_NAMES.get(variant, variant)} wording",
            validators=[DataRequired(f"Enter the {AUDIENCE_NAMES.get(variant, variant).lower()} "
                                     f"wording of {item_id}."),
                        Length(max=MAX_WORDING, message=TOO_LONG)]))
    form = WordingForm()
    for item_id, variant, text in boxes:
        field = form[field_name(item_id, variant)]
        if not form.is_submitted():
            field.data = text
    return form


class ImportForm(FlaskForm):
    """A YAML survey, as a file or pasted."""

    file = FileField("YAML file")
    text = TextAreaField("Or paste the YAML", validators=[Optional()])


class RemoveForm(FlaskForm):
    """Confirm removing a question or a page, from the version the editor showed."""

    base_version = HiddenField(validators=[DataRequired("Open the survey again and try once more.")])


class MoveForm(RemoveForm):
    """Move a question or a page one place up or down."""

    kind = HiddenField(validators=[AnyOf(["item", "page"], message="Choose a question or a page to move.")])
    key = HiddenField(validators=[DataRequired("Choose a question or a page to move.")])
    direction = HiddenField(validators=[AnyOf(["up", "down"], message="Choose up or down.")])


class DetailsForm(FlaskForm):
    """The family's title and description, which officers see."""

    base_version = HiddenField()
    title = StringField("Title", validators=[DataRequired("Enter a title."), Length(max=200)])
    description = TextAreaField("Description", validators=[Optional(), Length(max=MAX_WORDING, message=TOO_LONG)])


def titles_form(variants: list[str], page: dict, base: int) -> FlaskForm:
    """Build a form with a page title box for each of the family's variants, and other settings."""
    titles = page.get("title") if isinstance(page.get("title"), dict) else {}
    fields = {"base_version": HiddenField(default=str(base)),
              "extra": TextAreaField("Other settings (YAML)", default=settings_text(page, PAGE_KEYS),
                                     validators=[settings_validator(PAGE_KEYS)])}
    for v in variants:
        fields[f"new_title_{v}"] = StringField(f"{AUDIENCE_NAMES.get(v, v)} title", default=titles.get(v, ""),
                                               validators=[Optional(), Length(max=MAX_WORDING, message=TOO_LONG)])
    return type("PageTitlesForm", (FlaskForm,), fields)()


class NewFamilyForm(FlaskForm):
    """A new survey family with its first page and question; the rest is added after."""

    family = StringField("Survey id", validators=[DataRequired("Enter a survey id."), Length(max=79)])
    title = StringField("Title", validators=[DataRequired("Enter a title."), Length(max=200)])
    description = TextAreaField("Description", validators=[Optional(), Length(max=MAX_WORDING, message=TOO_LONG)])
    variants = SelectMultipleField("Audiences", choices=[SelectChoice(v, n) for v, n in AUDIENCE_NAMES.items()],
                                   validators=[DataRequired("Choose at least one audience.")])
    page_id = StringField("First page id", validators=[DataRequired("Enter an id for the first page."),
                                                        Length(max=64)])
    page_title = StringField("First page title", validators=[DataRequired("Enter a title for the first page."),
                                                              Length(max=MAX_WORDING)])
    item_id = StringField("First question id", validators=[DataRequired("Enter an id for the first question."),
                                                            Length(max=64)])
    item_type = SelectField("First question type", choices=[
        SelectChoice("scale", "Scale: agree (5 points)"), SelectChoice("yesno", "Yes, no or not sure"),
        SelectChoice("text", "Free text")])
    value = SelectField("Value it measures", choices=[SelectChoice(str(n), str(n)) for n in range(1, 6)])
    question = TextAreaField("First question", validators=[DataRequired("Enter the first question."),
                                                          Length(max=MAX_WORDING, message=TOO_LONG)])
