"""The form a safeguarding lead fills in for each action."""
from flask_wtf import FlaskForm
from wtforms import RadioField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, Optional

from engage.services.safeguarding.triage import ACTIONS, REFERRALS


class ActionForm(FlaskForm):
    """What was done, to whom it was referred, and why."""

    action = RadioField("What did you do?", validate_choice=True,
                        choices=[SelectChoice(k.value, v) for k, v in ACTIONS.items()],
                        validators=[DataRequired("Choose what you did about this concern.")])
    referred_to = RadioField("Referred to", validate_choice=False,
                             choices=[SelectChoice(k, v) for k, v in REFERRALS.items()],
                             validators=[Optional()])
    reason = TextAreaField("Reason", validators=[
        DataRequired("Give a reason: it is kept with the record."),
        Length(max=2000, message="Keep the reason under 2,000 characters."),
    ])
