"""Forms of the survey editor: one wording box per item and variant, and a YAML import."""
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from engage.services.workspace_surveys import MAX_WORDING

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
