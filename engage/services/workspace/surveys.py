"""Editing survey families in the browser: one change at a time, YAML export and import.

Every save goes through the same validate() as `flask surveys check`, then load_definition(),
so a change makes a new version and consultations keep the version they opened with.
"""
import copy
from collections.abc import Callable
from typing import Any

import yaml
from sqlalchemy import select
from sqlalchemy.orm import Session

from engage.db import begin_write
from engage.definitions.loader import LoadResult, latest_version, load_definition
from engage.definitions.problems import Problem
from engage.definitions.readability import GRADE_LIMITS, fk_grade
from engage.definitions.safe_yaml import YAMLProblem, load_untrusted
from engage.definitions.validate import validate
from engage.framework import Framework
from engage.models import Consultation, ConsultationStatus, Role, SurveyFamily, SurveyVersion, User
from engage.services import audit
from engage.services.errors import DefinitionRejected, NotAllowed, NotFound
from engage.services.survey_editing import Missing

MAX_WORDING = 2000


def family_versions(session: Session) -> list[tuple[SurveyFamily, SurveyVersion]]:
    """Return every family with its newest version, by title."""
    found = []
    for family in session.scalars(select(SurveyFamily).order_by(SurveyFamily.title)):
        version = latest_version(session, family.id)
        if version is not None:
            found.append((family, version))
    return found


def latest(session: Session, slug: str) -> SurveyVersion:
    """Return the newest version of a family, or raise NotFound."""
    family = session.scalar(select(SurveyFamily).where(SurveyFamily.slug == slug))
    version = latest_version(session, family.id) if family else None
    if version is None:
        raise NotFound("We could not find that survey.")
    return version


def page_items(definition: dict[str, Any], page_id: str) -> list[dict[str, Any]]:
    """Return the items of one page, or raise NotFound."""
    for page in definition["pages"]:
        if page["id"] == page_id:
            return page["items"]
    raise NotFound("We could not find that page of the survey.")


def item_variants(definition: dict[str, Any], item: dict[str, Any]) -> list[str]:
    """Return the variants that see an item."""
    return list(item.get("variants") or definition["variants"])


def grade(text: str, variant: str) -> dict[str, Any]:
    """Return the reading grade of a wording and whether it suits the variant."""
    value = round(fk_grade(text[:MAX_WORDING]), 1)
    limit = GRADE_LIMITS.get(variant)
    return {"grade": value, "shown": grade_words(value), "limit": limit, "ok": limit is None or value <= limit}


def open_on_older(session: Session, slug: str, number: int) -> list[tuple[str, int]]:
    """Return (title, version) of the family's open consultations that run an older version."""
    rows = session.execute(
        select(Consultation.title, SurveyVersion.number)
        .join(SurveyVersion, Consultation.version_id == SurveyVersion.id)
        .join(SurveyFamily, SurveyVersion.family_id == SurveyFamily.id)
        .where(SurveyFamily.slug == slug, SurveyVersion.number < number,
               Consultation.status == ConsultationStatus.OPEN)
        .order_by(Consultation.title))
    return [(title, found) for title, found in rows]


def grade_words(value: float) -> str:
    """Say a reading grade as an officer reads it: very short words score below 1, even below 0."""
    return "very easy" if value < 1 else f"{value:.1f}"


def save_wordings(session: Session, slug: str, page_id: str, wordings: dict[tuple[str, str], str],
                  framework: Framework, actor: User) -> LoadResult:
    """Apply new question wordings to one page and save them as a new version if valid."""
    definition = copy.deepcopy(latest(session, slug).definition)
    for item in page_items(definition, page_id):
        for variant in item_variants(definition, item):
            if (item["id"], variant) in wordings:
                item.setdefault("text", {})[variant] = wordings[(item["id"], variant)].strip()
    return _save(session, definition, framework, actor, f"page {page_id}")


def import_yaml(session: Session, text: str, framework: Framework, actor: User,
                may_change: Callable[[SurveyFamily], bool]) -> LoadResult:
    """Check a YAML survey exactly as `surveys check` does and save it as a new version.

    An upload naming a survey that is already here changes it, so may_change must allow that.
    """
    try:
        raw = load_untrusted(text)
    except YAMLProblem as exc:
        raise DefinitionRejected([Problem("upload", f"The file cannot be read: {exc}.")]) from exc
    if isinstance(raw, dict):
        refuse_unless_allowed(session, raw.get("family"), may_change)
    return _save(session, raw, framework, actor, "imported from YAML")


NOT_YOURS = "That survey is the council's, so you cannot change it. Give your survey a new id."


def refuse_unless_allowed(session: Session, slug: Any, may_change: Callable[[SurveyFamily], bool]) -> None:
    """Raise NotAllowed when slug names a family already here that may_change does not allow."""
    family = session.scalar(select(SurveyFamily).where(SurveyFamily.slug == str(slug))) if slug else None
    if family is not None and not may_change(family):
        raise NotAllowed(NOT_YOURS)


def made_by_youth_council(actor: User | None) -> bool:
    """Say whether a family this actor makes is the youth council's own."""
    return actor is not None and actor.role == Role.YOUTH_COUNCIL


RESERVED = {"new", "import"}  # /workspace/surveys/new and /import are pages, not families
STALE = ("Version {number} was saved while you were editing, so nothing was saved. "
         "Check your changes against it and save again.")


def edit(session: Session, slug: str, base: int | None, change: Callable[[dict], str],
         framework: Framework, actor: User, dry_run: bool = False) -> LoadResult | None:
    """Apply one change to a copy of the newest version; save it as a new version if valid.

    base is the version the editor showed: if someone saved since, nothing is overwritten.
    With dry_run, only check (raising DefinitionRejected) and save nothing.
    """
    version = latest(session, slug)
    if base is not None and base != version.number:
        raise DefinitionRejected([Problem(f"{slug}.yaml", STALE.format(number=version.number))])
    definition = copy.deepcopy(version.definition)
    try:
        note = change(definition)
    except Missing as exc:
        raise NotFound("We could not find that page or question in the survey.") from exc
    if dry_run:
        _check(definition, framework)
        return None
    return _save(session, definition, framework, actor, note)


def create_family(session: Session, definition: dict[str, Any], framework: Framework,
                  actor: User) -> LoadResult:
    """Save a new family; refuse an id that another family already has."""
    slug = definition.get("family")
    if slug in RESERVED:
        reason = f"'{slug}' is kept for the editor's own pages; choose another id"
        raise DefinitionRejected([Problem(f"{slug}.yaml", reason)])
    if session.scalar(select(SurveyFamily.id).where(SurveyFamily.slug == slug)) is not None:
        raise DefinitionRejected([Problem(f"{slug}.yaml", f"there is already a survey with the id '{slug}'")])
    return _save(session, definition, framework, actor, "created in the editor")


def _check(definition: Any, framework: Framework) -> None:
    name = f"{definition.get('family', 'upload')}.yaml" if isinstance(definition, dict) else "upload"
    problems = validate(definition, name, framework)
    if problems:
        raise DefinitionRejected(problems)


def _save(session: Session, definition: Any, framework: Framework, actor: User, note: str) -> LoadResult:
    _check(definition, framework)
    begin_write(session)
    result = load_definition(session, definition, made_by_youth_council(actor))
    if result.change != "unchanged":
        audit.record(session, "survey_saved", actor, result.family, f"version {result.version}: {note}")
    session.commit()
    return result


def export_yaml(version: SurveyVersion) -> str:
    """Return a version's definition as YAML, ready to edit and import again."""
    return yaml.safe_dump(version.definition, allow_unicode=True, sort_keys=False, width=100)
