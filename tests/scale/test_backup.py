"""`flask backup` and `flask restore` round-trip a database with responses, on the suite's engine."""
from sqlalchemy import select

from engage import backup as backup_module
from engage.db import get_session
from engage.models import Answer, Response
from tests.respond.journey import begin, complete


def _respond(app, slug: str, variant: str) -> None:
    client = app.test_client()
    begin(client, slug, variant)
    complete(client)


def _contents(app) -> tuple[list, list]:
    with app.app_context():
        session = get_session()
        responses = session.execute(
            select(Response.token, Response.status, Response.variant).order_by(Response.token)).all()
        answers = session.execute(
            select(Response.token, Answer.item_key, Answer.value, Answer.choices, Answer.text)
            .join(Response).order_by(Response.token, Answer.item_key)).all()
    return [tuple(r) for r in responses], [tuple(a) for a in answers]


def test_backup_then_restore_brings_back_every_response(app, demo, runner, tmp_path):
    _respond(app, demo["annual"], "secondary")
    _respond(app, demo["annual"], "parent")
    before = _contents(app)
    assert len(before[0]) == 2 and before[1]
    out = tmp_path / "engage.backup"

    made = runner.invoke(args=["backup", "--out", str(out)])
    assert made.exit_code == 0, made.output
    assert out.stat().st_size > 0
    _respond(app, demo["annual"], "primary")  # written after the backup: the restore drops it
    assert len(_contents(app)[0]) == 3

    restored = runner.invoke(args=["restore", str(out), "--yes"])
    assert restored.exit_code == 0, restored.output
    assert _contents(app) == before


def test_restore_asks_first_and_changes_nothing_when_refused(app, demo, runner, tmp_path):
    out = tmp_path / "engage.backup"
    assert runner.invoke(args=["backup", "--out", str(out)]).exit_code == 0
    _respond(app, demo["annual"], "secondary")
    before = _contents(app)

    refused = runner.invoke(args=["restore", str(out)], input="n\n")
    assert refused.exit_code == 1
    assert "replaces every survey and response" in refused.output
    assert _contents(app) == before


def test_restore_refuses_a_file_that_is_not_a_backup(app, runner, tmp_path):
    junk = tmp_path / "junk.backup"
    junk.write_bytes(b"not a backup at all")
    result = runner.invoke(args=["restore", str(junk), "--yes"])
    assert result.exit_code == 1
    assert "Error:" in result.output


def test_backup_without_pg_dump_says_what_to_install(monkeypatch, tmp_path):
    monkeypatch.setattr(backup_module.shutil, "which", lambda _name: None)
    monkeypatch.setattr(backup_module, "PG_BIN_DIRS", str(tmp_path / "none" / "*"))
    try:
        backup_module.backup("postgresql+psycopg://u@127.0.0.1:1/db", tmp_path / "out")
    except backup_module.BackupError as exc:
        assert "pg_dump was not found" in str(exc) and "postgresql-client" in str(exc)
    else:
        raise AssertionError("expected a BackupError")
