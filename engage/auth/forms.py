"""Sign-in and sign-out forms."""
from flask_wtf import FlaskForm
from wtforms import EmailField, HiddenField, PasswordField
from wtforms.validators import DataRequired, Length


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
