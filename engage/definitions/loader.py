"""Read survey files, check them, and load them into the database as versions."""
import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import select
from sqlalchemy.orm import Session

from engage.definitions.copy import check_copy
from engage.definitions.problems import DefinitionError, Problem
from engage.definitions.readability import check_wording
from engage.definitions.validate import validate
from engage.framework import Framework, load_framework
from engage.models import SurveyFamily, SurveyItem, SurveyVersion

NOT_SURVEYS = {"framework.yaml", "copy.yaml"}


@dataclass(frozen=True)
class LoadResult:
    """What loading one family did: created, a new version, or unchanged."""

    family: str
    version: int
    change: str


def survey_files(directory: Path) -> list[Path]:
    """Return the survey family files in a directory, in a stable order."""
    return sorted(p for p in directory.glob("*.yaml") if p.name not in NOT_SURVEYS)


def _parse(path: Path) -> tuple[object, list[Problem]]:
    """Read one file's YAML, or say why it cannot be read."""
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8")), []
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        return None, [Problem(path.name, f"not valid YAML: {exc}")]


def read_definition(path: Path, framework: Framework) -> tuple[dict | None, list[Problem]]:
    """Parse and validate one file, returning the definition and its problems."""
    raw, problems = _parse(path)
    if problems:
        return None, problems
    problems = validate(raw, path.name, framework)
    return (raw if not problems else None), problems


def check_directory(directory: Path) -> list[Problem]:
    """Validate every survey file, the framework and the respondent copy."""
    return list(_check_unchanged(directory, _fingerprint(directory)))


def _fingerprint(directory: Path) -> tuple:
    """Name, size and modification time of every file the check reads."""
    return tuple((p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in sorted(directory.glob("*.yaml")))


# Checking is pure in the files' contents, so unchanged files are not checked twice.
@lru_cache(maxsize=16)
def _check_unchanged(directory: Path, _fingerprint: tuple) -> tuple[Problem, ...]:
    return tuple(_check(directory))


def _check(directory: Path) -> list[Problem]:
    try:
        framework = load_framework(str(directory / "framework.yaml"))
    except (OSError, yaml.YAMLError, KeyError, TypeError, ValueError) as exc:
        return [Problem("framework.yaml", f"cannot read the framework: {exc}")]
    problems = check_copy(directory / "copy.yaml") + _framework_titles(framework)
    families: dict[str, str] = {}
    for path in survey_files(directory):
        raw, found = read_definition(path, framework)
        problems += found
        if raw is not None:
            if raw["family"] in families:
                problems.append(Problem(path.name, f"family '{raw['family']}' is also in {families[raw['family']]}"))
            families[raw["family"]] = path.name
    return problems


def _framework_titles(framework: Framework) -> list[Problem]:
    problems = []
    for value in framework.values:
        for theme_id, titles in [(str(value.id), value.child_title)] + [
            (s.id, s.child_title) for s in value.subthemes
        ]:
            for variant, words in titles.items():
                reason = check_wording(words, variant)
                if reason:
                    problems.append(Problem("framework.yaml", reason, f"theme {theme_id}", variant))
    for group in framework.priority_groups:  # what a child reads about a group they may belong to
        for variant, words in (group.get("child_label") or {}).items():
            reason = check_wording(str(words), variant)
            if reason:
                problems.append(Problem("framework.yaml", reason, f"priority group {group.get('id')}", variant))
    return problems


def checksum(definition: dict[str, Any]) -> str:
    """Fingerprint a definition independent of YAML layout and key order."""
    canonical = json.dumps(definition, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def load_directory(session: Session, directory: Path) -> list[LoadResult]:
    """Load every valid family; refuse to load anything if any file has problems."""
    problems = check_directory(directory)
    if problems:
        raise DefinitionError(problems)
    # check_directory has validated every file just now: parse, do not validate again.
    results = [load_definition(session, _parse(path)[0]) for path in survey_files(directory)]
    session.commit()
    return results


def load_definition(session: Session, raw: dict[str, Any], made_by_youth_council: bool = False) -> LoadResult:
    """Store a definition as a new version unless the latest version is identical.

    made_by_youth_council marks a family this makes; a family already here keeps its maker.
    """
    family = session.scalar(select(SurveyFamily).where(SurveyFamily.slug == raw["family"]))
    if family is None:
        family = SurveyFamily(slug=raw["family"], title=raw["title"], made_by_youth_council=made_by_youth_council)
        session.add(family)
        session.flush()
    family.title = raw["title"]
    digest = checksum(raw)
    latest = latest_version(session, family.id)
    if latest is not None and latest.checksum == digest:
        return LoadResult(family.slug, latest.number, "unchanged")
    number = latest.number + 1 if latest else 1
    version = SurveyVersion(family_id=family.id, number=number, checksum=digest, definition=raw)
    session.add(version)
    session.flush()
    _add_items(session, version, raw)
    return LoadResult(family.slug, number, "created" if number == 1 else "new version")


def latest_version(session: Session, family_id: int) -> SurveyVersion | None:
    """Return the newest version of a family."""
    return session.scalar(
        select(SurveyVersion)
        .where(SurveyVersion.family_id == family_id)
        .order_by(SurveyVersion.number.desc())
        .limit(1)
    )


def _add_items(session: Session, version: SurveyVersion, raw: dict[str, Any]) -> None:
    items = [item for page in raw["pages"] for item in page["items"]]
    for position, item in enumerate(items, start=1):
        session.add(SurveyItem(
            version_id=version.id,
            key=item["id"],
            position=position,
            type=item["type"],
            value_id=int(item["value"]),
            subtheme_id=str(item["subtheme"]) if item.get("subtheme") is not None else None,
            indicator=item.get("indicator"),
        ))
