"""Forms of the comment review: an officer's correction, and the filters (a GET form)."""
from flask_wtf import FlaskForm
from wtforms import BooleanField, HiddenField, SelectField
from wtforms.validators import DataRequired, Optional


class TagForm(FlaskForm):
    """An officer's tag for one answer: a value, and a sub-theme of it if one fits."""

    answer_id = HiddenField(validators=[DataRequired()])
    tag = SelectField("Value or sub-theme", validate_choice=True)


class FilterForm(FlaskForm):
    """Which comments to list; read from the query string, so no CSRF token is needed."""

    class Meta:
        csrf = False

    value = SelectField("Value", validators=[Optional()], validate_choice=True)
    subtheme = SelectField("Sub-theme", validators=[Optional()], validate_choice=True)
    audience = SelectField("Who wrote it", validators=[Optional()], validate_choice=True)
    question = SelectField("Question", validators=[Optional()], validate_choice=True)
    uncertain = BooleanField("Only tags the model is unsure of")
    unread = BooleanField("Only comments I have not read")
