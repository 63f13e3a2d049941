"""Alembic owns the schema: one head, and upgrade head matches the models exactly."""
from alembic.autogenerate import compare_metadata
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
