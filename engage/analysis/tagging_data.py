"""What the value tagger learns from, and the fingerprint of everything a trained tagger depends on.

Three kinds of example, all shipped with the code (never the blind sets):
- the framework's own sentences and the team's older labelled comments (data/*.jsonl);
- the source-grouped corpus of cited, paraphrased comments (data/corpus/);
- the safeguarding screen's cited disclosures told in children's words (data/screen/), labelled
  by their category's value ("my dad hits me" is about being safe, self-harm about health).
  The tagger rarely meets such wording elsewhere, so without them a disclosure naming a parent
  read as parenting (value 4) and reached its safeguarding value only just.
"""

from __future__ import annotations

import json
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"
SHIPPED = ("framework_seed.jsonl", "comments_train.jsonl")
Example = tuple[str, int, str | None]


def read_jsonl(name: str) -> list[dict]:
    """Read one of the shipped JSONL data files."""
    with open(DATA_DIR / name, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def shipped_examples() -> list[Example]:
    """Return the framework seed sentences and the labelled training comments."""
    rows = [row for name in SHIPPED for row in read_jsonl(name)]
    return [(row["text"], int(row["value"]), row.get("subtheme")) for row in rows]


def corpus_examples() -> list[Example]:
    """Return the source-grouped corpus comments (never the blind sets) by primary value."""
    from engage.analysis import corpus

    return [(c.text, c.value, c.subtheme) for c in corpus.comments()]


def disclosure_examples() -> list[Example]:
    """Return the screen's cited "immediate" disclosures, tagged by their category's value.

    Only direct disclosures: the screen's "concern" texts are often about something else
    (money, waiting for a service), and teaching the tagger those as value 1 cost comments.
    """
    from engage.analysis.disclosure import CATEGORY_TAGS
    from engage.analysis.screen.corpus import corpus_files

    rows = [json.loads(line) for path in corpus_files()
            for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [(row["text"], *CATEGORY_TAGS[row["category"]]) for row in rows
            if row["flag"] and row["severity"] == "immediate" and row["category"] in CATEGORY_TAGS]


def model_key() -> str:
    """Fingerprint the tagger's data, its code and scikit-learn's version."""
    from importlib.metadata import version

    from engage.analysis import model_cache
    from engage.analysis.screen.corpus import corpus_files

    here = Path(__file__).parent
    code = [here / name for name in ("tagging.py", "tagging_data.py", "lexicon.py", "boundary.py",
                                     "text.py", "corpus.py", "disclosure.py", "tagger_spelling.py",
                                     "screen/spelling.py")]
    data = [*(DATA_DIR / name for name in SHIPPED), *sorted((DATA_DIR / "corpus").glob("g*.txt")),
            *corpus_files()]
    return model_cache.fingerprint([*data, *code], extra=f"scikit-learn {version('scikit-learn')}")
