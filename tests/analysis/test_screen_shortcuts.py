"""The screen's shortcuts (rules skipped, searches skipped, words left alone) change no verdict."""

import math

import pytest

from engage.analysis import match_starts
from engage.analysis.screen import default_screener, model, rules
from engage.analysis.screen.corpus import all_rows
from engage.analysis.screen.facts import Facts, sentences
from engage.analysis.screen.screener import _QUIET_CONCEPTS, has_trigger
from engage.analysis.screen.spelling import _ME_POSSESSIVE, _MY_SELF, _WORD, clean, correct
from engage.analysis.text import normalise
from tests.analysis.test_first_chars import CORPUS


@pytest.fixture(scope="module")
def norms() -> list[str]:
    texts = [row["text"] for row in all_rows()]
    return [clean(text) for text in texts if text.strip()] + CORPUS


def test_every_rule_says_what_it_needs():
    assert all(hasattr(rule, "needs") for rule in rules.RULES)


def test_skipping_rules_that_cannot_fire_changes_no_verdict(norms):
    fired = 0
    for norm in norms:
        for clause in sentences(norm):
            gated = rules.hits(Facts(clause, norm))
            assert gated == rules.hits_ungated(Facts(clause, norm)), clause
            fired += bool(gated)
    assert fired > 1000


def test_a_rule_skipped_for_want_of_its_concepts_is_skipped():
    facts = Facts("i love football at the weekend", "i love football at the weekend")
    bits, words = rules.suicidal.needs
    assert not facts.could_hold(bits, words)
    assert facts.could_hold(*rules.physical.needs) is False
    hurt = Facts("my dad hits me", "my dad hits me")
    assert hurt.could_hold(*rules.physical.needs)


def test_concept_searches_are_skipped_only_when_the_score_stays_below_check(norms):
    screener = default_screener()
    skipped = 0
    for norm in norms:
        triggered = has_trigger(norm)
        full = model.features(norm) if triggered else model.features(norm, _QUIET_CONCEPTS)
        probability = screener.flag_model.probability(full)
        scored = screener._scored(norm, triggered)
        if scored is None:
            skipped += 1
            assert probability < screener.check, norm
            continue
        feats, score = scored
        assert sorted(feats) == sorted(full), norm
        assert math.isclose(score, probability, rel_tol=1e-12, abs_tol=1e-15), norm
    assert skipped > len(norms) / 4


def test_the_bound_holds_over_every_choice_of_optional_features():
    scorer = model.LinearScorer({"a": 3.0, "b": -2.0, "k:X": 5.0, "k:Y": -4.0, "k:Z": 0.5}, -1.0)
    optional = ["k:X", "k:Y", "k:Z"]
    for words in (["a"], ["b"], ["a", "b"], ["b", "b2", "b3"]):
        total = scorer.total(words)
        highest = max(scorer.probability([*words, *chosen]) for chosen in _subsets(optional))
        for threshold in (highest - 1e-6, highest + 1e-6):
            below = scorer.surely_below(total, len(words), optional, threshold)
            assert not below or highest < threshold


def _subsets(items):
    return [[item for i, item in enumerate(items) if mask >> i & 1] for mask in range(2 ** len(items))]


def test_words_left_alone_are_exactly_what_correction_would_leave(norms):
    for norm in norms[:3000]:
        text = norm.upper()
        full = _ME_POSSESSIVE.sub("my ", _MY_SELF.sub("myself", _WORD.sub(
            lambda m: correct(m.group(0)), normalise(text))))
        assert clean(text) == full, text


def test_remembered_windows_give_the_same_mask(norms):
    match_starts.starts.cache_clear()
    match_starts._INDEX.window_masks.clear()
    first = [match_starts.possible(norm) for norm in norms[:2000]]
    match_starts.starts.cache_clear()
    again = [match_starts.possible(norm) for norm in norms[:2000]]
    bits, lengths = match_starts._INDEX.bits, match_starts._INDEX.lengths
    plain = []
    for norm in norms[:2000]:
        mask = match_starts.EVERYWHERE
        for window in match_starts._INDEX.windows.findall(norm):
            for length in lengths:
                mask |= bits.get(window[:length], 0)
        plain.append(mask)
    assert first == again == plain


def test_a_text_with_nothing_to_rewrite_is_only_lowered():
    from engage.analysis.text import _QUOTES, _WORD_RE, _fix_word

    texts = [*CORPUS[:2000], "SOOOO BORED", "I dont know u", "cooool", "it\u2019s fine"]
    for text in texts:
        assert normalise(text.upper()) == _WORD_RE.sub(_fix_word, text.upper().translate(_QUOTES).lower())


def test_remembered_word_weights_are_the_weights():
    scorer = default_screener().flag_model
    literal, weighed = model.weighed_words(clean("my dad hits me when he is drunk"), scorer)
    assert set(weighed) == set(model.word_features(clean("my dad hits me when he is drunk"))[1])
    assert all(weight == scorer.weights.get(name, 0.0) for name, weight in weighed.items())
