"""Broken files: a plain message, never a traceback; row mistakes are skipped and said."""
import pytest

from engage.definitions.xlsform import ImportOptions, import_xlsform
from engage.definitions.xlsform_read import XLSFormError
from tests.xlsform import forms


@pytest.mark.parametrize("data", [b"type,name,label\ntext,q1,Hello\n", b"", b"PK\x03\x04 not really a zip",
                                  forms.workbook([["type"]])[:200]], ids=["csv", "empty", "fake-zip", "cut-short"])
def test_not_a_spreadsheet_says_so(data):
    with pytest.raises(XLSFormError, match=r"not an Excel workbook \(\.xlsx\)"):
        import_xlsform(data, ImportOptions(value=1))


def test_a_workbook_without_a_survey_sheet_names_its_sheets():
    with pytest.raises(XLSFormError, match="no 'survey' sheet.*Budget"):
        import_xlsform(forms.no_survey_sheet(), ImportOptions(value=1))


def test_a_survey_with_nothing_importable_says_so_with_the_notes():
    data = forms.workbook([["type", "name", "label"], ["time", "when", "What time is it?"],
                           ["geopoint", "where", "Where are you?"]])
    with pytest.raises(XLSFormError, match="None of the questions") as caught:
        import_xlsform(data, ImportOptions(value=1))
    assert [(n.row, n.outcome) for n in caught.value.notes] == [(2, "skipped"), (3, "skipped")]


def test_unknown_list_duplicate_names_and_duplicate_options_are_skipped_row_by_row():
    imported = import_xlsform(forms.unknown_list_and_duplicate(), ImportOptions())
    notes = {(n.sheet, n.row): (n.outcome, n.reason) for n in imported.notes}
    assert notes[("survey", 2)] == ("skipped", "the choice list 'colours' is not on the choices sheet")
    assert notes[("survey", 4)] == ("skipped", "the name 'comment' is already used on row 3")
    assert notes[("choices", 4)] == ("skipped", "the list 'yn' already has an option 'yes'")
    assert any(n.row == 5 and n.reason.startswith("the id 'Club' became 'club'") for n in imported.notes)
    items = [i["id"] for p in imported.definition["pages"] for i in p["items"]]
    assert items == ["comment", "club"]


def test_missing_sheets_and_columns_are_not_fatal_when_nothing_needs_them():
    data = forms.workbook([["type", "name", "label", "engage_value"], ["text", "q1", "What do you think?", "2"],
                           ["end group"], ["begin group", "g"], ["text", "q2", "Anything else?", "2"]])
    imported = import_xlsform(data, ImportOptions(filename="My Form.xlsx"))
    assert imported.definition["family"] == "my-form"
    reasons = [n.reason for n in imported.notes]
    assert "'end group' has no 'begin group' before it" in reasons
    assert "the group has no label, so its page is called 'G'" in reasons
    assert "the group has no 'end group'; it ends with the form" in reasons


def test_an_id_the_workspace_uses_for_its_own_pages_is_renamed():
    data = forms.workbook([["type", "name", "label", "engage_value"], ["text", "q1", "Your views?", "2"]],
                          None, [["form_id"], ["new"]])
    imported = import_xlsform(data, ImportOptions())
    assert imported.definition["family"] == "new-survey"
    assert "the survey id 'new' became 'new-survey'" in imported.notes[0].reason
