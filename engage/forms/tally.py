"""A school's tally of paper ballots: ballots cast and votes (1st choices) per option."""
from flask_wtf import FlaskForm
from wtforms import IntegerField, SelectField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, NumberRange, Optional

NOT_A_NUMBER = "Type a whole number, like 12."
NUMERIC = {"inputmode": "numeric", "autocomplete": "off"}


class WholeNumber(IntegerField):
    """An integer box that says what is wrong in plain words."""

    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError as exc:
            raise ValueError(NOT_A_NUMBER) from exc


def vote_field(option_id: str) -> str:
    """Return the form field holding one option's votes."""
    return f"votes_{option_id}"


def tally_form(options: list[tuple[str, str]], schools: list[tuple[str, str]], ranked: bool) -> FlaskForm:
    """Return the tally form for one ballot question."""
    what = "1st choices for" if ranked else "Votes for"
    fields = {
        "school": SelectField("School", choices=[SelectChoice(v, label) for v, label in
                                                 [("", "Choose a school"), *schools]],
                              validators=[InputRequired("Choose the school that counted these ballots.")]),
        "ballots_cast": WholeNumber("Paper ballots counted at the school", render_kw=NUMERIC, validators=[
            InputRequired("Type how many paper ballots the school counted."),
            NumberRange(min=1, message="Type a number of ballots of 1 or more.")]),
    }
    for option_id, label in options:
        fields[vote_field(option_id)] = WholeNumber(f"{what} {label}", render_kw=NUMERIC, validators=[
            Optional(), NumberRange(min=0, message=f"Votes for {label} cannot be less than 0.")])
    return type("TallyForm", (FlaskForm,), fields)()


def votes_from(form: FlaskForm, options: list[tuple[str, str]]) -> dict[str, int]:
    """Return the votes typed in, by option (blank counts as 0)."""
    return {o: int(form[vote_field(o)].data or 0) for o, _label in options}
