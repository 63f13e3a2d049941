"""The tagger reads misspelt and texted words as the words they were meant to be."""

import pytest

from engage.analysis.tagger_spelling import Speller, edit_distance

TRAINING = ["the camhs waiting list was too long", "the camhs appointment was cancelled",
            "my appointment was cancelled again", "the waiting list is long",
            "social worker never rang", "my social worker changed"]


@pytest.fixture
def speller():
    return Speller(TRAINING)


@pytest.mark.parametrize(("typed", "meant"), [
    ("cahms", "camhs"),  # swapped neighbours
    ("apointment", "appointment"),  # a letter missed
    ("cancled", "cancelled"),  # two letters missed: the longer shared start beats "changed"
    ("socail", "social"),
])
def test_unknown_words_become_the_nearest_training_word(speller, typed, meant):
    assert speller.correct(typed) == meant


def test_english_words_and_words_far_from_any_training_word_are_left_alone(speller):
    assert speller.correct("listened") == "listened"  # English, though never in training
    assert speller.correct("zxqwv") == "zxqwv"


def test_texting_forms_become_words(speller):
    assert speller("dunno wot 2 do wiv my skl") == "don't know what 2 do with my school"


def test_a_text_with_nothing_to_correct_comes_back_normalised(speller):
    assert speller("The CAMHS waiting list") == "the camhs waiting list"


def test_a_saved_speller_rebuilds_its_index_and_corrects_the_same(speller):
    import pickle

    speller.correct("apointment")
    copy = pickle.loads(pickle.dumps(speller))
    assert "index" not in copy.__dict__ and copy.fixed == {}
    assert copy.correct("apointment") == "appointment"


def test_edit_distance_counts_a_swap_as_one_edit():
    assert edit_distance("cahms", "camhs") == 1
    assert edit_distance("apointment", "appointment") == 1
    assert edit_distance("kitten", "sitting") == 3


@pytest.mark.parametrize(("clean", "misspelt"), [
    ("the camhs waiting list is far too long", "the cahms wating list is far to long"),
    ("we got evicted and now we live in a hostel", "we got evictid and now we live in a hostle"),
    ("I need a parenting course to cope with my teenager", "i need a parentin cours to cope wiv my teenagr"),
    ("more football pitches and a better playground in the park",
     "more footbal pitchs and a beter playgrond in the park"),
])
def test_a_misspelt_comment_gets_the_same_tags_as_its_clean_form(tagger, clean, misspelt):
    want, got = tagger.predict([clean, misspelt])
    assert [v for v, _ in got.values] == [v for v, _ in want.values]
    # Read as unknown words, the misspellings cost 0.07-0.2 of confidence (or the value itself).
    assert got.confidence == pytest.approx(want.confidence, abs=0.06)
