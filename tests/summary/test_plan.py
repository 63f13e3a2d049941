"""You said, we did: drafting from the summary, actions, the reading-age gate, publication, use."""
from datetime import date

import pytest

from engage.db import get_session
from engage.models import ActionStatus
from engage.results import summary as svc
from engage.services import plan
from tests.summary.known import build_known


@pytest.fixture
def drafted(loaded, db, monkeypatch):
    known = build_known(db, monkeypatch)
    with loaded.app_context():
        result = svc.summarise(get_session(), known.consultation)
        made = plan.draft(db, known.consultation, result, svc.framework())
    return known, made


def test_draft_one_statement_per_value_with_comments(drafted, db):
    known, made = drafted
    assert [s.value_id for s in made] == [1]
    said = made[0]
    assert said.count == 8
    assert "8 comments were about safe and supported." in said.text
    assert "street light" in said.text
    assert "Young people agreed least with" in said.text
    assert set(said.child_text) == {"secondary"}
    # What young people said, with a figure from the overview, in their band's own wording.
    assert said.child_text["secondary"].endswith("of you agreed: \u201cMy home is a good place to live. "
                                                  "It is warm and dry, and there is enough space.\u201d")
    assert " in 10 of you agreed" in said.child_text["secondary"]
    assert len(said.quoted_answer_ids) == 3
    # Drafting again keeps what is there.
    assert plan.draft(db, known.consultation, {"values": [], "items": []}, None) == []


def test_publish_needs_young_wording_that_passes_the_reading_check(drafted, db):
    known, made = drafted
    hard = ("Notwithstanding considerable organisational complexities, multidisciplinary "
            "safeguarding arrangements necessitate comprehensive interdepartmental coordination.")
    action = plan.add_action(db, known.consultation.id, made[0].id, plan.ActionInput(
        text="Ask the highways team to fix street lights near parks.",
        child_text={"secondary": hard}, owner="Highways lead", due_on=date(2027, 6, 1)))
    with pytest.raises(plan.PlanNotReady) as refused:
        plan.publish(db, known.consultation, None)
    assert any("ages 11 to 16: too hard to read (reading grade" in p for p in refused.value.problems)
    plan.edit_action(db, known.consultation.id, action.id, plan.ActionInput(
        text=action.text, child_text={"secondary": "We asked for new street lights near parks."},
        owner="Highways lead", due_on=date(2027, 6, 1), status=ActionStatus.DONE,
        outcome="Twelve new lights were put up.",
        outcome_child_text={"secondary": "Twelve new lights are up now."}))
    assert plan.publish(db, known.consultation, None) is not None
    page = plan.public_page(db, "known", "secondary", _fw())
    assert page["items"][0]["we_did"][0] == {"text": "We asked for new street lights near parks.",
                                             "done": True, "will": False, "outcome": "Twelve new lights are up now."}


def _fw():
    from engage.config import Config
    from engage.framework import load_framework

    return load_framework(f"{Config.SURVEYS_DIR}/framework.yaml")


def test_feedback_use(drafted, db):
    known, made = drafted
    use = plan.feedback_use(db, known.consultation.id)
    assert use == {"responses": 33, "with_comments": 9, "read": 0, "tagged": 9, "quoted": 3,
                   "acted_on": 0}
    plan.add_action(db, known.consultation.id, made[0].id, plan.ActionInput(
        text="x", child_text={}, owner="y", due_on=None))
    assert plan.feedback_use(db, known.consultation.id)["acted_on"] == 3
