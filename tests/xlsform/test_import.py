"""Importing XLSForms shaped like published ones: a working survey and a row-by-row report."""
import pytest

from engage.definitions.validate import validate
from engage.definitions.xlsform import ImportOptions, import_xlsform
from engage.definitions.xlsform_read import XLSFormError
from engage.framework import load_framework
from tests.xlsform import forms


@pytest.fixture(scope="module")
def framework():
    return load_framework("surveys/framework.yaml")


def _notes(imported) -> set[tuple]:
    return {(n.sheet, n.row, n.name, n.outcome) for n in imported.notes}


def _reason(imported, row: int) -> str:
    return " | ".join(n.reason for n in imported.notes if n.sheet == "survey" and n.row == row)


def _items(definition) -> dict:
    return {i["id"]: i for p in definition["pages"] for i in p["items"]}


def test_odk_sample_keeps_what_engage_can_ask_and_reports_each_row(framework):
    imported = import_xlsform(forms.odk_sample(), ImportOptions(value=4, filename="odk.xlsx"))
    assert validate(imported.definition, "odk.yaml", framework) == []
    items = _items(imported.definition)
    assert [(i, items[i]["type"]) for i in items] == [
        ("used_service", "yesno"), ("hub_helpful", "scale"), ("services_used", "multi"), ("visits", "number"),
        ("better", "text"), ("visit_date", "date")]
    assert imported.definition["pages"][0]["intro"]["parent"] == "Thank you for taking part."  # the note
    assert items["services_used"]["options"][-1] == {"id": "money_advice", "label": "Money advice"}
    assert items["better"]["text"]["parent"] == "What would make the hub better?"  # <b> tags taken out
    skipped = {n.row: n.name for n in imported.notes if n.outcome == "skipped" and n.sheet == "survey"}
    assert skipped == {2: "start", 3: "end", 4: "deviceid", 14: "location", 16: "photo", 17: "visits_x2"}
    assert "answer checks ('constraint')" in _reason(imported, 10)  # '. >= 0' alone is no range
    assert "required" in _reason(imported, 7) and "optional" in _reason(imported, 7)
    assert "skip logic" in _reason(imported, 8) and "shown to everyone" in _reason(imported, 8)
    assert ("choices", 12, "Money-Advice", "changed") in _notes(imported)
    assert imported.summary() == "6 questions on 2 pages; 6 rows skipped, 8 changed."


def test_kobo_household_with_groups_repeat_cascades_and_arabic(framework):
    imported = import_xlsform(forms.kobo_household(), ImportOptions(variants=("parent",), value=4))
    definition = imported.definition
    assert validate(definition, "hh.yaml", framework) == []
    assert definition["family"] == "hh-survey-2024" and definition["languages"] == ["en", "ar"]
    assert [p["id"] for p in definition["pages"]] == ["household", "housing", "support"]
    items = _items(definition)
    assert list(items) == ["region", "district", "hh_size", "housing_type", "damp", "help_needed", "help_other"]
    assert (items["hh_size"]["type"], items["hh_size"]["min"], items["hh_size"]["max"]) == ("number", 1, 29)
    assert items["damp"]["type"] == "yesno" and items["damp"]["value"] == 1
    assert items["damp"]["translations"]["ar"]["hint"] == {"parent": "انظر إلى الجدران والنوافذ."}
    assert items["district"]["translations"]["ar"]["options"]["old_town"] == "البلدة القديمة"
    assert items["housing_type"]["options"][-1] == {"id": "other", "label": "Other"}
    assert definition["pages"][0]["translations"] == {"ar": {"title": {"parent": "أسرتك"}}}
    for row in (11, 12, 13):  # inside the repeat
        assert "inside the repeat 'members'" in _reason(imported, row)
    assert "repeats are not supported" in _reason(imported, 10)
    assert "cascading choices" in _reason(imported, 7)
    assert "another file" in _reason(imported, 8)
    assert "calculations" in _reason(imported, 15)
    assert "'or_other'" in _reason(imported, 17) and "pictures" in _reason(imported, 17)
    assert "became a page of its own" in _reason(imported, 16)
    assert "shown to everyone" in _reason(imported, 20)  # relevant on a group
    assert "anonymous" in _reason(imported, 25)


def test_an_incomplete_translation_is_left_out_and_said(framework):
    data = forms.workbook(
        [["type", "name", "label::English (en)", "label::Polish (pl)", "engage_value"],
         ["text", "likes", "What do you like about the club?", "Co lubisz w klubie?", "3"],
         ["text", "dislikes", "What would you change?", "", "3"]],
        None, [["form_id", "default_language"], ["club", "English (en)"]])
    imported = import_xlsform(data, ImportOptions())
    assert "languages" not in imported.definition
    assert validate(imported.definition, "club.yaml", framework) == []
    [note] = [n for n in imported.notes if n.name == "Polish (pl)"]
    assert note.outcome == "skipped" and "dislikes: the Polish (pl) question wording" in note.reason
    assert "likes:" not in note.reason.replace("dislikes:", "")


def test_engage_columns_choose_type_value_and_audience_wordings(framework):
    imported = import_xlsform(forms.engage_ready(), ImportOptions(variants=("secondary", "post16")))
    items = _items(imported.definition)
    assert items["priorities"]["type"] == "top3" and items["listened"] == {
        "id": "listened", "type": "scale", "scale": "agree", "value": 5,
        "text": {"secondary": "The council listens to young people.", "post16": "The council listens to young people."}}
    assert items["bullied"]["sensitive"] is True and items["bullied"]["value"] == 1
    assert validate(imported.definition, "youth.yaml", framework) == []


def test_without_a_value_tag_each_question_is_skipped_and_said(framework):
    imported = import_xlsform(forms.kobo_household(), ImportOptions())
    assert list(_items(imported.definition)) == ["region", "district", "housing_type", "damp", "help_needed",
                                                 "help_other"]  # every one has an engage_value
    odk = pytest.raises(XLSFormError, import_xlsform, forms.odk_sample(), ImportOptions())
    assert "None of the questions" in str(odk.value)
    assert any("no value tag" in n.reason and n.row == 11 for n in odk.value.notes)


def test_reading_age_is_checked_for_young_audiences(framework):
    data = forms.workbook([["type", "name", "label", "engage_value"],
                           ["text", "views", "Notwithstanding institutional considerations, articulate your "
                                             "comprehensive perspective regarding neighbourhood regeneration.", "5"]])
    imported = import_xlsform(data, ImportOptions(variants=("primary",)))
    problems = validate(imported.definition, "x.yaml", framework)
    assert [p.variant for p in problems] == ["primary"] and "reading grade" in problems[0].reason


def test_a_label_that_refers_to_another_answer_is_flagged(framework):
    data = forms.workbook([["type", "name", "label", "engage_value"],
                           ["text", "child_name", "What is your child's first name?", "4"],
                           ["text", "child_help", "What help does ${child_name} need?", "4"]])
    imported = import_xlsform(data, ImportOptions())
    assert _reason(imported, 3) == ("the label refers to another answer (${child_name}), which engage cannot "
                                    "fill in: edit the wording")
