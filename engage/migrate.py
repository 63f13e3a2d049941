"""Alembic, driven from the app's own configuration (no alembic.ini to keep in step)."""
from pathlib import Path

from alembic import command
from alembic.config import Config as AlembicConfig
from flask import Flask

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"


def alembic_config(app: Flask) -> AlembicConfig:
    """Return an Alembic config pointing at migrations/ and the app's database."""
    config = AlembicConfig()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", app.config["DATABASE_URL"].replace("%", "%%"))
    config.attributes["engine"] = app.extensions["engage.engine"]
    return config


def upgrade(app: Flask, revision: str = "head") -> None:
    """Bring the database schema up to a revision."""
    command.upgrade(alembic_config(app), revision)


def revision(app: Flask, message: str) -> None:
    """Autogenerate a new migration from the models."""
    command.revision(alembic_config(app), message=message, autogenerate=True)
