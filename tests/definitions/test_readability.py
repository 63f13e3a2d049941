"""The reading-age checker: syllables, sentences and the Flesch-Kincaid grade."""
import pytest

from engage.definitions.readability import (
    GRADE_LIMITS,
    YOUNG_VARIANTS,
    check_wording,
    count_syllables,
    fk_grade,
    sentence_count,
    words_in,
)


@pytest.mark.parametrize(
    ("word", "syllables"),
    [
        ("cat", 1), ("make", 1), ("whole", 1), ("free", 1), ("school", 1),
        ("table", 2), ("little", 2), ("centre", 2), ("people", 2), ("every", 2),
        ("likes", 1), ("places", 2), ("changes", 2), ("goes", 1),
        ("worked", 1), ("played", 1), ("wanted", 2), ("needed", 2), ("disabled", 3),
        ("happy", 2), ("family", 3), ("player", 2), ("trying", 2), ("bullying", 3),
        ("you", 1), ("young", 1), ("being", 2), ("doing", 2), ("area", 3), ("idea", 3),
        ("science", 2), ("business", 2), ("Childline", 2), ("media", 3),
        ("various", 3), ("usual", 3), ("social", 2), ("quiet", 2), ("experience", 4),
        ("sometimes", 2), ("everyone", 3), ("safely", 2), ("safety", 2),
        ("careful", 2), ("statement", 2), ("don't", 1), ("you're", 1),
        ("information", 4), ("activities", 4), ("priority", 4), ("GP", 2), ("CAMHS", 1),
    ],
)
def test_count_syllables(word, syllables):
    assert count_syllables(word) == syllables


def test_words_skip_numbers_and_placeholders():
    assert words_in("Call Childline on 0800 1111 by {results_date}.") == [
        "Call", "Childline", "on", "by",
    ]
    assert words_in("I'd like it. We'll see.") == ["I'd", "like", "it", "We'll", "see"]


def test_sentences_split_on_stops_and_new_lines():
    assert sentence_count("I like my school. It is big and fun!") == 2
    assert sentence_count("No stop at the end") == 1
    assert sentence_count("Parks\nClubs\n\nLibraries") == 3
    assert sentence_count("Really?! Yes...") == 2


def test_grade_of_one_short_sentence():
    # 6 words, 1 sentence, 6 syllables: 0.39*6 + 11.8*1 - 15.59
    assert fk_grade("The cat sat on the mat.") == pytest.approx(-1.45)


def test_grade_of_the_canonical_value_one_title():
    # 12 words, 1 sentence, 17 syllables: 0.39*12 + 11.8*17/12 - 15.59
    text = "Keeping children and young people safe and supported at home and school."
    assert fk_grade(text) == pytest.approx(0.39 * 12 + 11.8 * 17 / 12 - 15.59)
    assert fk_grade(text) == pytest.approx(5.807, abs=0.001)


def test_grade_averages_over_sentences():
    # 9 words, 2 sentences, 9 syllables
    assert fk_grade("I like my school. It is big and fun.") == pytest.approx(
        0.39 * 4.5 + 11.8 - 15.59
    )


def test_placeholders_do_not_change_the_grade():
    assert fk_grade("Question {n} of {total}") == fk_grade("Question of")
    assert fk_grade("We will share it by {results_on}.") == fk_grade("We will share it by.")


def test_empty_text_has_grade_zero():
    assert fk_grade("") == 0.0
    assert fk_grade("{n} 0800 1111") == 0.0


def test_limits():
    assert GRADE_LIMITS == {"primary": 4.0, "secondary": 7.0, "post16": 9.0}
    assert YOUNG_VARIANTS == ("primary", "secondary", "post16")


def test_check_wording_passes_plain_text_and_adult_variants():
    hard = "Ensuring the accessibility of services meets the needs of families."
    assert check_wording("I feel safe where I live.", "primary") is None
    assert check_wording(hard, "parent") is None
    assert check_wording(hard, "professional") is None


def test_check_wording_explains_a_failure():
    text = "Keeping children and young people safe and supported at home and school."
    assert check_wording(text, "primary") == "reading grade 5.8 is above 4 for primary"
    assert check_wording(text, "secondary") is None
