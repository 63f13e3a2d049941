"""The shipped content: framework, surveys and respondent copy read well and cover the plan."""
import re
from collections import Counter
from functools import cache
from pathlib import Path

import pytest
import yaml

from engage.definitions.copy import REQUIRED_KEYS
from engage.definitions.readability import GRADE_LIMITS, YOUNG_VARIANTS, fk_grade

SURVEYS = Path(__file__).resolve().parents[2] / "surveys"
NOT_SURVEYS = {"framework.yaml", "copy.yaml"}
SURVEY_FILES = sorted(p.name for p in SURVEYS.glob("*.yaml") if p.name not in NOT_SURVEYS)
ANNUAL = "annual-young-people.yaml"
VARIANTS = ("primary", "secondary", "post16", "parent", "professional")
CANONICAL = {
    1: "Keeping children and young people safe and supported at home and school.",
    2: "Helping children and young people to be healthy and make good choices about their health.",
    3: "Ensuring children and young people enjoy life, do well in school and get involved in activities.",
    4: "Prevention: providing help to families when they need it.",
    5: "Making sure services are right for families and work well.",
}
SUBTHEMES = {1: "abcde", 2: "abcde", 3: "abcdef", 4: "abcde", 5: "abcd"}
INDICATORS = {
    "feel_safe_area", "feel_safe_school", "feel_safe_transport", "feel_safe_journey",
    "safe_online", "parks_play_satisfaction", "young_carer_support", "substances_information",
    "camhs_satisfaction", "parenting_support",
}
PLACEHOLDERS = {
    "progress_one": {"{n}", "{total}"},
    "progress_many": {"{n}", "{total}"},
    "resume_explainer": {"{closes_on}"},
    "thanks_next": {"{results_on}"},
    "error_too_many": {"{max}"},
}


@cache
def load(name: str) -> dict:
    """Read one YAML file from surveys/."""
    return yaml.safe_load((SURVEYS / name).read_text(encoding="utf-8"))


def items(survey: dict) -> list[dict]:
    """Every item of a survey, in order."""
    return [item for page in survey["pages"] for item in page["items"]]


def item_variants(survey: dict, item: dict) -> list[str]:
    """The variants an item is shown to."""
    return item.get("variants") or survey["variants"]


def survey_wordings(survey: dict):
    """Yield (where, variant, text) for every wording a respondent reads."""
    for page in survey["pages"]:
        for variant, text in page["title"].items():
            yield f"page {page['id']} title", variant, text
        for item in page["items"]:
            variants = item_variants(survey, item)
            for part in ("text", "hint"):
                for variant, text in (item.get(part) or {}).items():
                    yield f"{item['id']} {part}", variant, text
            for option in item.get("options") or []:
                label = option["label"]
                labels = {v: label for v in variants} if isinstance(label, str) else label
                for variant, text in labels.items():
                    yield f"{item['id']} option {option['id']}", variant, text


def framework_wordings():
    """Yield (where, variant, text) for every child title and label in the framework."""
    framework = load("framework.yaml")
    for value in framework["values"]:
        for variant, text in value["child_title"].items():
            yield f"value {value['id']}", variant, text
        for sub in value["subthemes"]:
            for variant, text in sub["child_title"].items():
                yield f"sub-theme {sub['id']}", variant, text
    for group in framework["priority_groups"]:
        for variant, text in group["child_label"].items():
            yield f"priority group {group['id']}", variant, text


def copy_wordings():
    """Yield (where, variant, text) for every sentence in copy.yaml."""
    copy = load("copy.yaml")
    for variant in VARIANTS:
        for key, text in copy[variant].items():
            for one in text if isinstance(text, list) else [text]:
                yield f"copy {key}", variant, one
    for key, text in copy["audiences"].items():
        yield f"audience {key}", "primary", text  # everyone reads these, the youngest too


def too_hard(wordings) -> list[str]:
    """Describe every young-people wording above its reading-age limit."""
    return [
        f"{where} [{variant}] grade {fk_grade(text):.1f}: {text}"
        for where, variant, text in wordings
        if variant in YOUNG_VARIANTS and fk_grade(text) > GRADE_LIMITS[variant]
    ]


# --- reading age ---------------------------------------------------------------------------

@pytest.mark.parametrize("name", SURVEY_FILES)
def test_survey_wordings_are_readable_for_their_age(name):
    assert too_hard(survey_wordings(load(name))) == []


def test_framework_child_titles_and_labels_are_readable():
    assert too_hard(framework_wordings()) == []


def test_copy_is_readable():
    assert too_hard(copy_wordings()) == []


def test_every_young_wording_is_a_non_empty_string():
    found = [*framework_wordings(), *copy_wordings()]
    for name in SURVEY_FILES:
        found += list(survey_wordings(load(name)))
    assert [w for w in found if not isinstance(w[2], str) or not w[2].strip()] == []


# --- framework -----------------------------------------------------------------------------

def test_framework_has_the_five_values_with_canonical_titles():
    values = load("framework.yaml")["values"]
    assert {v["id"]: v["title"] for v in values} == CANONICAL
    assert all(v["ref"] and v["short"] and v["description"] for v in values)
    value4 = next(v for v in values if v["id"] == 4)
    assert any("Providing early help" in variant for variant in value4["variants"])


def test_framework_has_every_sub_theme_with_a_reference():
    for value in load("framework.yaml")["values"]:
        ids = [s["id"] for s in value["subthemes"]]
        assert ids == [f"{value['id']}{letter}" for letter in SUBTHEMES[value["id"]]]
        assert all(re.fullmatch(r"002:\d+", s["ref"]) for s in value["subthemes"])


def test_framework_child_wording_covers_every_young_variant():
    framework = load("framework.yaml")
    titled = [v["child_title"] for v in framework["values"]]
    titled += [s["child_title"] for v in framework["values"] for s in v["subthemes"]]
    titled += [g["child_label"] for g in framework["priority_groups"]]
    assert all(set(t) == set(YOUNG_VARIANTS) for t in titled)


def test_framework_groups_areas_and_age_bands():
    framework = load("framework.yaml")
    assert len(framework["priority_groups"]) == 9
    assert len(framework["areas"]) == 5
    assert [b["id"] for b in framework["age_bands"]] == list(YOUNG_VARIANTS)


# --- the annual survey -----------------------------------------------------------------------

@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("value", [1, 2, 3, 4, 5])
def test_annual_survey_covers_each_value_for_each_variant(value, variant):
    survey = load(ANNUAL)
    shown = [i for i in items(survey) if i["value"] == value and variant in item_variants(survey, i)
             and "profile" not in i]
    assert len(shown) >= 3
    assert any(i["type"] == "text" for i in shown)


def test_annual_survey_keeps_primary_short():
    survey = load(ANNUAL)
    count = sum(1 for i in items(survey) if "primary" in item_variants(survey, i))
    assert 16 <= count <= 22


def test_annual_survey_has_every_fixed_indicator():
    survey = load(ANNUAL)
    indicators = [i["indicator"] for i in items(survey) if "indicator" in i]
    assert set(indicators) == INDICATORS
    assert len(indicators) == len(set(indicators))


def test_young_carer_indicator_lets_non_carers_say_not_for_me():
    item = next(i for i in items(load(ANNUAL)) if i.get("indicator") == "young_carer_support")
    assert item["sensitive"] is True
    assert any(o["id"] == "not_a_carer" for o in item["options"])


def test_annual_survey_uses_every_question_type():
    assert {i["type"] for i in items(load(ANNUAL))} == {"scale", "single", "multi", "yesno", "text", "top3"}


def test_about_you_options_match_the_framework():
    framework = load("framework.yaml")
    by_profile = {i["profile"]: i for i in items(load(ANNUAL)) if "profile" in i}
    groups = [o["id"] for o in by_profile["priority_groups"]["options"]]
    assert groups == [g["id"] for g in framework["priority_groups"]]
    assert by_profile["priority_groups"]["sensitive"] is True
    areas = [o["id"] for o in by_profile["area"]["options"]]
    assert areas == [a["id"] for a in framework["areas"]]


# --- every survey ----------------------------------------------------------------------------

@pytest.mark.parametrize("name", SURVEY_FILES)
def test_ids_are_unique(name):
    survey = load(name)
    page_ids = Counter(p["id"] for p in survey["pages"])
    item_ids = Counter(i["id"] for i in items(survey))
    assert [k for k, n in (page_ids + item_ids).items() if n > 1] == []
    for item in items(survey):
        option_ids = Counter(str(o["id"]) for o in item.get("options") or [])
        assert [k for k, n in option_ids.items() if n > 1] == [], item["id"]


@pytest.mark.parametrize("name", SURVEY_FILES)
def test_wording_given_for_exactly_the_variants_shown(name):
    survey = load(name)
    for item in items(survey):
        assert set(item["text"]) == set(item_variants(survey, item)), item["id"]
        for option in item.get("options") or []:
            if isinstance(option["label"], dict):
                assert set(option["label"]) == set(item_variants(survey, item)), item["id"]


@pytest.mark.parametrize("name", SURVEY_FILES)
def test_top3_questions_offer_at_least_five_options(name):
    for item in items(load(name)):
        if item["type"] == "top3":
            assert len(item["options"]) >= 5, item["id"]


def test_draft_plan_asks_about_every_value():
    survey = load("draft-plan.yaml")
    for value in range(1, 6):
        kinds = {i["type"] for i in items(survey) if i["value"] == value}
        assert {"scale", "text"} <= kinds


# --- respondent copy -------------------------------------------------------------------------

@pytest.mark.parametrize("variant", VARIANTS)
def test_copy_has_every_sentence(variant):
    words = load("copy.yaml")[variant]
    assert [k for k in REQUIRED_KEYS if k not in words] == []
    assert all(isinstance(words[k], (str, list)) for k in REQUIRED_KEYS)  # "yes: Yes" is not a bool
    assert len(words["agree_scale"]) == 5
    assert len(words["satisfied_scale"]) == 5


@pytest.mark.parametrize("variant", VARIANTS)
def test_copy_keeps_its_placeholders(variant):
    words = load("copy.yaml")[variant]
    for key, needed in PLACEHOLDERS.items():
        assert needed <= set(re.findall(r"\{\w+\}", words[key])), key


@pytest.mark.parametrize("variant", VARIANTS)
def test_help_now_gives_childline(variant):
    help_now = load("copy.yaml")[variant]["help_now"]
    assert "Childline" in help_now
    assert "0800 1111" in help_now


def test_copy_has_a_start_page_choice_for_every_audience():
    assert set(load("copy.yaml")["audiences"]) == set(VARIANTS)
