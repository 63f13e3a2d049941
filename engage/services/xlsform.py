"""Importing an XLSForm as a survey family: convert, check as `surveys check` does, and save."""
from sqlalchemy.orm import Session

from engage.db import begin_write
from engage.definitions.loader import LoadResult, load_definition
from engage.definitions.validate import validate
from engage.definitions.xlsform import Imported, ImportOptions, import_xlsform
from engage.framework import Framework
from engage.models import User
from engage.services import audit
from engage.services.errors import DefinitionRejected


class ImportRejected(DefinitionRejected):
    """The converted survey fails the checks; the conversion's notes come with the problems."""

    def __init__(self, problems: list, imported: Imported):
        super().__init__(problems)
        self.imported = imported


def convert(data: bytes, options: ImportOptions, framework: Framework) -> Imported:
    """Convert a workbook and check the result; raise XLSFormError or ImportRejected."""
    imported = import_xlsform(data, options)
    problems = validate(imported.definition, f"{imported.definition['family']}.yaml", framework)
    if problems:
        raise ImportRejected(problems, imported)
    return imported


def save(session: Session, imported: Imported, filename: str, actor: User | None) -> LoadResult:
    """Save a checked conversion as a new family, or as a new version of the family it names."""
    begin_write(session)
    result = load_definition(session, imported.definition)
    if result.change != "unchanged":
        audit.record(session, "survey_saved", actor, result.family,
                     f"version {result.version}: imported from the XLSForm {filename}")
    session.commit()
    return result
