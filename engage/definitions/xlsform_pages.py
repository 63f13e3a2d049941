"""Pages from an XLSForm's groups: each group (and each group inside one) becomes a page,
opened when its first importable question arrives, so a group with none leaves no empty page."""
from dataclasses import dataclass, field

from engage.definitions.xlsform_choices import make_id
from engage.definitions.xlsform_items import Context
from engage.definitions.xlsform_read import Row, extra
from engage.definitions.xlsform_words import translated, wordings


@dataclass
class Group:
    """A group being read: its page title, translations, and whether it has a page yet."""

    name: str
    title: dict[str, str]
    translations: dict
    row: Row | None = None
    used: bool = False
    more: dict = field(default_factory=dict)
    intro: dict[str, str] = field(default_factory=dict)
    intro_translations: dict[str, dict[str, str]] = field(default_factory=dict)
    note_rows: list[Row] = field(default_factory=list)  # notes waiting for a page


@dataclass
class Walk:
    """Where the reading of the survey sheet has got to: pages made, groups and repeats open."""

    ctx: Context
    ungrouped: Group
    pages: list[dict] = field(default_factory=list)
    stack: list[Group] = field(default_factory=list)
    current: dict | None = None
    names: dict[str, int] = field(default_factory=dict)
    repeat: list[str] = field(default_factory=list)


def inside_repeat(walk: Walk, row: Row, kind: str) -> None:
    """Skip a row inside a repeat, keeping count of repeats inside repeats."""
    if kind == "begin repeat":
        walk.repeat.append(row.get("name"))
    elif kind == "end repeat":
        walk.repeat.pop()
        return
    walk.ctx.note(row, "skipped", f"it is inside the repeat '{walk.repeat[0]}', which is not supported")


def begin_group(walk: Walk, row: Row) -> None:
    """Open a group: its questions will start a new page."""
    name = row.get("name")
    title = wordings(row, "label", walk.ctx.languages, walk.ctx.variants, fill=False)
    if not title:
        words = (name or "questions").replace("_", " ").strip().capitalize()
        title = {v: words for v in walk.ctx.variants}
        walk.ctx.note(row, "changed", f"the group has no label, so its page is called '{words}'")
    if walk.stack:
        walk.ctx.note(row, "changed", f"a group inside the group '{walk.stack[-1].name}' became a page of its own")
    if row.get("relevant"):
        walk.ctx.note(row, "changed", "skip logic ('relevant') is not supported, so the page is shown to everyone")
    translations = {code: {"title": {v: text for v in title}}
                    for code, text in translated(row, "label", walk.ctx.languages).items()}
    walk.stack.append(Group(name or f"group_{row.number}", title, translations, row,
                             more=extra(row, walk.ctx.notes)))
    walk.current = None


def note(walk: Walk, row: Row) -> None:
    """Keep a note's words at the top of its page (engage shows no words between questions)."""
    words = wordings(row, "label", walk.ctx.languages, walk.ctx.variants, fill=True, paragraphs=True)
    if not words:
        walk.ctx.note(row, "skipped", "the note has no label in the main language")
        return
    translations = {code: dict.fromkeys(words, text)
                    for code, text in translated(row, "label", walk.ctx.languages, paragraphs=True).items()}
    if walk.current is None:  # no page yet: the group's first page will open with it
        group = walk.stack[-1] if walk.stack else walk.ungrouped
        group.note_rows.append(row)
        _add(group.intro, words)
        for code, text in translations.items():
            _add(group.intro_translations.setdefault(code, {}), text)
        return
    walk.ctx.note(row, "changed", "the note is shown at the top of its page, above the questions")
    _add(walk.current.setdefault("intro", {}), words)
    for code, text in translations.items():
        _add(walk.current.setdefault("translations", {}).setdefault(code, {}).setdefault("intro", {}), text)


def _add(intro: dict[str, str], words: dict[str, str]) -> None:
    for variant, text in words.items():
        intro[variant] = f"{intro[variant]}\n\n{text}" if intro.get(variant) else text


def _place_intro(page_dict: dict, groups: list[Group]) -> None:
    """Put the notes waiting in these groups (outermost first) on the page that opens."""
    for group in groups:
        if group.intro:
            _add(page_dict.setdefault("intro", {}), group.intro)
        for code, intro in group.intro_translations.items():
            _add(page_dict.setdefault("translations", {}).setdefault(code, {}).setdefault("intro", {}), intro)
        group.intro, group.intro_translations, group.note_rows = {}, {}, []


def _unplaced(walk: Walk, group: Group, why: str) -> None:
    for row in group.note_rows:
        walk.ctx.note(row, "skipped", why)
    group.intro, group.intro_translations, group.note_rows = {}, {}, []


def end_group(walk: Walk, row: Row) -> None:
    """Close the innermost group; questions after it start a new page."""
    if not walk.stack:
        walk.ctx.note(row, "skipped", "'end group' has no 'begin group' before it")
        return
    group = walk.stack.pop()
    _unplaced(walk, group, "no question follows the note in its group, so it has no page to be shown on")
    if not group.used:
        walk.ctx.note(group.row, "skipped", "no question in this group could be imported, so it has no page")
    walk.current = None


def end_of_form(walk: Walk) -> None:
    """Note each group the form never closed."""
    for group in [walk.ungrouped, *walk.stack]:
        _unplaced(walk, group, "no question follows the note, so it has no page to be shown on (engage shows "
                               "its own thank-you page at the end)")
    for group in reversed(walk.stack):
        walk.ctx.note(group.row, "changed", "the group has no 'end group'; it ends with the form")


def page(walk: Walk) -> dict:
    """Return the page being filled, opening one for the innermost group (or the form) if needed."""
    if walk.current is None:
        group = walk.stack[-1] if walk.stack else walk.ungrouped
        page_id, n = make_id(group.name, "page"), 2
        base = page_id
        while page_id in {p["id"] for p in walk.pages}:
            page_id, n = f"{base[:60]}_{n}", n + 1
        walk.current = {"id": page_id, "title": dict(group.title), "items": []}
        if group.translations:
            walk.current["translations"] = {code: dict(block) for code, block in group.translations.items()}
        _place_intro(walk.current, [walk.ungrouped, *walk.stack])
        walk.current.update({} if group.used else group.more)
        walk.pages.append(walk.current)
        group.used = True
    return walk.current
