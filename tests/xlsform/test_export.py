"""Export to XLSForm: a valid form for pyxform (ODK's converter) that imports back unchanged."""
import io
from pathlib import Path

import pytest
import yaml
from pyxform.xls2xform import convert

from engage.definitions.loader import survey_files
from engage.definitions.xlsform import ImportOptions, import_xlsform
from engage.definitions.xlsform_export import export_xlsform
from tests.xlsform import forms

SHIPPED = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in survey_files(Path("surveys"))}


def _xform(data: bytes) -> str:
    warnings: list[str] = []
    return convert(xlsform=io.BytesIO(data), file_type=".xlsx", warnings=warnings).xform


@pytest.mark.parametrize("name", sorted(SHIPPED))
def test_every_shipped_survey_round_trips_exactly(name):
    definition = SHIPPED[name]
    imported = import_xlsform(export_xlsform(definition), ImportOptions(filename=f"{name}.xlsx"))
    assert imported.definition == definition
    assert imported.notes == []


@pytest.mark.parametrize("name", sorted(SHIPPED))
def test_every_export_is_a_valid_xlsform(name):
    xform = _xform(export_xlsform(SHIPPED[name]))
    first = SHIPPED[name]["pages"][0]["items"][0]
    assert f"/{first['id']}" in xform and "<h:title>" in xform


@pytest.mark.parametrize("name", sorted(forms.FORMS))
def test_the_fixtures_are_real_xlsforms(name):
    if name == "unknown_list_and_duplicate":
        with pytest.raises(Exception, match="unique|colours|comment"):  # pyxform refuses these mistakes too
            _xform(forms.FORMS[name]())
    else:
        assert "<h:html" in _xform(forms.FORMS[name]())


def test_a_bilingual_import_exports_with_language_columns_and_round_trips():
    first = import_xlsform(forms.kobo_household(), ImportOptions(variants=("parent", "professional"), value=4))
    exported = export_xlsform(first.definition)
    xform = _xform(exported)
    assert 'lang="Arabic (ar)"' in xform and "في أي منطقة تعيش؟" in xform
    again = import_xlsform(exported, ImportOptions())
    assert again.definition == first.definition and again.notes == []
