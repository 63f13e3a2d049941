"""Import an XLSForm (ODK, KoboToolbox) as an engage survey definition, saying row by row what
was skipped or changed.

Groups become pages (a group inside a group becomes a page of its own); the questions engage
can ask become items; everything else is left out with a plain reason. The caller validates the
result exactly as `surveys check` does before saving it.
"""
import re
from dataclasses import dataclass
from pathlib import PurePath

from engage.definitions.variants import VARIANTS
from engage.definitions.xlsform_choices import read_lists
from engage.definitions.xlsform_items import Context, Skip, question
from engage.definitions.xlsform_languages import drop_incomplete
from engage.definitions.xlsform_pages import (
    Group,
    Walk,
    begin_group,
    end_group,
    end_of_form,
    inside_repeat,
    note,
    page,
)
from engage.definitions.xlsform_read import Note, Row, XLSFormError, extra, read_workbook
from engage.definitions.xlsform_words import Languages, find_languages
from engage.words import how_many

RESERVED = {"new", "import", "import-xlsform"}  # workspace pages under /workspace/surveys/, not families
DEFAULT_VARIANTS = ("parent", "professional")  # no reading-age limit: any real form's words pass


@dataclass(frozen=True)
class ImportOptions:
    """What the person importing chose: family id, audiences and a default value tag."""

    family: str | None = None
    variants: tuple[str, ...] = ()
    value: int | None = None
    filename: str = "form.xlsx"


@dataclass
class Imported:
    """The definition made from the form, and a note for every row skipped or changed."""

    definition: dict
    notes: list[Note]

    def count(self, outcome: str) -> int:
        """Return how many rows had this outcome ('skipped' or 'changed')."""
        return len({(n.sheet, n.row, n.name) for n in self.notes if n.outcome == outcome})

    def summary(self) -> str:
        """Say in one line what was imported."""
        pages = self.definition["pages"]
        items = sum(len(p["items"]) for p in pages)
        return (f"{how_many(items, 'question')} on {how_many(len(pages), 'page')}; "
                f"{how_many(self.count('skipped'), 'row')} skipped, {self.count('changed')} changed.")


def import_xlsform(data: bytes, options: ImportOptions) -> Imported:
    """Read an XLSForm workbook and return an engage definition with the import notes."""
    sheets = read_workbook(data)
    settings = sheets["settings"][0] if sheets["settings"] else Row("settings", 2)
    notes: list[Note] = []
    variants = _family_variants(options, settings, notes)
    languages = find_languages(sheets["survey"] + sheets["choices"], settings.get("default_language"))
    lists, list_notes = read_lists(sheets["choices"], languages, variants)
    ctx = Context(languages, lists, variants, options.value)
    family = _family_id(options, settings, notes)
    title = settings.get("form_title") or family
    # XLSForm cannot translate form_title, so the page of ungrouped questions keeps it in every language.
    same_title = {code: {"title": dict.fromkeys(variants, title)} for code in languages.others.values()}
    walk = Walk(ctx, Group(family.replace("-", "_"), dict.fromkeys(variants, title), same_title))
    for row in sheets["survey"]:
        _row(walk, row)
    end_of_form(walk)
    if ctx.defaulted:
        were = "it was" if ctx.defaulted == 1 else "they were"
        ctx.notes.append(Note("survey", None, "", "changed", f"{how_many(ctx.defaulted, 'question')} had no "
                              f"engage_value column, so {were} tagged to value {options.value} as asked"))
    notes = languages.notes + notes + list_notes + ctx.notes
    if not walk.pages:
        raise XLSFormError("None of the questions in this form could be imported.", _in_order(notes))
    definition = _definition(family, title, settings, options, variants, languages, walk.pages)
    definition.update(extra(settings, notes))
    return Imported(definition, _in_order(notes + drop_incomplete(definition)))


def _in_order(notes: list[Note]) -> list[Note]:
    """Sort notes as the workbook reads: settings, survey, choices; top to bottom."""
    sheets = {"settings": 0, "survey": 1, "choices": 2}
    return sorted(notes, key=lambda n: (sheets.get(n.sheet, 3), n.row or 0))


def _family_variants(options: ImportOptions, settings: Row, notes: list[Note]) -> tuple[str, ...]:
    named = list(options.variants) or settings.get("engage_variants").split()
    unknown = [v for v in named if v not in VARIANTS]
    if unknown:
        notes.append(Note("settings", settings.number, "engage_variants", "changed",
                          f"{', '.join(unknown)} is not an audience ({', '.join(VARIANTS)}); left out"))
    kept = tuple(v for v in VARIANTS if v in named)
    return kept or DEFAULT_VARIANTS


def _family_id(options: ImportOptions, settings: Row, notes: list[Note]) -> str:
    given = options.family or settings.get("form_id") or PurePath(options.filename).stem
    family = re.sub(r"-+", "-", re.sub(r"[^a-z0-9]+", "-", given.lower())).strip("-")[:79]
    family = family if len(family) > 1 else "imported-form"
    family = f"{family}-survey" if family in RESERVED else family
    if family != given:
        notes.append(Note("settings", settings.number if not options.family else None, "form_id", "changed",
                          f"the survey id '{given}' became '{family}' (lower-case letters, digits and dashes)"))
    return family


def _definition(family: str, title: str, settings: Row, options: ImportOptions, variants: tuple[str, ...],
                languages: Languages, pages: list[dict]) -> dict:
    definition = {"family": family, "title": title,
                  "description": settings.get("engage_description")
                  or f"Imported from the XLSForm {PurePath(options.filename).name}.",
                  "variants": list(variants)}
    if languages.codes():
        definition["languages"] = languages.codes()
    definition["pages"] = pages
    return definition


def _kind_of_row(row: Row) -> str:
    return " ".join(row.get("type").lower().replace("_", " ").split())


def _row(walk: Walk, row: Row) -> None:
    kind = _kind_of_row(row)
    if walk.repeat:
        inside_repeat(walk, row, kind)
    elif kind == "begin group":
        begin_group(walk, row)
    elif kind == "end group":
        end_group(walk, row)
    elif kind == "note":
        note(walk, row)
    elif kind == "begin repeat":
        walk.repeat.append(row.get("name"))
        walk.ctx.note(row, "skipped", "repeats are not supported: engage asks each question once, so the "
                                      "questions inside it are skipped too")
    elif kind == "end repeat":
        walk.ctx.note(row, "skipped", "'end repeat' has no 'begin repeat' before it")
    elif not kind:
        walk.ctx.note(row, "skipped", "the row has no type")
    else:
        _question(walk, row)


def _question(walk: Walk, row: Row) -> None:
    name = row.get("name")
    if name and name in walk.names:
        walk.ctx.note(row, "skipped", f"the name '{name}' is already used on row {walk.names[name]}")
        return
    walk.names[name] = row.number
    try:
        item = question(row, walk.ctx)
    except Skip as why:
        walk.ctx.note(row, "skipped", str(why))
        return
    page(walk)["items"].append(item)


