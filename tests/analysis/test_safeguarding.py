"""Behaviour of the safeguarding screen: recall first, but ordinary talk must pass."""

import pytest

from engage.analysis.evaluate import TARGETS, score_screen
from engage.analysis.safeguarding import CATEGORIES, Screening, screen

HARD_NEGATIVES = [
    "PE kills me",
    "this homework is killing me",
    "we learnt about abuse in PSHE",
    "there should be more help for people who self-harm",
    "my brother hits me at fifa",
    "I'm dying to go to the new skatepark",
    "CAMHS waiting lists for self-harm referrals are too long",
    "nobody hurts me",
    "my mum would go mad if i got a detention, she'd kill me",
    "the school nurse helped me when i hurt my knee at football",
    "we watched a video about grooming in assembly",
    "i ran away from my little brother when we played it",
    "my parents argue about what to have for tea",
    "",
    "   ",
]


@pytest.mark.parametrize("text", HARD_NEGATIVES)
def test_ordinary_talk_is_not_flagged(text):
    assert screen(text) == Screening(False, "none", None, ())


@pytest.mark.parametrize(("text", "category"), [
    ("my step dad hits me with his belt", "physical_abuse"),
    ("my uncle touches me in my privates", "sexual_abuse"),
    ("i want to kill myself", "suicidal_thoughts"),
    ("i have a plan to end my life this week", "suicidal_thoughts"),
    ("some older boys make me carry bags to other areas", "exploitation"),
    ("im going to run away tonight", "going_missing"),
    ("a teacher at my school touched my leg and said it was our secret", "position_of_trust"),
    ("a man on snapchat keeps asking for pictures of me and says dont tell anyone", "online_grooming"),
    ("my dad punched my mum last night", "domestic_abuse"),
])
def test_current_danger_is_immediate(text, category):
    result = screen(text)
    assert (result.flag, result.severity, result.category) == (True, "immediate", category)
    assert result.matched


@pytest.mark.parametrize(("text", "category"), [
    ("i dont like going home when hes been drinking", "domestic_abuse"),
    ("im hungry at home a lot and there is never food", "neglect"),
    ("i get bullied every day and i dont want to come in anymore", "severe_bullying"),
    ("i cut my arms when i feel bad", "self_harm"),
    ("my dad used to hit me but he moved out and its better now", "physical_abuse"),
])
def test_worrying_but_less_acute_is_concern(text, category):
    result = screen(text)
    assert (result.flag, result.severity, result.category) == (True, "concern", category)


@pytest.mark.parametrize("text", [
    "my dad hurtes me wen he is angry",
    "MY MUMS BOYFRIEND HITS ME",
    "i dont wanna be alive no more",
    "i am sooo scaired of my step dad he hits me",
])
def test_childrens_spelling_is_understood(text):
    assert screen(text).flag


def test_report_about_a_named_child_is_flagged():
    assert screen("Jake in my class says his dad beats him").flag


def test_every_category_has_a_label():
    assert all(label for label in CATEGORIES.values())
    # The twelve, "other", and "not_screened" for text no screen could read (analysis.language).
    assert set(CATEGORIES) == {
        "physical_abuse", "sexual_abuse", "emotional_abuse", "neglect", "domestic_abuse", "self_harm",
        "suicidal_thoughts", "online_grooming", "exploitation", "severe_bullying", "going_missing",
        "position_of_trust", "other", "not_screened"}


def test_heldout_targets_are_met():
    score = score_screen()
    assert score.recall >= TARGETS["recall"]
    assert score.precision >= TARGETS["precision"]
    assert score.immediate_missed == ()
