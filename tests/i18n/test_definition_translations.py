"""Validation of translations in survey definitions and copy: a declared language must be complete."""
import copy as copying
from pathlib import Path

import pytest
import yaml

from engage.definitions.copy import REQUIRED_KEYS
from engage.definitions.translations import check_copy, localised
from engage.definitions.validate import validate
from engage.definitions.variants import VARIANTS
from engage.framework import load_framework

SURVEYS = Path(__file__).resolve().parents[2] / "surveys"


@pytest.fixture(scope="module")
def framework():
    return load_framework(str(SURVEYS / "framework.yaml"))


@pytest.fixture
def annual():
    return yaml.safe_load((SURVEYS / "annual-young-people.yaml").read_text(encoding="utf-8"))


def _item(raw, item_id):
    return next(i for p in raw["pages"] for i in p["items"] if i["id"] == item_id)


def _problems(raw, framework):
    return [str(p) for p in validate(raw, "annual.yaml", framework)]


def test_the_shipped_survey_is_complete_in_arabic_and_polish(annual, framework):
    assert annual["languages"] == ["en", "ar", "pl"]
    assert _problems(annual, framework) == []


def test_a_missing_wording_is_named_by_item_variant_and_language(annual, framework):
    del _item(annual, "safe_in_area")["translations"]["ar"]["text"]["primary"]
    assert _problems(annual, framework) == [
        "annual.yaml: item safe_in_area: variant primary: no Arabic (ar) question wording"]


def test_a_missing_option_label_and_hint_are_named(annual, framework):
    del _item(annual, "area_better")["translations"]["pl"]["options"]["parks"]
    del _item(annual, "young_carer_support")["translations"]["pl"]["hint"]["post16"]
    found = _problems(annual, framework)
    assert "annual.yaml: item young_carer_support: variant post16: no Polish (pl) hint" in found
    assert "annual.yaml: item area_better: variant primary: no Polish (pl) label for option 'parks'" in found


def test_a_missing_page_title_is_named(annual, framework):
    del annual["pages"][0]["translations"]["ar"]["title"]["secondary"]
    assert _problems(annual, framework) == [
        "annual.yaml: item page safe: variant secondary: no Arabic (ar) page title"]


def test_a_translation_into_an_undeclared_language_is_reported(annual, framework):
    _item(annual, "safe_at_school")["translations"]["fr"] = {"text": {"primary": "Je me sens bien."}}
    assert any("French (fr), which languages does not list" in p for p in _problems(annual, framework))


def test_covering_every_audience_asks_for_parent_and_professional_wordings(annual, framework):
    del annual["language_variants"]["pl"]
    found = _problems(annual, framework)
    assert any(p.endswith("variant parent: no Polish (pl) question wording") for p in found)
    assert any(p.endswith("variant professional: no Polish (pl) question wording") for p in found)
    assert not any("Arabic" in p for p in found)


def test_languages_must_include_english_and_be_codes(annual, framework):
    annual["languages"] = ["ar", "Polish"]
    found = _problems(annual, framework)
    assert found[0].endswith("languages must be a list that includes en (surveys are written in English)")


def test_localised_definition_swaps_covered_audiences_only(annual):
    arabic = localised(annual, "ar")
    assert _item(arabic, "safe_in_area")["text"]["primary"] == "أشعر بالأمان حيث أعيش."
    shared = _item(annual, "bullied")  # secondary, post16 and parent
    assert "parent" in shared["variants"]
    assert _item(arabic, "bullied")["text"]["parent"] == shared["text"]["parent"]
    assert _item(arabic, "bullied")["text"]["secondary"].startswith("في السنة الماضية")
    assert localised(annual, "en") is annual


def test_copy_translations_are_complete_and_keep_placeholders():
    shipped = yaml.safe_load((SURVEYS / "copy.yaml").read_text(encoding="utf-8"))
    assert check_copy(shipped, "copy.yaml", REQUIRED_KEYS, VARIANTS) == []
    broken = copying.deepcopy(shipped)
    broken["translations"]["pl"]["primary"]["progress_one"] = "Pytanie {n}"
    del broken["translations"]["ar"]["primary"]["start_title"]
    found = [str(p) for p in check_copy(broken, "copy.yaml", REQUIRED_KEYS, VARIANTS)]
    assert "copy.yaml: item start_title: variant primary: no Arabic (ar) sentence" in found
    assert ("copy.yaml: item progress_one: variant primary: the Polish (pl) sentence must keep the English "
            "{words} in braces") in found
