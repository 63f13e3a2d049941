"""The summary's filters: a GET form, so a filtered view can be bookmarked and shared."""
from flask_wtf import FlaskForm
from wtforms import SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Optional

from engage.forms.dates import DayMonthYear


class FilterForm(FlaskForm):
    """Who to include in the summary. Choices come from the consultation and the framework."""

    class Meta:
        csrf = False  # a read-only GET form

    audience = SelectField("Audience", validators=[Optional()])
    variant = SelectField("Survey version", validators=[Optional()])
    school = SelectField("School", validators=[Optional()])
    area = SelectField("Area", validators=[Optional()])
    priority_group = SelectField("Priority group", validators=[Optional()])
    channel = SelectField("How they answered", validators=[Optional()])
    language = SelectField("Language", validators=[Optional()])
    date_from = DayMonthYear("Sent on or after")
    date_to = DayMonthYear("Sent on or before")


class StatementForm(FlaskForm):
    """A "You said" statement: the officer wording and each age band's wording."""

    text = TextAreaField("You said (for officers and adults)", validators=[
        DataRequired("Write what people said.")])
    primary = TextAreaField("Ages 8 to 10", validators=[Optional()])
    secondary = TextAreaField("Ages 11 to 16", validators=[Optional()])
    post16 = TextAreaField("Ages 16 to 25", validators=[Optional()])


class StandOutForm(FlaskForm):
    """What stands out for one value, as the officer edited it, to become a draft statement."""

    text = TextAreaField("What stands out", validators=[DataRequired("Write what stands out.")])


class ActionForm(FlaskForm):
    """A "We did / We will" action with its owner, due date, status and outcome."""

    text = TextAreaField("We did or we will", validators=[DataRequired("Write what we did or will do.")])
    owner = StringField("Owner", validators=[DataRequired("Say who owns this action.")])
    due_on = DayMonthYear("Due date")
    status = SelectField("Status", choices=[SelectChoice("planned", "We will"),
                                            SelectChoice("in_progress", "Under way"),
                                            SelectChoice("done", "We did")])
    primary = TextAreaField("Ages 8 to 10", validators=[Optional()])
    secondary = TextAreaField("Ages 11 to 16", validators=[Optional()])
    post16 = TextAreaField("Ages 16 to 25", validators=[Optional()])
    outcome = TextAreaField("As a result (optional)", validators=[Optional()])
    outcome_primary = TextAreaField("As a result, ages 8 to 10", validators=[Optional()])
    outcome_secondary = TextAreaField("As a result, ages 11 to 16", validators=[Optional()])
    outcome_post16 = TextAreaField("As a result, ages 16 to 25", validators=[Optional()])


class ButtonForm(FlaskForm):
    """A form that is only a button (draft, publish): it carries the CSRF token."""
