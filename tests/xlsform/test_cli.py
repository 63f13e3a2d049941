"""`flask surveys import-xlsform` and `export-xlsform`: the report, the new version, the file."""
import shutil

import yaml
from sqlalchemy import select

from engage.definitions.loader import latest_version
from engage.models import AuditEvent, SurveyFamily
from tests.xlsform import forms


def _family(db, slug):
    return db.scalar(select(SurveyFamily).where(SurveyFamily.slug == slug))


def test_import_reports_row_by_row_and_loads_a_new_family(runner, db, tmp_path):
    path = tmp_path / "household.xlsx"
    path.write_bytes(forms.kobo_household())
    result = runner.invoke(args=["surveys", "import-xlsform", str(path), "--variant", "parent",
                                 "--out", str(tmp_path / "hh.yaml")])
    assert result.exit_code == 0, result.output
    assert "survey sheet, row 9 (hh_size): skipped: it has no value tag (1 to 5)" in result.output
    assert "6 questions on 3 pages; 11 rows skipped, 11 changed." in result.output
    assert "hh-survey-2024: version 1 (created)" in result.output
    assert latest_version(db, _family(db, "hh-survey-2024").id).definition["languages"] == ["en", "ar"]
    assert yaml.safe_load((tmp_path / "hh.yaml").read_text(encoding="utf-8"))["family"] == "hh-survey-2024"
    assert db.scalar(select(AuditEvent.detail)) == "version 1: imported from the XLSForm household.xlsx"


def test_importing_again_with_changes_makes_a_new_version(runner, db, tmp_path):
    path = tmp_path / "form.xlsx"
    path.write_bytes(forms.engage_ready())
    assert "youth-voice: version 1 (created)" in runner.invoke(args=["surveys", "import-xlsform", str(path)]).output
    again = runner.invoke(args=["surveys", "import-xlsform", str(path)])
    assert "youth-voice: version 1 (unchanged)" in again.output
    other = runner.invoke(args=["surveys", "import-xlsform", str(path), "--variant", "secondary"])
    assert "youth-voice: version 2 (new version)" in other.output


def test_dry_run_saves_nothing(runner, db, tmp_path):
    path = tmp_path / "odk.xlsx"
    path.write_bytes(forms.odk_sample())
    result = runner.invoke(args=["surveys", "import-xlsform", str(path), "--value", "4", "--dry-run"])
    assert result.exit_code == 0 and "6 questions on 2 pages" in result.output
    assert _family(db, "family-hub-feedback") is None


def test_a_broken_file_fails_plainly_without_a_traceback(runner, tmp_path):
    path = tmp_path / "notes.xlsx"
    path.write_text("this is not a spreadsheet", encoding="utf-8")
    result = runner.invoke(args=["surveys", "import-xlsform", str(path)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "This file is not an Excel workbook (.xlsx)" in result.output


def test_a_survey_that_fails_the_checks_is_not_saved(runner, db, tmp_path):
    path = tmp_path / "hard.xlsx"
    path.write_bytes(forms.workbook([["type", "name", "label", "engage_value"],
                                     ["text", "views", "Articulate comprehensive considerations regarding "
                                                       "institutional accountability mechanisms.", "5"]],
                                    None, [["form_id"], ["hard-words"]]))
    result = runner.invoke(args=["surveys", "import-xlsform", str(path), "--variant", "primary"])
    assert result.exit_code == 1
    assert "hard-words.yaml: item views: variant primary: question: reading grade" in result.output
    assert "so it was not saved" in result.output and _family(db, "hard-words") is None


def test_export_writes_a_workbook_that_imports_unchanged(runner, loaded, tmp_path):
    out = tmp_path / "annual.xlsx"
    result = runner.invoke(args=["surveys", "export-xlsform", "annual-young-people", "--out", str(out)])
    assert result.exit_code == 0 and out.read_bytes()[:2] == b"PK"
    back = runner.invoke(args=["surveys", "import-xlsform", str(out)])
    assert "annual-young-people: version 1 (unchanged)" in back.output
    assert "0 rows skipped, 0 changed." in back.output


def test_export_of_an_unknown_family_says_so(runner, tmp_path):
    result = runner.invoke(args=["surveys", "export-xlsform", "nope", "--out", str(tmp_path / "x.xlsx")])
    assert result.exit_code == 1 and "There is no survey 'nope'" in result.output


def test_the_written_yaml_passes_surveys_check(runner, tmp_path):
    folder = tmp_path / "surveys"
    folder.mkdir()
    for name in ("framework.yaml", "copy.yaml"):
        shutil.copy(f"surveys/{name}", folder / name)
    path = tmp_path / "odk.xlsx"
    path.write_bytes(forms.odk_sample())
    runner.invoke(args=["surveys", "import-xlsform", str(path), "--value", "2", "--dry-run",
                        "--out", str(folder / "family-hub-feedback.yaml")])
    result = runner.invoke(args=["surveys", "check", "--dir", str(folder)])
    assert result.exit_code == 0 and "All survey definitions are valid." in result.output
