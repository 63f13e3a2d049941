"""`flask users create|list|disable|enable|set-role|reset-password`."""
from sqlalchemy import select

from engage.models import AuditEvent, School, User


def test_create_list_disable(runner, db):
    school = School(name="Riverside Primary", phase="primary")
    db.add(school)
    db.commit()
    made = runner.invoke(args=["users", "create", "--email", "Head@Example.org", "--role", "school_contact",
                               "--school", str(school.id), "--password", "a long enough password"])
    assert made.exit_code == 0, made.output
    listed = runner.invoke(args=["users", "list"])
    assert f"head@example.org\tschool_contact\tactive schools={school.id}" in listed.output
    assert runner.invoke(args=["users", "disable", "--email", "head@example.org"]).exit_code == 0
    assert "disabled" in runner.invoke(args=["users", "list"]).output
    enabled = runner.invoke(args=["users", "enable", "--email", "head@example.org"])
    assert enabled.exit_code == 0 and "Enabled head@example.org." in enabled.output
    assert "\tactive" in runner.invoke(args=["users", "list"]).output
    user = db.scalar(select(User))
    assert user.password_hash.startswith("$argon2id$")
    assert set(db.scalars(select(AuditEvent.action))) == {"user_created", "user_disabled", "user_enabled"}


def test_password_is_prompted_hidden_and_confirmed(runner, db):
    made = runner.invoke(args=["users", "create", "--email", "o@example.org", "--role", "officer"],
                         input="a long enough password\na long enough password\n")
    assert made.exit_code == 0, made.output
    assert "a long enough password" not in made.output


def test_bad_input_is_refused_plainly(runner, db):
    short = runner.invoke(args=["users", "create", "--email", "o@example.org", "--role", "officer",
                                "--password", "short"])
    assert short.exit_code == 1 and "at least 12 characters" in short.output
    contact = runner.invoke(args=["users", "create", "--email", "c@example.org", "--role", "school_contact",
                                  "--password", "a long enough password"])
    assert contact.exit_code == 1 and "at least one school" in contact.output
    assert runner.invoke(args=["users", "disable", "--email", "x@example.org"]).exit_code == 1


def test_set_role_changes_role_and_schools_and_is_audited(runner, db):
    school = School(name="Riverside Primary", phase="primary")
    db.add(school)
    db.commit()
    for email, role in [("a@example.org", "admin"), ("o@example.org", "officer")]:
        runner.invoke(args=["users", "create", "--email", email, "--role", role,
                            "--password", "a long enough password"])
    changed = runner.invoke(args=["users", "set-role", "--email", "o@example.org", "--role", "school_contact",
                                  "--school", str(school.id)])
    assert changed.exit_code == 0, changed.output
    assert f"o@example.org is now school_contact for schools {school.id}." in changed.output
    assert f"o@example.org\tschool_contact\tactive schools={school.id}" in runner.invoke(args=["users", "list"]).output
    event = db.scalar(select(AuditEvent).where(AuditEvent.action == "role_changed"))
    assert event.target == "o@example.org" and event.detail == "officer -> school_contact (Riverside Primary)"


def test_set_role_refuses_plainly(runner, db):
    runner.invoke(args=["users", "create", "--email", "a@example.org", "--role", "admin",
                        "--password", "a long enough password"])
    last = runner.invoke(args=["users", "set-role", "--email", "a@example.org", "--role", "officer"])
    assert last.exit_code == 1 and "at least one active admin" in last.output
    assert "a@example.org\tadmin" in runner.invoke(args=["users", "list"]).output
    nobody = runner.invoke(args=["users", "set-role", "--email", "x@example.org", "--role", "officer"])
    assert nobody.exit_code == 1 and "no account" in nobody.output
    contact = runner.invoke(args=["users", "set-role", "--email", "a@example.org", "--role", "school_contact"])
    assert contact.exit_code == 1 and "at least one school" in contact.output
    assert runner.invoke(args=["users", "disable", "--email", "a@example.org"]).exit_code == 1
