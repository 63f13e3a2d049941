"""Every operation as a command under `flask --app engage ...`, registered in one place.

Each module holds one command group and stays thin: it parses arguments, calls a service and
prints. Nothing else in engage imports this package.
"""
from flask import Flask

from engage.cli import (
    alerts,
    analysis,
    api_tokens,
    backup,
    comments,
    database,
    demo,
    results,
    retention,
    surveys,
    users,
    xlsform,
)


def init_app(app: Flask) -> None:
    """Register every command group."""
    surveys.surveys.add_command(xlsform.import_command)
    surveys.surveys.add_command(xlsform.export_command)
    for command in (surveys.surveys, database.database, demo.demo, analysis.classify, analysis.model,
                    results.consultations, results.summary_command, results.export_command, comments.comments,
                    users.users, alerts.alerts, api_tokens.tokens, retention.retention, backup.backup_command,
                    backup.restore_command):
        app.cli.add_command(command)
