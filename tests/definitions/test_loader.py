"""`surveys load`: idempotent; a changed definition is a new version; responses keep theirs."""
import shutil
from pathlib import Path

import yaml
from sqlalchemy import func, select

from engage.models import Response, SurveyItem, SurveyVersion
from engage.models._time import utcnow
from engage.services import responses as rsp
from engage.services.setup import create_consultation

SURVEYS = Path(__file__).resolve().parents[2] / "surveys"


def _copy_surveys(tmp_path: Path) -> Path:
    target = tmp_path / "surveys"
    shutil.copytree(SURVEYS, target)
    return target


def test_loading_twice_changes_nothing(runner, db, tmp_path):
    directory = _copy_surveys(tmp_path)
    first = runner.invoke(args=["surveys", "load", "--dir", str(directory)])
    assert first.exit_code == 0, first.output
    assert "version 1 (created)" in first.output
    second = runner.invoke(args=["surveys", "load", "--dir", str(directory)])
    assert "version 1 (unchanged)" in second.output
    assert "created" not in second.output
    assert db.scalar(select(func.count(SurveyVersion.id))) == len(list(directory.glob("*.yaml"))) - 2


def test_changed_definition_is_a_new_version_and_answers_keep_theirs(runner, db, tmp_path):
    directory = _copy_surveys(tmp_path)
    runner.invoke(args=["surveys", "load", "--dir", str(directory)])
    consultation = create_consultation(db, "draft-plan", "plan-2026", "Plan", ["parent"],
                                       None, None, status="open")
    db.commit()
    response = rsp.start_response(db, consultation, "parent", utcnow())
    path = directory / "draft-plan.yaml"
    raw = yaml.safe_load(path.read_text())
    first_item = raw["pages"][0]["items"][0]
    first_item["text"]["parent"] = first_item["text"]["parent"].rstrip(".?") + " overall?"
    path.write_text(yaml.safe_dump(raw, sort_keys=False, allow_unicode=True))
    result = runner.invoke(args=["surveys", "load", "--dir", str(directory)])
    assert "draft-plan: version 2 (new version)" in result.output, result.output
    versions = db.scalars(select(SurveyVersion).order_by(SurveyVersion.id)).all()
    newest = [v for v in versions if v.family.slug == "draft-plan"][-1]
    assert newest.number == 2
    db.expire_all()
    assert db.get(Response, response.id).version_id != newest.id
    assert db.scalar(select(func.count(SurveyItem.id)).where(SurveyItem.version_id == newest.id)) > 0
