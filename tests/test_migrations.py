"""Alembic owns the schema: one head, and upgrade head matches the models exactly."""
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.command import downgrade
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from engage.db import Base
from engage.migrate import alembic_config


def test_single_migration_head(app):
    heads = ScriptDirectory.from_config(alembic_config(app)).get_heads()
    assert len(heads) == 1


def test_upgraded_database_matches_models(app):
    engine = app.extensions["engage.engine"]
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, Base.metadata)
    assert differences == []


def _one_submitted_answer(app) -> None:
    """Bring the app's database to head and store one submitted response with one answer."""
    from engage.db import get_session
    from engage.definitions.loader import load_directory
    from engage.definitions.survey import survey_of
    from engage.migrate import upgrade
    from engage.models._time import utcnow
    from engage.services import responses as rsp
    from engage.services.setup import create_consultation

    with app.app_context():
        upgrade(app)
        session = get_session()
        load_directory(session, Path(app.config["SURVEYS_DIR"]))
        consultation = create_consultation(session, "annual-young-people", "keep", "Keep", ["secondary"],
                                           None, None, status="open")
        session.commit()
        items = survey_of(consultation.version).items()
        response = rsp.start_response(session, consultation, "secondary", utcnow(), None)
        rsp.submit(session, response.token, items, {"safe_at_school": rsp.AnswerValue(value="4")}, utcnow())
        session.commit()
        session.close()


def test_answers_survive_downgrade_and_upgrade(tmp_path):
    """Batch mode rebuilds tables on SQLite; that must never cascade-delete answers (or anything)."""
    from sqlalchemy import func, select

    from engage import create_app
    from engage.db import get_session
    from engage.migrate import upgrade
    from engage.models import Answer, Response
    from tests.conftest import _config

    app = create_app({**_config(), "DATABASE_URL": f"sqlite:///{tmp_path / 'old.db'}"})
    _one_submitted_answer(app)
    with app.app_context():
        downgrade(alembic_config(app), "0004")
        upgrade(app)
        session = get_session()
        assert session.scalar(select(func.count()).select_from(Answer)) == 1
        assert session.scalar(select(func.count()).select_from(Response)) == 1
    app.extensions["engage.engine"].dispose()


def _answers_storage(connection) -> int:
    """Return where the answers table's rows live: a new number means the table was rewritten."""
    if connection.dialect.name == "sqlite":
        return connection.exec_driver_sql("SELECT rootpage FROM sqlite_master WHERE name = 'answers'").scalar()
    return connection.exec_driver_sql("SELECT pg_relation_filenode('answers')").scalar()


def test_the_waiting_marker_is_added_in_place_and_false_for_stored_answers(migrated, tmp_path):
    """Copying a million responses' answers to add one column took minutes and doubled the file."""
    from sqlalchemy import inspect

    from engage import create_app
    from engage.migrate import upgrade
    from tests.conftest import ON_POSTGRES, _config
    from tests.scale.helpers import create_database

    url = create_database(migrated, "marker_in_place") if ON_POSTGRES else f"sqlite:///{tmp_path / 'marker.db'}"
    app = create_app({**_config(), "DATABASE_URL": url})
    engine = app.extensions["engage.engine"]
    try:
        _one_submitted_answer(app)
        downgrade(alembic_config(app), "0013")
        with engine.connect() as connection:
            before = _answers_storage(connection)
        upgrade(app)
        with engine.connect() as connection:
            assert _answers_storage(connection) == before
            marked = connection.exec_driver_sql("SELECT needs_tagging FROM answers").scalars().all()
            column = next(c for c in inspect(connection).get_columns("answers") if c["name"] == "needs_tagging")
            indexes = {i["name"] for i in inspect(connection).get_indexes("answers")}
        assert [bool(m) for m in marked] == [False]
        assert column["nullable"] is False
        assert "ix_answers_untagged" in indexes
    finally:
        engine.dispose()


def test_the_few_slices_migration_forgets_kept_tallies_so_the_next_summary_counts_them(migrated, tmp_path):
    """Tallies kept before 0017 hold no day-and-slice or pair rows: a summary must not read them as if
    they did, so upgrading forgets them and every response waits to be folded again."""
    from engage import create_app
    from engage.db import get_session
    from engage.migrate import upgrade
    from engage.models import Response
    from engage.results import summary as svc
    from tests.conftest import ON_POSTGRES, _config
    from tests.scale.helpers import create_database

    url = create_database(migrated, "few_slices") if ON_POSTGRES else f"sqlite:///{tmp_path / 'few.db'}"
    app = create_app({**_config(), "DATABASE_URL": url})
    engine = app.extensions["engage.engine"]
    try:
        _one_submitted_answer(app)
        downgrade(alembic_config(app), "0016")
        with app.app_context():
            session = get_session()
            response = session.query(Response).one()
            assert svc.uncounted(session, [response.consultation_id]) == {response.consultation_id: 1}
            # A fold as the code before 0017 left it: a kept row, the response counted.
            session.execute(Response.__table__.update().values(summary_batch="old"))
            session.execute(Response.__table__.metadata.tables["summary_tallies"].insert().values(
                consultation_id=response.consultation_id, kind="people", dims='["secondary"]', figures=[1]))
            session.commit()
            session.close()
        upgrade(app)
        with engine.connect() as connection:
            assert connection.exec_driver_sql("SELECT count(*) FROM summary_tallies").scalar() == 0
            assert connection.exec_driver_sql("SELECT summary_batch FROM responses").scalars().all() == [None]
    finally:
        engine.dispose()


def test_dropping_the_tallies_foreign_key_keeps_the_kept_tallies(migrated, tmp_path):
    """0018 drops the key from summary_tallies to consultations (on SQLite by copying the table): the
    kept rows must come through as they were, or the next summary would count nothing for them."""
    from sqlalchemy import inspect

    from engage import create_app
    from engage.db import get_session
    from engage.migrate import upgrade
    from engage.models import Response
    from engage.results import summary as svc
    from tests.conftest import ON_POSTGRES, _config
    from tests.scale.helpers import create_database

    url = create_database(migrated, "tallies_key") if ON_POSTGRES else f"sqlite:///{tmp_path / 'key.db'}"
    app = create_app({**_config(), "DATABASE_URL": url})
    engine = app.extensions["engage.engine"]
    read_rows = "SELECT consultation_id, kind, dims, CAST(figures AS TEXT) FROM summary_tallies ORDER BY kind, dims"
    try:
        _one_submitted_answer(app)
        downgrade(alembic_config(app), "0017")
        with app.app_context():
            session = get_session()
            response = session.query(Response).one()
            svc.fold_new(session, response.consultation)
            session.commit()
            session.close()
        with engine.connect() as connection:
            kept = connection.exec_driver_sql(read_rows).all()
            assert inspect(connection).get_foreign_keys("summary_tallies")
        assert kept and {row[1] for row in kept} >= {"people", "cells", "values"}
        upgrade(app)
        with engine.connect() as connection:
            assert connection.exec_driver_sql(read_rows).all() == kept
            assert inspect(connection).get_foreign_keys("summary_tallies") == []
            waiting = connection.exec_driver_sql("SELECT count(*) FROM responses WHERE summary_batch IS NULL")
            assert waiting.scalar() == 0
    finally:
        engine.dispose()
