"""The labels a child reads about groups they may belong to are each checked for reading age:
the survey's options (per age band, and in easy read) and the framework's child labels."""
import shutil
from pathlib import Path

import yaml

from engage.definitions.loader import check_directory
from engage.definitions.validate import validate
from engage.framework import load_framework

SURVEYS = Path(__file__).resolve().parents[2] / "surveys"
YOUNG_PEOPLE = "annual-young-people.yaml"


def _young_people_survey() -> dict:
    return yaml.safe_load((SURVEYS / YOUNG_PEOPLE).read_text(encoding="utf-8"))


def _priority_item(raw: dict) -> dict:
    return next(item for page in raw["pages"] for item in page["items"] if item.get("profile") == "priority_groups")


def _problems(raw: dict) -> list[str]:
    framework = load_framework(str(SURVEYS / "framework.yaml"))
    return [str(p) for p in validate(raw, YOUNG_PEOPLE, framework)]


def test_the_shipped_labels_pass():
    assert _problems(_young_people_survey()) == []


def test_one_hard_label_is_refused_though_the_list_as_a_whole_reads_easily():
    raw = _young_people_survey()
    send = next(o for o in _priority_item(raw)["options"] if o["id"] == "send")
    send["label"]["secondary"] = "I have special educational needs"
    assert _problems(raw) == [f"{YOUNG_PEOPLE}: item priority_groups: variant secondary: option 'send' label: "
                              "reading grade 10.0 is above 7 for secondary"]


def test_an_easy_read_label_is_checked_on_its_own():
    raw = _young_people_survey()
    _priority_item(raw)["easy_read"]["options"]["gypsy_roma_traveller"]["label"] = "I am a Traveller, Gypsy or Roma"
    assert _problems(raw) == [f"{YOUNG_PEOPLE}: item priority_groups: variant easy_read: option "
                              "'gypsy_roma_traveller' label: easy read: reading grade 5.7 is above 3"]


def test_the_frameworks_child_labels_are_checked(tmp_path):
    for path in SURVEYS.glob("*.yaml"):
        shutil.copy(path, tmp_path / path.name)
    framework = (tmp_path / "framework.yaml").read_text(encoding="utf-8")
    hard = framework.replace('primary: "I used to be in care"', 'primary: "I am a care leaver, formerly accommodated"')
    assert hard != framework
    (tmp_path / "framework.yaml").write_text(hard, encoding="utf-8")
    found = [str(p) for p in check_directory(tmp_path)]
    assert len(found) == 1 and found[0].startswith("framework.yaml: item priority group care_leaver: variant primary: "
                                                   "reading grade ")
