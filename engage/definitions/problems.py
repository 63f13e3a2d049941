"""A problem found in a definition, said in plain words with where it is."""
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One failure: the file, the item (or page), the variant and the reason."""

    file: str
    reason: str
    item: str | None = None
    variant: str | None = None

    def __str__(self) -> str:
        where = [self.file]
        if self.item:
            where.append(f"item {self.item}")
        if self.variant:
            where.append(f"variant {self.variant}")
        return f"{': '.join(where)}: {self.reason}"

    def in_editor(self) -> str:
        """Say the problem without the file name, which means nothing to someone using the editor."""
        where = ", ".join(filter(None, (self.item, self.variant)))
        return f"{where}: {self.reason}" if where else self.reason


class DefinitionError(Exception):
    """A definition that cannot be used, with every problem found in it."""

    def __init__(self, problems: list[Problem]):
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems
