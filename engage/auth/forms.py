"""Sign-in and sign-out forms."""
from flask_wtf import FlaskForm
from wtforms import EmailField, HiddenField, PasswordField, StringField
from wtforms.validators import DataRequired, EqualTo, Length


class SignInForm(FlaskForm):
    """Email and password, plus where to go afterwards."""

    email = EmailField("Email address", validators=[
        DataRequired("Enter your email address."),
        Length(max=254, message="Email address must be 254 characters or fewer.")])
    password = PasswordField("Password", validators=[
        DataRequired("Enter your password."),
        Length(max=1000, message="Password must be 1000 characters or fewer.")])
    next = HiddenField()


class SignOutForm(FlaskForm):
    """The sign-out button (CSRF only)."""


class CodeForm(FlaskForm):
    """The second step: six digits from the authenticator app, or a recovery code."""

    code = StringField("Code", validators=[
        DataRequired("Enter the code."),
        Length(max=40, message="Enter the 6-digit code, or a recovery code.")])


def _new_password() -> PasswordField:
    return PasswordField("New password", validators=[
        DataRequired("Enter a new password."),
        Length(max=1000, message="Password must be 1000 characters or fewer.")])


def _confirm() -> PasswordField:
    return PasswordField("New password again", validators=[
        DataRequired("Enter the new password again."),
        EqualTo("new_password", message="The two new passwords are not the same.")])


class ChangePasswordForm(FlaskForm):
    """The current password, then the new one twice."""

    current_password = PasswordField("Current password", validators=[
        DataRequired("Enter your current password."), Length(max=1000)])
    new_password = _new_password()
    confirm = _confirm()


class SetPasswordForm(FlaskForm):
    """A new password, twice, chosen from a set-password link."""

    new_password = _new_password()
    confirm = _confirm()
