"""`surveys check`: every problem is reported with file, item, variant and reason."""
import shutil
from pathlib import Path

import pytest
import yaml

from engage.definitions.validate import validate
from engage.framework import load_framework

SURVEYS = Path(__file__).resolve().parents[2] / "surveys"
BROKEN = Path(__file__).resolve().parents[1] / "fixtures" / "broken"


@pytest.fixture
def framework():
    return load_framework(str(SURVEYS / "framework.yaml"))


def _minimal(**item) -> dict:
    base = {"id": "q1", "type": "yesno", "value": 1, "text": {"secondary": "Do you feel safe?"}}
    base.update(item)
    return {"family": "tiny", "title": "Tiny", "variants": ["secondary"],
            "pages": [{"id": "p1", "title": {"secondary": "Safe"}, "items": [base]}]}


def _reasons(raw, framework) -> list[str]:
    return [p.reason for p in validate(raw, "tiny.yaml", framework)]


def test_minimal_definition_is_valid(framework):
    assert _reasons(_minimal(), framework) == []


@pytest.mark.parametrize("item, expected", [
    ({"value": 9}, "value must be one of the five values"),
    ({"subtheme": "4a"}, "unknown sub-theme '4a' for value 1"),
    ({"type": "slider"}, "unknown type 'slider'"),
    ({"type": "scale"}, "a scale needs scale"),
    ({"type": "single"}, "options must be a list"),
    ({"type": "top3", "options": [{"id": "a", "label": "A"}, {"id": "b", "label": "B"}]},
     "needs more than 3 options"),
    ({"options": [{"id": "a", "label": "A"}]}, "a yesno item does not take options"),
    ({"colour": "red"}, "unknown key 'colour'"),
    ({"text": {"secondary": "Hi?", "parent": "Hello?"}}, "wording given for a variant the item does not apply to"),
    ({"text": {}}, "no question wording for this variant"),
])
def test_item_problems_are_named(framework, item, expected):
    assert any(expected in reason for reason in _reasons(_minimal(**item), framework))


def test_duplicate_item_ids_are_refused(framework):
    raw = _minimal()
    raw["pages"][0]["items"].append(dict(raw["pages"][0]["items"][0]))
    assert "item id is used twice" in _reasons(raw, framework)


def test_duplicate_option_ids_are_refused(framework):
    options = [{"id": "a", "label": "Apples"}, {"id": "a", "label": "Pears"}]
    assert any("used twice" in r for r in _reasons(_minimal(type="single", options=options), framework))


def test_option_label_must_cover_every_variant(framework):
    raw = _minimal(type="single", options=[{"id": "a", "label": {"parent": "Apples"}}])
    assert any("no option 'a' label wording" in r for r in _reasons(raw, framework))


def test_reading_age_is_checked_per_variant(framework):
    hard = ("Notwithstanding considerable institutional reorganisation, contemporary "
            "safeguarding arrangements demonstrate comprehensive effectiveness?")
    problems = validate(_minimal(text={"secondary": hard}), "tiny.yaml", framework)
    assert [(p.item, p.variant) for p in problems] == [("q1", "secondary")]
    assert "above 7 for secondary" in problems[0].reason


def test_adult_wording_is_not_held_to_a_child_reading_age(framework):
    hard = ("Notwithstanding considerable institutional reorganisation, contemporary "
            "safeguarding arrangements demonstrate comprehensive effectiveness?")
    raw = _minimal(text={"parent": hard})
    raw["variants"] = ["parent"]
    raw["pages"][0]["title"] = {"parent": "Safety"}
    assert _reasons(raw, framework) == []


def test_not_a_mapping_is_a_problem_not_a_crash(framework):
    assert _reasons(["a", "list"], framework)


@pytest.fixture
def broken_dir(tmp_path):
    for name in ("framework.yaml", "copy.yaml"):
        shutil.copy(SURVEYS / name, tmp_path / name)
    for path in BROKEN.glob("*.yaml"):
        shutil.copy(path, tmp_path / path.name)
    return tmp_path


def test_check_command_passes_on_shipped_surveys(runner):
    result = runner.invoke(args=["surveys", "check"])
    assert result.exit_code == 0, result.output
    assert "valid" in result.output


def test_check_command_names_file_item_and_reason(runner, broken_dir):
    result = runner.invoke(args=["surveys", "check", "--dir", str(broken_dir)])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert "unknown_tag.yaml: item likes_school: value must be one of the five values 1-5, not '7'" in lines
    assert "unknown_tag.yaml: item parks_nearby: unknown sub-theme '1a' for value 3" in lines
    assert ("missing_wording.yaml: item feel_safe_home: variant parent: "
            "no question wording for this variant") in lines
    assert any(line.startswith("too_hard.yaml: item neighbourhood_satisfaction: variant primary: "
                               "question: reading grade") and line.endswith("above 4 for primary")
               for line in lines)


def test_invalid_yaml_is_reported(runner, broken_dir):
    (broken_dir / "garbled.yaml").write_text("family: [unclosed\n")
    result = runner.invoke(args=["surveys", "check", "--dir", str(broken_dir)])
    assert result.exit_code == 1
    assert "garbled.yaml: not valid YAML" in result.output


def test_check_command_counts_problems_in_words(runner, tmp_path):
    (tmp_path / "garbled.yaml").write_text("family: [unclosed\n")
    result = runner.invoke(args=["surveys", "check", "--dir", str(tmp_path)])
    assert result.exit_code == 1 and "1 problem found." in result.output and "(s)" not in result.output


def test_load_refuses_broken_definitions(runner, broken_dir):
    result = runner.invoke(args=["surveys", "load", "--dir", str(broken_dir)])
    assert result.exit_code == 1


def test_fixtures_are_yaml(broken_dir):
    for path in BROKEN.glob("*.yaml"):
        assert isinstance(yaml.safe_load(path.read_text()), dict)
