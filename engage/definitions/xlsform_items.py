"""One XLSForm question row as an engage item, with a note for everything dropped or changed."""
import re
from dataclasses import dataclass, field

from engage.definitions.variants import CHOICE_TYPES, VARIANTS
from engage.definitions.xlsform_choices import Choice, make_id
from engage.definitions.xlsform_numbers import number_range
from engage.definitions.xlsform_read import Note, Row, extra
from engage.definitions.xlsform_types import Kind, override, question_kind, refine
from engage.definitions.xlsform_words import TAG, Languages, translated, wordings

DROPPED = {
    "required": "every engage question is optional, so 'required' was dropped",
    "relevant": "skip logic ('relevant') is not supported, so the question is shown to everyone",
    "constraint": "answer checks ('constraint') are not supported",
    "choice_filter": "cascading choices ('choice_filter') are not supported, so every option is shown",
    "default": "default answers are not supported",
    "read_only": "read-only questions are not supported; it can be answered",
    "calculation": "calculations are not supported",
    "trigger": "triggers are not supported",
    "appearance": "display options ('appearance') are not used",
    "guidance_hint": "guidance hints are not shown",
    "parameters": "question parameters are not used",
}
MEDIA = ("media::", "image", "audio", "video", "big-image")
# Columns read elsewhere, or that only explain a dropped column (its own note says enough).
READ = {"type", "name", "label", "hint", "value", "list_name", "required_message", "constraint_message",
        "jr:constraintmsg", "jr:requiredmsg"}
NOT_SET = {"no", "false", "false()", "0"}
REFERENCE = re.compile(r"\$\{[^}]*\}")
TRUE = {"yes", "true", "true()", "1"}


class Skip(Exception):
    """Leave this row out, for the reason given."""


@dataclass
class Context:
    """What every question row needs: the languages, the lists, the audiences and the default value."""

    languages: Languages
    lists: dict[str, list[Choice]]
    variants: tuple[str, ...]
    value: int | None
    notes: list[Note] = field(default_factory=list)
    item_ids: set[str] = field(default_factory=set)
    defaulted: int = 0

    def note(self, row: Row, outcome: str, reason: str) -> None:
        """Record what happened to a survey row."""
        self.notes.append(Note("survey", row.number, row.get("name"), outcome, reason))


def question(row: Row, ctx: Context) -> dict:
    """Return the item for a question row, or raise Skip with the reason."""
    kind = question_kind(row.get("type"))
    if kind.type is None:
        raise Skip(kind.reason)
    if kind.list_name and kind.list_name not in ctx.lists:
        raise Skip(f"the choice list '{kind.list_name}' is not on the choices sheet")
    variants = _variants(row, ctx)
    text = wordings(row, "label", ctx.languages, variants, fill=True)
    if not text:
        raise Skip("the question has no label in the main language")
    value = _value(row, ctx)
    item = {"id": _item_id(row, ctx), **_kind(row, kind, ctx), "value": value}
    item.update(_tags(row))
    if row.get("engage_variants"):
        item["variants"] = list(variants)
    item["text"] = text
    hint = wordings(row, "hint", ctx.languages, variants, fill=False)
    if hint:
        item["hint"] = hint
    _options(row, kind, item, ctx)
    _number(row, kind, item, ctx)
    _translations(row, item, variants, ctx)
    _dropped(row, kind, ctx)
    item.update(extra(row, ctx.notes))
    return item


def _variants(row: Row, ctx: Context) -> tuple[str, ...]:
    named = row.get("engage_variants").split()
    if not named:
        return ctx.variants
    unknown = [v for v in named if v not in ctx.variants]
    if unknown:
        ctx.note(row, "changed", f"engage_variants names {', '.join(unknown)}, which the survey does not have "
                                 f"(it has {', '.join(ctx.variants)}); left out")
    kept = tuple(v for v in VARIANTS if v in named and v in ctx.variants)
    if not kept:
        raise Skip("none of its engage_variants are audiences of this survey")
    return kept


def _item_id(row: Row, ctx: Context) -> str:
    name = row.get("name")
    item_id = make_id(name, "q")
    if not item_id:
        raise Skip("the question has no name")
    base, n = item_id, 2
    while item_id in ctx.item_ids:
        item_id, n = f"{base[:60]}_{n}", n + 1
    ctx.item_ids.add(item_id)
    if item_id != name:
        ctx.note(row, "changed", f"the id '{name}' became '{item_id}' (engage ids are lower-case "
                                 "letters, digits and _)")
    return item_id


def _kind(row: Row, kind: Kind, ctx: Context) -> dict:
    """Return type (and scale), from engage_type if given, else from the options."""
    choices = ctx.lists.get(kind.list_name, [])
    if row.get("engage_type"):
        chosen = override(row.get("engage_type"))
        if chosen and (chosen[0] not in CHOICE_TYPES or choices):
            return {"type": chosen[0], **({"scale": chosen[1]} if chosen[1] else {})}
        ctx.note(row, "changed", f"engage_type '{row.get('engage_type')}' does not fit this question, "
                                 "so it was ignored")
    engage_type, scale, why = refine(kind.type, [c.base_label() for c in choices])
    if why:
        ctx.note(row, "changed", why)
    return {"type": engage_type, **({"scale": scale} if scale else {})}


def _value(row: Row, ctx: Context) -> int:
    given = row.get("engage_value") or row.get("value")
    if given in {"1", "2", "3", "4", "5"}:
        return int(given)
    if ctx.value is None:
        raise Skip("it has no value tag (1 to 5): add an engage_value column or choose a value "
                   "for the whole survey")
    if given:
        ctx.note(row, "changed", f"the value tag '{given}' is not 1 to 5, so it was tagged {ctx.value}")
    else:
        ctx.defaulted += 1
    return ctx.value


def _tags(row: Row) -> dict:
    tags: dict = {}
    for key in ("subtheme", "indicator", "profile"):
        if row.get(f"engage_{key}"):
            tags[key] = row.get(f"engage_{key}")
    if row.get("engage_sensitive").lower() in TRUE:
        tags["sensitive"] = True
    return tags


def _options(row: Row, kind: Kind, item: dict, ctx: Context) -> None:
    if item["type"] not in CHOICE_TYPES:
        return
    if item.get("profile") == "school":
        item["options"] = []  # the app lists the consultation's schools
        return
    item["options"] = [c.option for c in ctx.lists[kind.list_name]]
    if kind.or_other and "other" not in {o["id"] for o in item["options"]}:
        item["options"].append({"id": "other", "label": "Other"})
        ctx.note(row, "changed", "'or_other' became an option 'Other' (in every language); its 'please say' box "
                                 "was dropped")


def _number(row: Row, kind: Kind, item: dict, ctx: Context) -> None:
    """Give a number question its decimals and range (from a constraint that is a plain range)."""
    if item["type"] != "number":
        return
    if kind.decimals:
        item["decimals"] = True
    bounds = number_range(row.get("constraint"), kind.decimals) if row.get("constraint") else None
    if bounds:
        item["min"], item["max"] = bounds
        if re.search(r"[<>](?!=)", row.get("constraint")):  # '> 0' became 'from 1': say so
            ctx.note(row, "changed", f"the constraint became the range {bounds[0]} to {bounds[1]}")


def _translations(row: Row, item: dict, variants: tuple[str, ...], ctx: Context) -> None:
    texts, hints = translated(row, "label", ctx.languages), translated(row, "hint", ctx.languages)
    choices = {c.option["id"]: c.translations for c in ctx.lists.get(question_kind(row.get("type")).list_name, [])}
    # As KoboToolbox does, the added "Other" is the same word in every language until translated.
    choices.setdefault("other", dict.fromkeys(ctx.languages.others.values(), "Other"))
    found = {}
    for code in ctx.languages.others.values():
        entry = {}
        if code in texts:
            entry["text"] = {v: texts[code] for v in variants}
        if code in hints and "hint" in item:
            entry["hint"] = {v: hints[code] for v in item["hint"]}
        options = {o["id"]: choices[o["id"]][code] for o in item.get("options", [])
                   if code in choices.get(o["id"], {})}
        if options:
            entry["options"] = options
        if entry:
            found[code] = entry
    if found:
        item["translations"] = found


def _dropped(row: Row, kind: Kind, ctx: Context) -> None:
    ranged = kind.type == "number" and number_range(row.get("constraint"), kind.decimals)
    for column, why in DROPPED.items():
        if column == "constraint" and ranged:
            continue
        if row.get(column) and row.get(column).lower() not in NOT_SET:
            ctx.note(row, "changed", why)
    if any(key.startswith(MEDIA) for key in row.cells):
        ctx.note(row, "changed", "pictures, audio and video are not shown")
    for column in _unknown(row):
        ctx.note(row, "changed", f"the column '{column}' means nothing to engage, so it was ignored")
    for column in ("label", "hint"):
        raw = ctx.languages.text(row, column)
        if REFERENCE.search(raw):
            ctx.note(row, "changed", f"the {column} refers to another answer "
                                     f"({REFERENCE.search(raw).group()}), which engage cannot fill in: "
                                     "edit the wording")
        if TAG.search(raw):
            ctx.note(row, "changed", f"formatting (HTML tags) was taken out of the {column}")


def _unknown(row: Row) -> list[str]:
    """Return the row's filled columns engage neither reads nor explains ('$kuid' is Kobo's own)."""
    return [key for key in row.cells
            if key.partition("::")[0] not in READ and key not in DROPPED and not key.startswith(("engage_", "$"))
            and not key.startswith(MEDIA)]
