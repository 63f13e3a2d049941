"""Integer, decimal and date questions and notes from an XLSForm, and back out again."""
import io

import pytest
from pyxform.xls2xform import convert

from engage.definitions.validate import validate
from engage.definitions.xlsform import ImportOptions, import_xlsform
from engage.definitions.xlsform_export import export_xlsform
from engage.framework import load_framework
from tests.xlsform import forms


@pytest.fixture(scope="module")
def imported():
    return import_xlsform(forms.numbers_dates_and_notes(), ImportOptions(value=4))


def _items(definition) -> dict:
    return {i["id"]: i for p in definition["pages"] for i in p["items"]}


def _said(imported, row: int) -> str:
    return " | ".join(f"{n.outcome}: {n.reason}" for n in imported.notes if n.sheet == "survey" and n.row == row)


def test_numbers_and_dates_become_questions_with_their_ranges(imported):
    items = _items(imported.definition)
    assert {k: (v["type"], v.get("min"), v.get("max"), v.get("decimals")) for k, v in items.items()} == {
        "children": ("number", 0, 15, None), "youngest_age": ("number", 1, 18, None),
        "travel_miles": ("number", None, None, True), "moved_in": ("date", None, None, None)}
    assert _said(imported, 5) == "changed: every engage question is optional, so 'required' was dropped"
    assert "the range 1 to 18" in _said(imported, 6)  # '> 0 and < 19' said as engage asks it
    assert "skipped" in _said(imported, 10) and "not times of day" in _said(imported, 10)


def test_notes_are_kept_as_words_at_the_top_of_their_page(imported):
    [page] = imported.definition["pages"]
    assert page["intro"]["parent"] == ("Thank you for helping us plan services.\n\n"
                                       "These questions are about the people you live with.\n\n"
                                       "Thank you. Now a question about dates.")
    assert page["translations"]["fr"]["intro"]["professional"].startswith("Merci de nous aider.\n\n")
    assert "top of its page" in _said(imported, 8)
    assert "skipped" in _said(imported, 12) and "thank-you page" in _said(imported, 12)


def test_the_import_passes_the_checks(imported):
    assert validate(imported.definition, "household.yaml", load_framework("surveys/framework.yaml")) == []
    assert imported.definition["languages"] == ["en", "fr"]


def test_export_round_trips_and_is_a_valid_xlsform(imported):
    exported = export_xlsform(imported.definition)
    again = import_xlsform(exported, ImportOptions())
    assert again.definition == imported.definition and again.notes == []
    xform = convert(xlsform=io.BytesIO(exported), file_type=".xlsx", warnings=[]).xform
    assert 'type="int"' in xform and 'type="decimal"' in xform and 'type="date"' in xform
    assert ". &gt;= 0 and . &lt;= 15" in xform  # the range, for ODK and KoboToolbox too
    assert "These questions are about the people you live with." in xform
