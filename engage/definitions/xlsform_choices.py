"""The choices sheet of an XLSForm as engage options, list by list."""
import re
from dataclasses import dataclass, field

from engage.definitions.xlsform_read import Note, Row, extra
from engage.definitions.xlsform_words import Languages, translated, wordings

NOT_ID = re.compile(r"[^a-z0-9_]+")
READ = {"list_name", "list name", "name", "label", "media", "image", "audio", "video", "big-image"}


def make_id(name: str, prefix: str, digits: bool = False) -> str:
    """Turn an XLSForm name into an engage id: lower-case letters, digits and _."""
    text = re.sub(r"_+", "_", NOT_ID.sub("_", name.strip().lower())).strip("_")
    if not text or (digits and text.isdigit()):
        return text
    return (text if text[0].isalpha() else f"{prefix}_{text}")[:64]


@dataclass
class Choice:
    """One option: its engage form, the row it came from, and its translations."""

    row: Row
    option: dict
    translations: dict[str, str] = field(default_factory=dict)

    def base_label(self) -> str:
        """Return one wording of the label, for recognising yes/no and scale lists."""
        label = self.option["label"]
        return label if isinstance(label, str) else next(iter(label.values()), "")


def read_lists(rows: list[Row], languages: Languages, variants: tuple[str, ...]
               ) -> tuple[dict[str, list[Choice]], list[Note]]:
    """Return the choice lists by name, and a note for each option that was skipped or renamed."""
    lists: dict[str, list[Choice]] = {}
    notes: list[Note] = []
    for row in rows:
        list_name, name = row.get("list_name") or row.get("list name"), row.get("name")
        if not list_name:
            notes.append(Note("choices", row.number, name, "skipped", "the row has no list_name"))
            continue
        choice, why = _choice(row, name, lists.setdefault(list_name, []), languages, variants)
        if choice is None:
            notes.append(Note("choices", row.number, name, "skipped", why))
            continue
        if why:
            notes.append(Note("choices", row.number, name, "changed", why))
        notes += [Note("choices", row.number, name, "changed", f"the column '{column}' is not used (engage shows "
                       "every option, so filters for cascading choices do nothing)") for column in _unknown(row)]
        choice.option.update(extra(row, notes))
        lists[list_name].append(choice)
    return lists, notes


def _choice(row: Row, name: str, siblings: list[Choice], languages: Languages,
            variants: tuple[str, ...]) -> tuple[Choice | None, str]:
    option_id = make_id(name, "option", digits=True)
    label = wordings(row, "label", languages, variants, fill=False)
    if not option_id:
        return None, "the option has no name"
    if not label:
        return None, f"the option has no label in the main language in list '{row.get('list_name')}'"
    if option_id in {c.option["id"] for c in siblings}:
        return None, f"the list '{row.get('list_name')}' already has an option '{option_id}'"
    values = set(label.values())
    own = any(row.get(f"engage_label_{v}") for v in variants)
    shaped = label if own or len(values) > 1 else values.pop()
    why = f"the id '{name}' became '{option_id}'" if option_id != name else ""
    return Choice(row, {"id": option_id, "label": shaped}, translated(row, "label", languages)), why


def _unknown(row: Row) -> list[str]:
    return [key for key in row.cells if key.partition("::")[0] not in READ and not key.startswith(("engage_", "$"))]
