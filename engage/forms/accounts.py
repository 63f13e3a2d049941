"""The admin's forms for staff accounts: a new account, and a change of role and schools."""
from flask_wtf import FlaskForm
from wtforms import EmailField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length

from engage.forms.workspace import PlainRadioField, PlainSelectMultipleField
from engage.models import Role


def role_form(known_schools: list[tuple[int, str]], data: dict | None = None) -> FlaskForm:
    """Build the form with a choice of every role and every school."""
    return _role_form_class(known_schools)(data=data)


def new_account_form(known_schools: list[tuple[int, str]]) -> FlaskForm:
    """Build the form for a new account: an email address, then the role and schools."""

    # Made before the role fields so that it comes first, as on the page, in the error summary.
    email_field = EmailField("Email address", validators=[
        DataRequired("Enter their email address."),
        Length(max=254, message="Email address must be 254 characters or fewer.")])

    class NewAccountForm(_role_form_class(known_schools)):
        email = email_field

    return NewAccountForm()


def _role_form_class(known_schools: list[tuple[int, str]]) -> type[FlaskForm]:
    class RoleForm(FlaskForm):
        role = PlainRadioField("Role", choices=[SelectChoice(r.value, r.label) for r in Role],
                               validators=[InputRequired("Choose a role.")],
                               choose="Choose one of the roles listed.")
        schools = PlainSelectMultipleField(
            "Schools (school contacts and a school's safeguarding lead only)", coerce=int,
            choices=[SelectChoice(i, name) for i, name in known_schools],
            choose="Choose from the schools listed.")

    return RoleForm
