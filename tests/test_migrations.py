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
    from engage.migrate import upgrade
    from tests.conftest import ON_POSTGRES, _config
    from tests.scale.helpers import create_database

    url = create_database(migrated, "few_slices") if ON_POSTGRES else f"sqlite:///{tmp_path / 'few.db'}"
    app = create_app({**_config(), "DATABASE_URL": url})
    engine = app.extensions["engage.engine"]
    try:
        _one_submitted_answer(app)
        downgrade(alembic_config(app), "0016")
        with engine.begin() as connection:
            waiting = "SELECT count(*) FROM responses WHERE summary_batch IS NULL"
            assert connection.exec_driver_sql(waiting).scalar() == 1
            # A fold as the code before 0017 left it: a kept row, the response counted.
            connection.exec_driver_sql("UPDATE responses SET summary_batch = 'old'")
            connection.exec_driver_sql("INSERT INTO summary_tallies (consultation_id, kind, dims, figures) "
                                       "SELECT consultation_id, 'people', '[\"secondary\"]', '[1]' FROM responses")
        upgrade(app)
        with engine.connect() as connection:
            assert connection.exec_driver_sql("SELECT count(*) FROM summary_tallies").scalar() == 0
            queued = connection.exec_driver_sql("SELECT response_id FROM summary_queue").scalars().all()
            assert queued == connection.exec_driver_sql("SELECT id FROM responses").scalars().all()
    finally:
        engine.dispose()


def _folded_at_head(app) -> None:
    """Fold the one consultation's waiting responses into its tallies, with the code of head."""
    from engage.db import get_session
    from engage.models import Consultation
    from engage.results import summary as svc

    with app.app_context():
        session = get_session()
        svc.fold_new(session, session.query(Consultation).filter_by(slug="keep").one())
        session.commit()
        session.close()


def test_dropping_the_tallies_foreign_key_keeps_the_kept_tallies(migrated, tmp_path):
    """0018 drops the key from summary_tallies to consultations (on SQLite by copying the table): the
    kept rows must come through as they were, or the next summary would count nothing for them."""
    from sqlalchemy import inspect

    from engage import create_app
    from engage.migrate import upgrade
    from tests.conftest import ON_POSTGRES, _config
    from tests.scale.helpers import create_database

    url = create_database(migrated, "tallies_key") if ON_POSTGRES else f"sqlite:///{tmp_path / 'key.db'}"
    app = create_app({**_config(), "DATABASE_URL": url})
    engine = app.extensions["engage.engine"]
    read_rows = "SELECT consultation_id, kind, dims, CAST(figures AS TEXT) FROM summary_tallies ORDER BY kind, dims"
    try:
        _one_submitted_answer(app)
        _folded_at_head(app)
        downgrade(alembic_config(app), "0017")
        with engine.connect() as connection:
            kept = connection.exec_driver_sql(read_rows).all()
            assert inspect(connection).get_foreign_keys("summary_tallies")
        assert kept and {row[1] for row in kept} >= {"people", "cells", "values"}
        upgrade(app)
        with engine.connect() as connection:
            assert connection.exec_driver_sql(read_rows).all() == kept
            assert inspect(connection).get_foreign_keys("summary_tallies") == []
            assert connection.exec_driver_sql("SELECT count(*) FROM summary_queue").scalar() == 0
    finally:
        engine.dispose()


def test_the_summary_queue_holds_the_waiting_responses_across_upgrade_and_downgrade(migrated, tmp_path):
    """0020 moves "not yet counted" from responses.summary_batch to rows of summary_queue: a counted
    response must stay counted (or the next fold counts it twice) and a waiting one must wait (or it is
    never counted), both ways; a response still being written is in neither."""
    from sqlalchemy import inspect, select

    from engage import create_app
    from engage.db import get_session
    from engage.definitions.survey import survey_of
    from engage.migrate import upgrade
    from engage.models import Consultation, SummaryTally
    from engage.models._time import utcnow
    from engage.results import summary as svc
    from engage.services import responses as rsp
    from tests.conftest import ON_POSTGRES, _config
    from tests.scale.helpers import create_database

    url = create_database(migrated, "summary_queue") if ON_POSTGRES else f"sqlite:///{tmp_path / 'queue.db'}"
    app = create_app({**_config(), "DATABASE_URL": url})
    engine = app.extensions["engage.engine"]
    try:
        _one_submitted_answer(app)
        _folded_at_head(app)  # the first response is counted
        with app.app_context():
            session = get_session()
            consultation = session.query(Consultation).filter_by(slug="keep").one()
            items = survey_of(consultation.version).items()
            waiting = rsp.start_response(session, consultation, "secondary", utcnow(), None)
            rsp.submit(session, waiting.token, items, {"safe_at_school": rsp.AnswerValue(value="2")}, utcnow())
            writing = rsp.start_response(session, consultation, "secondary", utcnow(), None)
            waiting_id, writing_id = waiting.id, writing.id
            session.close()
        downgrade(alembic_config(app), "0019")
        with engine.connect() as connection:
            marks = dict(connection.exec_driver_sql("SELECT id, summary_batch FROM responses").all())
            assert "summary_queue" not in inspect(connection).get_table_names()
        assert marks.pop(waiting_id) is None and marks.pop(writing_id) is None
        assert list(marks.values()) == ["counted-before-0020"]
        upgrade(app)
        with engine.connect() as connection:
            queued = connection.exec_driver_sql("SELECT response_id, consultation_id FROM summary_queue").all()
            assert [column["name"] for column in inspect(connection).get_columns("responses")
                    if column["name"] == "summary_batch"] == []
        assert queued == [(waiting_id, consultation.id)]
        with app.app_context():
            session = get_session()
            consultation = session.get(Consultation, consultation.id)
            assert svc.uncounted(session, [consultation.id]) == {consultation.id: 1}
            assert svc.fold_new(session, consultation) == 1
            people = session.scalars(select(SummaryTally.figures).where(SummaryTally.kind == "people")).all()
            assert sum(figures[0] for figures in people) == 2  # each counted once
            session.close()
    finally:
        engine.dispose()
