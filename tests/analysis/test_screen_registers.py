"""The screen reads a text the same whether it was typed, dictated, shouted or autocorrected."""

import pytest

from engage.analysis.safeguarding import NONE, screen
from engage.analysis.screen.registers import TRANSFORMS, caps, voice
from engage.analysis.screen.spelling import clean

# (as a voice-to-text app wrote it, as the child would have typed it)
DICTATED_DISCLOSURES = [
    ("i don't want to be hear anymore full stop i've been saving my mum's tablets",
     "i don't want to be here anymore. i've been saving my mum's tablets"),
    ("my step dad through a plate at me last night comma i'm scared to go home",
     "my step dad threw a plate at me last night, i'm scared to go home"),
    ("theres know food in the house question mark mum has been gone since friday",
     "there's no food in the house? mum has been gone since friday"),
    ("i want too die new line nobody would even notice",
     "i want to die\nnobody would even notice"),
    ("hell kill me if i tell anyone what he does full stop",
     "he'll kill me if i tell anyone what he does."),
    # autocorrect, one key along: "sad" for "dad", "polls" for "pills"
    ("when my sad drinks he gets scary and locks me out", "when my dad drinks he gets scary and locks me out"),
    ("i have lots of polls saved up for when it gets too much",
     "i have lots of pills saved up for when it gets too much"),
]


@pytest.mark.parametrize(("dictated", "written"), DICTATED_DISCLOSURES)
def test_a_dictated_disclosure_is_screened_as_its_written_form(dictated, written):
    spoken, typed = screen(dictated), screen(written)
    assert typed.flag
    assert (spoken.flag, spoken.severity, spoken.category) == (typed.flag, typed.severity, typed.category)


CAPITALS = [
    "MY DAD HITS ME WITH HIS BELT WHEN HE'S DRUNK",
    "I CUT MYSELF AGAIN LAST NIGHT AND I CANT STOP",
    "A MAN ON SNAPCHAT WANTS PICS AND SAYS HE'LL SEND THE OTHER ONES TO MY SCHOOL",
]


@pytest.mark.parametrize("text", CAPITALS)
def test_an_all_caps_disclosure_is_screened_as_in_lower_case(text):
    assert screen(text).flag
    assert screen(text) == screen(text.lower())


# Ordinary comments in the same registers: dictated, shouted, autocorrected, translated.
ORDINARY = [
    "the youth club is brilliant full stop we need more trips comma and it should open on sundays",
    "can we have a skate park question mark the one near hour house got knocked down",
    "I WANT MORE BUSES TO TOWN AFTER SIX THE LAST ONE IS TOO EARLY",
    "ill be at the next meeting if my mum can drive me",
    "i no its hard four the council but the swings are broken again",
    "the wait four a dentist is two years where we live",
    "my father takes me to football every saturday and i love it",
    "library need more computer and longer opening, my mother say it close too early",
    "there is too much homework and the teachers set it too late",
    "i know one of the youth workers and she is really kind",
    "i pulled my sad face when they shut the youth club on fridays",
    "the polls say most young people want longer library hours",
]


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_comments_in_these_registers_are_not_flagged(text):
    assert screen(text) == NONE


def test_spoken_punctuation_becomes_the_marks_it_names():
    assert clean("he hit me full stop new line i am fourteen comma help") == \
        "he hit me.\n i am fourteen, help"


def test_a_contraction_is_restored_only_before_a_verb():
    assert clean("ill be better off dead") == "i'll be better off dead"
    assert clean("my nan is ill") == "my nan is ill"
    assert clean("i know one of the teachers") == "i know one of the teachers"


def test_transforms_are_repeatable_and_keep_the_words():
    text = "My dad hit me last night. He said he'll do it again, so I'm scared."
    for transform in TRANSFORMS.values():
        assert transform(text) == transform(text)
    assert caps(text) == text.upper()
    assert "full stop" in voice(text) and "." not in voice(text)


def test_a_text_with_no_slip_is_read_as_the_models_learnt_it():
    from engage.analysis.screen.spelling import clean_as_written

    for text in ("My stepdad hits me when he's drunk.", "the park needs more bins", "i feel ill today"):
        assert clean(text) == clean_as_written(text)
    assert clean("hell hurt me") != clean_as_written("hell hurt me")
