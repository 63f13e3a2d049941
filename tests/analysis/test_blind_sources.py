"""No page a blind set paraphrases is also paraphrased in what the screen or the tagger learns from.

Blind sets and training data are often written on the same day by different people; two of them
finding the same page would let the model see the blind set's wording second-hand.
"""
import re
from pathlib import Path

from engage.analysis import corpus
from engage.analysis.evaluation.screen import BLIND_SETS as SCREEN_BLIND_SETS
from engage.analysis.screen import corpus as screen_corpus

ADDRESS = re.compile(r"https?://[^\s\"|)\]]+")


def _page(address: str) -> str:
    """Say an address the same way however it was written (scheme, www, trailing slash or stop)."""
    page = re.sub(r"^https?://(www\.)?", "", address.rstrip(".,;"))
    return page.rstrip("/").lower()


def _pages(paths: list[Path]) -> dict[str, Path]:
    found = {}
    for path in paths:
        for address in ADDRESS.findall(path.read_text(encoding="utf-8")):
            found.setdefault(_page(address), path)
    return found


def _shared(blind: list[Path], learned: list[Path]) -> list[str]:
    learned_pages = _pages(learned)
    return sorted(f"{page} ({path.name} and {learned_pages[page].name})"
                  for page, path in _pages(blind).items() if page in learned_pages)


def test_the_screen_learns_from_no_page_its_blind_sets_use():
    learned = [*screen_corpus.corpus_files(), *screen_corpus.TEAM_SETS]
    blind = [screen_corpus.DATA / "blind" / name for name in SCREEN_BLIND_SETS]
    assert _shared(blind, learned) == []


def test_the_tagger_learns_from_no_page_its_blind_sets_use():
    # The tagger learns from the cited corpus and from the screen's disclosures.
    learned = [*sorted(corpus.CORPUS_DIR.glob("g*.txt")), *screen_corpus.corpus_files()]
    assert _shared(corpus.blind_files(), learned) == []


def test_a_page_is_the_same_page_however_its_address_is_written():
    assert _page("https://www.example.org/a/b/") == _page("http://example.org/a/b.") == "example.org/a/b"
    assert _page("https://example.org/a/b") != _page("https://example.org/a/c")
