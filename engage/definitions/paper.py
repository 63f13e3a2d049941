"""A question as printed on a paper form: number, wording, numbered options, how many picks."""
import re
from dataclasses import dataclass

from engage.definitions.choices import choices_for
from engage.definitions.survey import Item
from engage.definitions.variants import TOP_CHOICES

# What may separate the option numbers typed in from a paper form.
NUMBERS = re.compile(r"[\s,;/]+")


@dataclass(frozen=True)
class PaperQuestion:
    """One question as printed: its number, wording, and numbered options (stored values)."""

    number: int
    item: Item
    label: str
    hint: str | None
    options: list[tuple[str, str]]  # (stored value, label), numbered 1.. on paper
    picks: int  # how many options may be picked: 1, several, or places to rank

    @property
    def kind(self) -> str:
        """Say how it is answered: text, number, date, one, many or rank."""
        if self.item.type in ("text", "number", "date"):
            return self.item.type
        if self.item.type == "ballot" and self.item.rank:
            return "rank"
        return "many" if self.item.type in ("multi", "top3") else "one"


def paper_question(number: int, item: Item, variant: str, copy: dict) -> PaperQuestion:
    """Return one item as printed for a variant, numbered."""
    options = [(c.value, c.label) for c in choices_for(item, variant, copy, [])]
    picks = {"multi": len(options), "top3": TOP_CHOICES}.get(item.type, item.rank or 1)
    return PaperQuestion(number, item, item.text[variant], item.hint.get(variant), options, picks)
