"""`flask api-tokens`: a token shown once, stored only as a digest, listed and revoked."""
from sqlalchemy import select

from engage.models import ApiToken, AuditEvent
from engage.services.api_tokens import digest


def test_create_shows_the_token_once_and_keeps_only_its_digest(runner, db):
    result = runner.invoke(args=["api-tokens", "create", "--name", "Power BI"])
    assert result.exit_code == 0
    token = result.output.splitlines()[0]
    assert token.startswith("engage_") and len(token) > 40
    stored = db.scalar(select(ApiToken))
    assert stored.digest == digest(token) and token not in stored.digest
    assert "cannot show it again" in result.output
    listed = runner.invoke(args=["api-tokens", "list"]).output
    assert "Power BI" in listed and "last used never" in listed and "live" in listed and token not in listed


def test_names_are_unique_and_needed(runner, db):
    runner.invoke(args=["api-tokens", "create", "--name", "Power BI"])
    again = runner.invoke(args=["api-tokens", "create", "--name", "Power BI"])
    assert again.exit_code == 1 and "already a token called 'Power BI'" in again.output
    blank = runner.invoke(args=["api-tokens", "create", "--name", "   "])
    assert blank.exit_code == 1 and "Give the token a name" in blank.output


def test_revoke_marks_it_and_an_unknown_name_is_said(runner, db):
    runner.invoke(args=["api-tokens", "create", "--name", "Tableau"])
    assert runner.invoke(args=["api-tokens", "revoke", "--name", "Tableau"]).exit_code == 0
    assert "revoked" in runner.invoke(args=["api-tokens", "list"]).output
    missing = runner.invoke(args=["api-tokens", "revoke", "--name", "Nope"])
    assert missing.exit_code == 1 and "There is no token called 'Nope'" in missing.output
    db.rollback()
    assert {e.action for e in db.scalars(select(AuditEvent))} == {"api_token_created", "api_token_revoked"}
