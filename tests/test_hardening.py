"""HSTS behind HTTPS, owner-only files, and a demo that will not touch a real database."""
import stat

from sqlalchemy import select

from engage import create_app
from engage.models import Role, User
from tests.conftest import _config
from tests.workspace.factories import make_user


def _mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_hsts_when_cookies_are_secure(migrated):
    secure = create_app({**_config(), "DATABASE_URL": migrated, "SESSION_COOKIE_SECURE": True})
    headers = secure.test_client().get("/auth/sign-in").headers
    assert headers["Strict-Transport-Security"].startswith("max-age=31536000")
    secure.extensions["engage.engine"].dispose()


def test_no_hsts_over_plain_http(client):
    assert "Strict-Transport-Security" not in client.get("/auth/sign-in").headers


def test_a_new_sqlite_database_and_its_journal_are_owner_only(tmp_path):
    from engage import migrate

    db_file = tmp_path / "fresh.db"
    app = create_app({**_config(), "DATABASE_URL": f"sqlite:///{db_file}"})
    migrate.upgrade(app)
    app.extensions["engage.engine"].dispose()
    journals = [p for p in tmp_path.iterdir() if p.name.startswith("fresh.db")]
    assert journals and all(_mode(p) & 0o077 == 0 for p in journals), [(p.name, oct(_mode(p))) for p in journals]


def test_an_existing_world_readable_database_is_closed(tmp_path):
    db_file = tmp_path / "old.db"
    db_file.touch(mode=0o644)
    db_file.chmod(0o644)
    app = create_app({**_config(), "DATABASE_URL": f"sqlite:///{db_file}"})
    app.extensions["engage.engine"].dispose()
    assert _mode(db_file) == 0o600


def test_the_secret_key_and_instance_folder_are_owner_only(tmp_path):
    from engage.config import Config

    app = create_app({**_config(), "DATABASE_URL": "sqlite://", "SECRET_KEY": ""})
    app.instance_path = str(tmp_path / "instance")
    app.config["SECRET_KEY"] = ""
    Config.finalise(app)
    assert _mode(tmp_path / "instance") == 0o700
    assert _mode(tmp_path / "instance" / "secret_key") == 0o600


def test_a_backup_is_owner_only(runner, tmp_path, app):
    out = tmp_path / "backup.db"
    result = runner.invoke(args=["backup", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert _mode(out) == 0o600


def _demo(app, runner, *flags):
    with app.app_context():  # as `flask demo` runs
        return runner.invoke(args=["demo", *flags])


def test_demo_refuses_a_database_with_real_accounts(loaded, runner, db):
    make_user(db, Role.ADMIN, email="real.admin@council.example")
    refused = _demo(loaded, runner)
    assert refused.exit_code == 1 and "--yes-this-is-a-demo" in refused.output
    assert db.scalars(select(User.email)).all() == ["real.admin@council.example"]
    allowed = _demo(loaded, runner, "--yes-this-is-a-demo")
    assert allowed.exit_code == 0, allowed.output


def test_demo_runs_on_a_fresh_database_and_again_on_its_own(loaded, runner, db):
    first = _demo(loaded, runner)
    assert first.exit_code == 0, first.output
    assert "two-step sign-in at first sign-in" in first.output
    assert _demo(loaded, runner).exit_code == 0
