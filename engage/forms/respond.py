"""Small fixed forms of the respondent journey."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length

from engage.forms.wtforms_words import TranslatedForm


class CodeForm(TranslatedForm):
    """A class code typed in by a pupil."""

    code = StringField(validators=[DataRequired(_l("Enter the code your teacher gave you.")),
                                   Length(max=32, message=_l("That code is too long."))])


class AudienceForm(TranslatedForm):
    """Who is answering: which variant of the survey they see."""

    audience = RadioField(validators=[DataRequired(_l("Choose who you are."))], validate_choice=True)


class StartForm(TranslatedForm):
    """The start button after the privacy notice (CSRF only)."""


class ResumeForm(TranslatedForm):
    """A resume code: four words."""

    code = StringField(validators=[DataRequired(_l("Enter your four words.")),
                                   Length(max=60, message=_l("That code is too long."))])


def talk_to_me_form(copy: dict) -> FlaskForm:
    """A respondent asks for someone to talk to them; messages in their own variant's words."""

    class TalkToMeForm(TranslatedForm):
        how_to_reach = TextAreaField(validators=[
            DataRequired(copy["talk_to_me_missing"]),
            Length(max=1000, message=copy["talk_to_me_too_long"]),
        ])

    return TalkToMeForm()
