"""XLSForm workbooks shaped like published ones, written with openpyxl so any can be regenerated.

Each builder returns the .xlsx bytes. `python -m tests.xlsform.forms DIR` writes them all to DIR
to open in Excel, LibreOffice or KoboToolbox.
"""
import io
import sys
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.styles import PatternFill


def workbook(survey: list[list] | None, choices: list[list] | None = None, settings: list[list] | None = None,
             extra: dict[str, list[list]] | None = None) -> bytes:
    """Write the sheets (each a header row then rows) into an .xlsx file."""
    book = Workbook()
    book.remove(book.active)
    for name, rows in {"survey": survey, "choices": choices, "settings": settings, **(extra or {})}.items():
        if rows is not None:
            sheet = book.create_sheet(name)
            for row in rows:
                sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def odk_sample() -> bytes:
    """Like ODK's sample forms: widgets of every kind, a group, skip logic and metadata."""
    survey = [
        ["type", "name", "label", "hint", "required", "relevant", "constraint", "appearance", "calculation"],
        ["start", "start"],
        ["end", "end"],
        ["deviceid", "deviceid"],
        ["note", "intro", "Thank you for taking part."],
        ["begin group", "about_service", "About the service", "", "", "", "", "field-list"],
        ["select_one yes_no", "used_service", "Have you used the family hub?", "", "yes"],
        ["select_one agreement", "hub_helpful", "The family hub helped me.", "", "", "${used_service} = 'yes'",
         "", "likert"],
        ["select_multiple services", "services_used", "Which services did you use?", "Choose all that apply.",
         "", "${used_service} = 'yes'"],
        ["integer", "visits", "How many times did you visit?", "", "", "", ". >= 0"],
        ["text", "better", "What would make the hub <b>better</b>?", "", "", "", "", "multiline"],
        ["end group"],
        ["begin group", "where", "Where and when"],
        ["geopoint", "location", "Where are you?"],
        ["date", "visit_date", "When did you last visit?"],
        ["image", "photo", "Take a photo of the hub."],
        ["calculate", "visits_x2", "", "", "", "", "", "", "${visits} * 2"],
        ["end group"],
    ]
    choices = [
        ["list_name", "name", "label"],
        ["yes_no", "yes", "Yes"],
        ["yes_no", "no", "No"],
        ["agreement", "5", "Strongly agree"],
        ["agreement", "4", "Agree"],
        ["agreement", "3", "Neither agree nor disagree"],
        ["agreement", "2", "Disagree"],
        ["agreement", "1", "Strongly disagree"],
        ["services", "health_visitor", "Health visitor"],
        ["services", "stay_and_play", "Stay and play"],
        ["services", "parenting_course", "Parenting course"],
        ["services", "Money-Advice", "Money advice"],
    ]
    settings = [["form_title", "form_id", "version"], ["Family hub feedback", "family_hub_feedback", "2024031501"]]
    return workbook(survey, choices, settings)


HOUSEHOLD_HEAD = ["type", "name", "label::English (en)", "label::Arabic (ar)", "hint::English (en)",
                  "hint::Arabic (ar)", "required", "relevant", "constraint", "choice_filter",
                  "media::image::English (en)", "calculation", "engage_value"]


def kobo_household() -> bytes:
    """Like a KoboToolbox household survey: two languages, nested groups, a repeat, cascading
    selects, a list from a file, a calculation, constraints, or_other and a media column."""
    r = _household_row
    survey = [
        HOUSEHOLD_HEAD,
        r("start", "start"), r("today", "today"), r("username", "username"),
        r("begin_group", "household", "Your household", "أسرتك"),
        r("select_one region", "region", "Which region do you live in?", "في أي منطقة تعيش؟", value="4"),
        r("select_one district", "district", "Which district do you live in?", "في أي حي تعيش؟",
          choice_filter="region=${region}", value="4"),
        r("select_one_from_file schools.csv", "school", "Which school does your child go to?", "", value="3"),
        r("integer", "hh_size", "How many people live in your home?", "كم شخصا يعيش في منزلك؟",
          constraint=". > 0 and . < 30", required="yes"),
        r("begin repeat", "members", "Household member", "فرد من الأسرة"),
        r("text", "member_name", "What is their first name?", "ما اسمه الأول؟"),
        r("integer", "member_age", "How old is ${member_name}?", ""),
        r("select_one sex", "member_sex", "Sex", "الجنس"),
        r("end repeat", ""),
        r("calculate", "adults", calculation="count(${members})"),
        r("begin group", "housing", "Your home", "منزلك"),
        r("select_one housing_type or_other", "housing_type", "What kind of home do you live in?",
          "ما نوع المنزل الذي تعيش فيه؟", media="house.png", value="1"),
        r("select_one yn", "damp", "Is there damp or mould in your home?", "هل توجد رطوبة أو عفن في منزلك؟",
          hint="Look at the walls and windows.", hint_ar="انظر إلى الجدران والنوافذ.", value="1"),
        r("end group", ""),
        r("begin group", "support", "Help and support", "المساعدة والدعم", relevant="${hh_size} > 1"),
        r("select_multiple help", "help_needed", "What help would your family like?",
          "ما المساعدة التي تريدها عائلتك؟", required="true", value="4"),
        r("text", "help_other", "Tell us about any other help you need.", "أخبرنا عن أي مساعدة أخرى تحتاجها.",
          relevant="selected(${help_needed}, 'other')", value="4"),
        r("end group", ""),
        r("end group", ""),
        r("geopoint", "gps", "Record the location of the home.", ""),
    ]
    choices = [
        ["list_name", "name", "label::English (en)", "label::Arabic (ar)", "region"],
        ["region", "north", "North", "الشمال", ""],
        ["region", "south", "South", "الجنوب", ""],
        ["district", "riverside", "Riverside", "ضفة النهر", "north"],
        ["district", "hillview", "Hillview", "هيلفيو", "north"],
        ["district", "old_town", "Old Town", "البلدة القديمة", "south"],
        ["sex", "female", "Female", "أنثى", ""],
        ["sex", "male", "Male", "ذكر", ""],
        ["housing_type", "council", "Council or housing association", "مجلس أو جمعية إسكان", ""],
        ["housing_type", "private_rent", "Private rent", "إيجار خاص", ""],
        ["housing_type", "owner", "Owned", "ملك", ""],
        ["yn", "yes", "Yes", "نعم", ""],
        ["yn", "no", "No", "لا", ""],
        ["yn", "dont_know", "Don't know", "لا أعرف", ""],
        ["help", "money", "Money and benefits", "المال والإعانات", ""],
        ["help", "childcare", "Childcare", "رعاية الأطفال", ""],
        ["help", "health", "Health", "الصحة", ""],
        ["help", "other", "Other", "أخرى", ""],
    ]
    settings = [["form_title", "form_id", "default_language", "version"],
                ["Household survey 2024", "HH_survey_2024", "English (en)", "1"]]
    return workbook(survey, choices, settings)


def _household_row(kind: str, name: str, en: str = "", ar: str = "", hint: str = "", hint_ar: str = "",
                   required: str = "", relevant: str = "", constraint: str = "", choice_filter: str = "",
                   media: str = "", calculation: str = "", value: str = "") -> list[str]:
    return [kind, name, en, ar, hint, hint_ar, required, relevant, constraint, choice_filter, media,
            calculation, value]


def engage_ready() -> bytes:
    """A form written for engage: value tags, a top-3 and a scale named in engage_type columns."""
    survey = [
        ["type", "name", "label", "hint", "engage_value", "engage_type", "engage_sensitive"],
        ["begin group", "youth_voice", "Having your say", "", "", "", ""],
        ["select_multiple priorities", "priorities", "Pick the three things that matter most to you.",
         "", "5", "top3", ""],
        ["select_one agree5", "listened", "The council listens to young people.", "", "5", "scale agree", ""],
        ["select_one yn", "bullied", "Have you been bullied this year?", "", "1", "", "yes"],
        ["text", "one_change", "What one thing would you change?", "", "5", "", ""],
        ["end group", "", "", "", "", "", ""],
    ]
    choices = [["list_name", "name", "label"],
               *[["priorities", p, p.replace("_", " ").capitalize()]
                 for p in ("parks", "buses", "jobs", "clubs", "safety", "mental_health")],
               *[["agree5", str(n), w] for n, w in enumerate(
                   ["I agree a lot", "I agree", "Not sure", "I do not agree", "I do not agree at all"], 1)],
               ["yn", "yes", "Yes"], ["yn", "no", "No"]]
    settings = [["form_title", "form_id"], ["Youth voice check", "youth_voice"]]
    return workbook(survey, choices, settings)


def unknown_list_and_duplicate() -> bytes:
    """Mistakes pyxform refuses: a list that is not on the choices sheet, a name used twice."""
    survey = [["type", "name", "label", "engage_value"],
              ["select_one colours", "colour", "Which colour do you like?", "3"],
              ["text", "comment", "Tell us more.", "3"],
              ["text", "comment", "Anything else?", "3"],
              ["select_one yn", "Club", "Do you go to a club?", "3"]]
    choices = [["list_name", "name", "label"], ["yn", "yes", "Yes"], ["yn", "no", "No"], ["yn", "yes", "Yes again"]]
    return workbook(survey, choices, [["form_title", "form_id"], ["Mistakes", "mistakes"]])


def no_survey_sheet() -> bytes:
    """A workbook of the wrong kind: no survey sheet."""
    return workbook(None, extra={"Budget": [["item", "cost"], ["paint", 12]]})


def named_languages() -> bytes:
    """Like many Kobo forms: language columns named without codes, one in lower case, and the
    older 'select one from' spelling."""
    survey = [["type", "name", "label::English", "label::chinese", "label::French"],
              ["select one from yn", "club", "Do you go to a youth club?", "你去青年俱乐部吗？",
               "Allez-vous dans un club de jeunes ?"],
              ["select all that apply from days", "days", "Which days do you go?", "你哪几天去？", "Quels jours ?"],
              ["text", "why", "Why do you go?", "你为什么去？", "Pourquoi ?"]]
    choices = [["list_name", "name", "label::English", "label::chinese", "label::French"],
               ["yn", "yes", "Yes", "是", "Oui"], ["yn", "no", "No", "不", "Non"],
               ["days", "sat", "Saturday", "星期六", "Samedi"], ["days", "sun", "Sunday", "星期日", "Dimanche"]]
    return workbook(survey, choices, [["form_title", "form_id"], ["Youth clubs", "youth_clubs"]])


def plain_label_in_default_language() -> bytes:
    """A French form with an English column added: the plain `label` is the default language."""
    survey = [["type", "name", "label", "label::English (en)"],
              ["text", "avis", "Que pensez-vous du centre ?", "What do you think of the centre?"]]
    settings = [["form_title", "form_id", "default_language"], ["Centre", "centre", "French"]]
    return workbook(survey, None, settings)


def formatted_far_below() -> bytes:
    """A sheet whose borders and colours run far below its last row, as Excel templates do."""
    book = load_workbook(io.BytesIO(workbook(
        [["type", "name", "label"], ["text", "best", "What is the best thing about school?"]])))
    sheet = book["survey"]
    for row in (50, 9000, 60000):
        sheet.cell(row=row, column=1).fill = PatternFill("solid", fgColor="FFFF00")
        sheet.cell(row=row, column=3).value = ""
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def numbers_dates_and_notes() -> bytes:
    """Like a health visitor's form: a welcome note, ages and counts with ranges, a decimal, a date,
    notes inside groups (one after a question), a time question engage cannot ask, and French."""
    survey = [
        ["type", "name", "label::English (en)", "label::French (fr)", "constraint", "required"],
        ["note", "welcome", "Thank you for helping us plan services.", "Merci de nous aider.", "", ""],
        ["begin group", "household", "Your household", "Votre foyer", "", ""],
        ["note", "household_note", "These questions are about the people you live with.",
         "Ces questions portent sur votre foyer.", "", ""],
        ["integer", "children", "How many children live with you?", "Combien d'enfants vivent avec vous ?",
         ". >= 0 and . <= 15", "yes"],
        ["integer", "youngest_age", "How old is the youngest?", "Quel âge a le plus jeune ?", ". > 0 and . < 19", ""],
        ["decimal", "travel_miles", "How far do you travel to the family hub, in miles?",
         "Quelle distance, en miles ?", "", ""],
        ["note", "after_note", "Thank you. Now a question about dates.", "Merci. Maintenant, les dates.", "", ""],
        ["date", "moved_in", "When did you move to the area?", "Quand êtes-vous arrivé ?", "", ""],
        ["time", "best_time", "What time of day suits you?", "Quelle heure ?", "", ""],
        ["end group", "", "", "", "", ""],
        ["note", "goodbye", "That is the end.", "C'est fini.", "", ""],
    ]
    settings = [["form_title", "form_id", "default_language"], ["Household", "household", "English (en)"]]
    return workbook(survey, None, settings)


FORMS = {"odk_sample": odk_sample, "kobo_household": kobo_household, "engage_ready": engage_ready,
         "unknown_list_and_duplicate": unknown_list_and_duplicate, "named_languages": named_languages,
         "plain_label_in_default_language": plain_label_in_default_language,
         "formatted_far_below": formatted_far_below, "numbers_dates_and_notes": numbers_dates_and_notes}

if __name__ == "__main__":
    for name, build in FORMS.items():
        (Path(sys.argv[1]) / f"{name}.xlsx").write_bytes(build())
