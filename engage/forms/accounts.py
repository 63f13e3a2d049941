"""The admin's form for changing an account's role and the schools a school contact looks after."""
from flask_wtf import FlaskForm
from wtforms import RadioField, SelectMultipleField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired

from engage.models import Role


def role_form(known_schools: list[tuple[int, str]], data: dict | None = None) -> FlaskForm:
    """Build the form with a choice of every role and every school."""
    school_choices = [SelectChoice(i, name) for i, name in known_schools]

    class RoleForm(FlaskForm):
        role = RadioField("Role", choices=[SelectChoice(r.value, r.label) for r in Role],
                          validators=[InputRequired("Choose a role.")])
        schools = SelectMultipleField("Schools (school contacts only)", coerce=int,
                                      choices=school_choices)

    return RoleForm(data=data)
