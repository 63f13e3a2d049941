"""Forms written the way ODK and KoboToolbox users write them: language names without codes,
older spellings, sheets formatted far below their rows, columns engage does not use."""
import pytest

from engage.definitions.validate import validate
from engage.definitions.xlsform import ImportOptions, import_xlsform
from engage.framework import load_framework
from tests.xlsform import forms


@pytest.fixture(scope="module")
def framework():
    return load_framework("surveys/framework.yaml")


def _items(definition) -> dict:
    return {i["id"]: i for p in definition["pages"] for i in p["items"]}


def test_language_names_without_codes_become_translations(framework):
    imported = import_xlsform(forms.named_languages(), ImportOptions(value=4))
    assert imported.definition["languages"] == ["en", "zh", "fr"]
    items = _items(imported.definition)
    assert items["why"]["text"]["parent"] == "Why do you go?"
    assert items["why"]["translations"]["zh"]["text"]["parent"] == "你为什么去？"
    assert items["days"]["translations"]["fr"]["options"] == {"sat": "Samedi", "sun": "Dimanche"}
    assert not [n for n in imported.notes if n.outcome == "skipped"]
    assert validate(imported.definition, "clubs.yaml", framework) == []


def test_select_one_from_spelling_reads_the_list(framework):
    items = _items(import_xlsform(forms.named_languages(), ImportOptions(value=4)).definition)
    assert items["club"]["type"] == "yesno"
    assert items["days"]["type"] == "multi"
    assert [o["id"] for o in items["days"]["options"]] == ["sat", "sun"]


def test_plain_label_is_the_default_language_beside_english(framework):
    imported = import_xlsform(forms.plain_label_in_default_language(), ImportOptions(value=2))
    item = _items(imported.definition)["avis"]
    assert item["text"]["parent"] == "What do you think of the centre?"
    assert item["translations"] == {"fr": {"text": {"parent": "Que pensez-vous du centre ?",
                                                    "professional": "Que pensez-vous du centre ?"}}}
    assert validate(imported.definition, "centre.yaml", framework) == []


def test_plain_label_naming_no_language_is_reported_not_guessed():
    data = forms.workbook([["type", "name", "label", "label::English (en)"],
                           ["text", "q", "Quelque chose", "Something to say?"]])
    imported = import_xlsform(data, ImportOptions(value=2))
    assert "languages" not in imported.definition
    [note] = [n for n in imported.notes if n.name == "label"]
    assert note.outcome == "skipped" and "default_language" in note.reason


def test_formatting_far_below_the_last_row_is_ignored():
    imported = import_xlsform(forms.formatted_far_below(), ImportOptions(value=3))
    assert list(_items(imported.definition)) == ["best"]


def test_too_many_filled_rows_still_refused():
    rows = [["type", "name", "label"]] + [["text", f"q{n}", "Say more?"] for n in range(5001)]
    with pytest.raises(Exception, match="more than 5000 rows"):
        import_xlsform(forms.workbook(rows), ImportOptions(value=3))


def test_unused_columns_are_reported_row_by_row_not_refused():
    data = forms.workbook(
        [["type", "name", "label", "choice_filter", "repeat_count", "$kuid", "required_message"],
         ["select_one district", "district", "Which district?", "region='north'", "", "ab12", "Please answer"],
         ["text", "why", "Why?", "", "3", "cd34", ""]],
        [["list_name", "name", "label", "region"], ["district", "riverside", "Riverside", "north"],
         ["district", "hillview", "Hillview", "south"]])
    imported = import_xlsform(data, ImportOptions(value=3))
    assert list(_items(imported.definition)) == ["district", "why"]
    said = {(n.sheet, n.row): n.reason for n in imported.notes if n.outcome == "changed"}
    assert "cascading choices ('choice_filter')" in said[("survey", 2)]
    assert "'repeat_count'" in said[("survey", 3)]
    assert ("choices", 2) in said and ("choices", 3) in said and "'region'" in said[("choices", 3)]
    assert not any("kuid" in n.reason or "required_message" in n.reason for n in imported.notes)
