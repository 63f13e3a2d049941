"""The summary's filters: a GET form, so a filtered view can be bookmarked and shared."""
from flask_wtf import FlaskForm
from wtforms import DateField, SelectField
from wtforms.validators import Optional


class FilterForm(FlaskForm):
    """Who to include in the summary. Choices come from the consultation and the framework."""

    class Meta:
        csrf = False  # a read-only GET form

    audience = SelectField("Audience", validators=[Optional()])
    variant = SelectField("Survey version", validators=[Optional()])
    school = SelectField("School", validators=[Optional()])
    area = SelectField("Area", validators=[Optional()])
    priority_group = SelectField("Priority group", validators=[Optional()])
    date_from = DateField("Sent on or after", validators=[Optional()])
    date_to = DateField("Sent on or before", validators=[Optional()])
