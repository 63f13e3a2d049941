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


def end_group(walk: Walk, row: Row) -> None:
    """Close the innermost group; questions after it start a new page."""
    if not walk.stack:
        walk.ctx.note(row, "skipped", "'end group' has no 'begin group' before it")
        return
    group = walk.stack.pop()
    if not group.used:
        walk.ctx.note(group.row, "skipped", "no question in this group could be imported, so it has no page")
    walk.current = None


def end_of_form(walk: Walk) -> None:
    """Note each group the form never closed."""
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
            walk.current["translations"] = group.translations
        walk.current.update({} if group.used else group.more)
        walk.pages.append(walk.current)
        group.used = True
    return walk.current
