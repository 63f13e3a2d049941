"""Forms of the staff workspace. Choices that come from data are set by the view."""
from flask_wtf import FlaskForm
from wtforms import (
    IntegerField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, NumberRange, Optional, ValidationError

from engage.forms.dates import DayMonthYear
from engage.services.workspace.schools import PHASES, YEARS


class ConsultationForm(FlaskForm):
    """A consultation's settings: survey, audiences, dates and series."""

    title = StringField("Title", validators=[
        DataRequired("Enter a title."), Length(max=200, message="Title must be 200 characters or fewer.")])
    family = SelectField("Survey", validators=[DataRequired("Choose a survey.")])
    variants = SelectMultipleField("Who is it for?", validators=[
        DataRequired("Choose who the survey is for.")])
    opens_on = DayMonthYear("Opening date")
    closes_on = DayMonthYear("Closing date", required="Enter the closing date.")
    results_on = DayMonthYear("Date results will be shared")
    series = StringField("Series (optional)", validators=[
        Optional(), Length(max=80, message="Series name must be 80 characters or fewer.")])
    young_title = StringField("Title young people see (optional)", validators=[
        Optional(), Length(max=200, message="The title young people see must be 200 characters or fewer.")])
    parent_title = StringField("Title parents and carers see (optional)", validators=[
        Optional(), Length(max=200, message="The title parents and carers see must be 200 characters or fewer.")])
    professional_title = StringField("Title professionals see (optional)", validators=[
        Optional(), Length(max=200, message="The title professionals see must be 200 characters or fewer.")])


class _SaysWhatToChoose:
    """A choice field that refuses a value it does not offer (only a hand-made post sends one)
    in plain words, where WTForms says "Not a valid choice" or "could not coerce"."""

    def __init__(self, *args, choose: str, not_offered: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.choose, self.not_offered = choose, not_offered or choose

    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError as exc:
            self.data = valuelist  # something was sent: say what to choose, not "choose one"
            raise ValueError(self.choose) from exc

    def pre_validate(self, form):
        if self.process_errors:
            return  # already said
        offered = {choice[0] for choice in self.iter_choices()}
        picked = self.data if isinstance(self.data, list) else [self.data]
        for value in picked:
            if value not in offered:
                raise ValidationError(self.not_offered.format(value=value))


class PlainSelectField(_SaysWhatToChoose, SelectField):
    """A select that says in plain words what to choose when sent something it does not offer."""


class PlainSelectMultipleField(_SaysWhatToChoose, SelectMultipleField):
    """Checkboxes that say in plain words what to choose when sent something they do not offer."""


class PlainRadioField(_SaysWhatToChoose, RadioField):
    """Radios that say in plain words what to choose when sent something they do not offer."""


class ActionForm(FlaskForm):
    """A button that changes something (CSRF only)."""


class SchoolForm(FlaskForm):
    """A school's name, phase, area and (optionally) pupils on roll by year group."""

    name = StringField("School name", validators=[
        DataRequired("Enter the school's name."),
        Length(max=200, message="School name must be 200 characters or fewer.")])
    phase = PlainSelectField("Phase", choices=[SelectChoice(p, p.replace("-", " ").capitalize()) for p in PHASES],
                             validators=[DataRequired("Choose the school's phase.")],
                             choose="Choose one of the phases listed.")
    area_id = PlainSelectField("Area", validators=[Optional()], choose="Choose one of the areas listed.")


def _roll_field(year: int) -> IntegerField:
    return IntegerField(f"Year {year}", validators=[
        Optional(), NumberRange(0, 2000, f"Enter the number on roll in year {year} from 0 to 2000.")])


for _year in YEARS:
    setattr(SchoolForm, f"roll_{_year}", _roll_field(_year))


class CodesForm(FlaskForm):
    """Which school and year groups to make class codes for."""

    school = PlainSelectField("School", coerce=int, validators=[DataRequired("Choose a school.")],
                              choose="Choose one of the schools listed.")
    years = PlainSelectMultipleField(
        "Year groups", coerce=int, choices=[SelectChoice(y, f"Year {y}") for y in YEARS],
        validators=[DataRequired("Choose at least one year group.")],
        choose="Choose from the year groups listed.",
        not_offered="This consultation has no survey for year {value}. Choose from the year groups listed.")
