"""The labelled comment corpus: paraphrased comments grouped by the published source they echo.

Each file in data/corpus/ holds one source group: `# id:`, `# title:` and `# source:` header
lines, then one comment a line as `audience|values|sub-theme|text`, values primary first
(e.g. `5,2`) and `-` when no sub-theme fits. Grouping by source lets the evaluation hold out
whole sources, so a blind score measures wording the model has never seen.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

CORPUS_DIR = Path(__file__).parent / "data" / "corpus"
AUDIENCES = {"pri": "primary", "sec": "secondary", "p16": "post16", "par": "parent",
             "pro": "professional", "plan": "plan"}
YOUNG = frozenset({"primary", "secondary", "post16"})


class CorpusError(ValueError):
    """A corpus line that breaks the format."""


@dataclass(frozen=True)
class Comment:
    """One labelled comment and the source group it was paraphrased from."""

    text: str
    values: tuple[int, ...]
    subtheme: str | None
    audience: str
    group: str

    @property
    def value(self) -> int:
        """Return the primary value."""
        return self.values[0]


@dataclass(frozen=True)
class SourceGroup:
    """One source group: its id, title, cited addresses and comments."""

    id: str
    title: str
    sources: tuple[str, ...]
    comments: tuple[Comment, ...]


def parse_line(line: str, group: str) -> Comment:
    """Parse `audience|values|sub-theme|text`, checking every field."""
    parts = line.split("|", 3)
    if len(parts) != 4:
        raise CorpusError(f"{group}: expected four fields in {line!r}")
    audience, values_field, subtheme, text = (part.strip() for part in parts)
    if audience not in AUDIENCES:
        raise CorpusError(f"{group}: unknown audience {audience!r}")
    values = tuple(int(v) for v in values_field.split(","))
    if not values or any(v not in range(1, 6) for v in values) or len(set(values)) != len(values):
        raise CorpusError(f"{group}: bad values {values_field!r}")
    if subtheme != "-" and not subtheme.startswith(str(values[0])):
        raise CorpusError(f"{group}: sub-theme {subtheme} is not under value {values[0]}")
    return Comment(text, values, None if subtheme == "-" else subtheme, AUDIENCES[audience], group)


def read_group(path: Path) -> SourceGroup:
    """Read one source group file."""
    header: dict[str, list[str]] = {}
    comments = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            key, _, value = line[1:].partition(":")
            header.setdefault(key.strip(), []).append(value.strip())
        elif line.strip():
            comments.append(parse_line(line, header["id"][0]))
    return SourceGroup(header["id"][0], header["title"][0], tuple(header.get("source", ())),
                       tuple(comments))


@lru_cache(maxsize=1)
def groups() -> tuple[SourceGroup, ...]:
    """Return every source group, in file order."""
    return tuple(read_group(path) for path in sorted(CORPUS_DIR.glob("g*.txt")))


def comments(group_ids: frozenset[str] | None = None) -> list[Comment]:
    """Return the comments of the given groups (all groups when None)."""
    return [c for g in groups() if group_ids is None or g.id in group_ids for c in g.comments]


BLIND_DIR = Path(__file__).parent / "data" / "blind"
MANIFEST = BLIND_DIR / "FROZEN.sha256"
# Whole source groups the model never trains on. Older sets were retired into the corpus once
# their first runs were reported and fresher sets carried the blind measurement (their files gained
# a leading "g" so that `groups` reads them); the plan set stays blind.
BLIND_SETS = {
    "plan": "the council's own plan measures and commitments not in the framework seed",
    "mixed_k": "SEND waits, parenting courses, childcare, care leavers, mould, bus fares, vaping (55% young people)",
    "mixed_l": "family hubs, food banks, hostels, short breaks, school meals, PE kit, turning 18 (54% young people)",
    "mixed_m": "youth councils, young carers, skate parks, CAMHS waits, bullying, EHCPs (67% young people)",
    "mixed_n": "Healthwatch, online harm, young carers, foster carers, ADHD waits, vaping, hunger (49% young people)",
    "mixed_o": "exclusions, sex education, knife crime, libraries, asylum, LGBTQ+, school buses (59% young people)",
    "mixed_p": "young carers' breaks, uniform, baby banks, vaping, deaf pupils, rural buses (59% young people)",
    "mixed_q": "stop and search, online safety, Travellers, care leavers, play streets, term fines (62% young people)",
    "mixed_r": "school loos, music fees, free buses, youth councils, eating disorder waits (58% young people)",
    "mixed_s": "road safety, knife fears, kinship care, swim prices, asylum ages, exclusions (63% young people)",
    "mixed_t": "dentists, school anxiety, holiday clubs, phone bans, climate worry, respite (60% young people)",
    "mixed_u": "gambling, grief, disabled siblings, long Covid, youth theatre, hot classrooms (56% young people)",
}


@lru_cache(maxsize=1)
def blind_groups() -> dict[str, tuple[SourceGroup, ...]]:
    """Return the frozen blind source groups, by blind set name."""
    return {name: tuple(read_group(p) for p in sorted((BLIND_DIR / name).glob("*.txt")))
            for name in BLIND_SETS}


def blind_set(name: str) -> list[Comment]:
    """Return the comments of one blind set."""
    return [c for g in blind_groups()[name] for c in g.comments]


SCREEN_LABELS_DIR = BLIND_DIR / "screen_labels"


def blind_files() -> list[Path]:
    """Return every frozen blind file, in a stable order.

    A tagging set's safeguarding labels (one JSON row per comment, in `screen_labels/`) are
    frozen with it, so they are hashed like its comment files.
    """
    return sorted([*BLIND_DIR.glob("*/*.txt"), *SCREEN_LABELS_DIR.glob("*.jsonl")])
