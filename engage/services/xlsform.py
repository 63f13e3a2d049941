"""Importing an XLSForm as a survey family: convert, check as `surveys check` does, and save."""
from collections.abc import Callable

from sqlalchemy.orm import Session

from engage.db import begin_write
from engage.definitions.loader import LoadResult, load_definition
from engage.definitions.validate import validate
from engage.definitions.xlsform import Imported, ImportOptions, import_xlsform
from engage.framework import Framework
from engage.models import SurveyFamily, User
from engage.services import audit
from engage.services.errors import DefinitionRejected
from engage.services.workspace.surveys import made_by_youth_council, refuse_unless_allowed


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


def save(session: Session, imported: Imported, filename: str, actor: User | None,
         may_change: Callable[[SurveyFamily], bool]) -> LoadResult:
    """Save a checked conversion as a new family, or as a new version of the family it names.

    Naming a family that is already here changes it, so may_change must allow that.
    """
    refuse_unless_allowed(session, imported.definition["family"], may_change)
    begin_write(session)
    result = load_definition(session, imported.definition, made_by_youth_council(actor))
    if result.change != "unchanged":
        audit.record(session, "survey_saved", actor, result.family,
                     f"version {result.version}: imported from the XLSForm {filename}")
    session.commit()
    return result
