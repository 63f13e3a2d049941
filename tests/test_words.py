"""Counts in words: one of a thing is singular, any other count (none, many, minus one) plural."""
from engage.words import how_many, noun_for


def test_one_is_singular_and_every_other_count_plural():
    assert how_many(1, "class code") == "1 class code"
    assert how_many(0, "statement") == "0 statements"
    assert how_many(15, "question") == "15 questions"
    assert noun_for(-1, "point") == "point" and noun_for(-12, "point") == "points"


def test_names_sort_with_their_numbers_as_numbers():
    from engage.words import by_name

    names = ["School 10", "school 8", "Abbey School", "School 9b", "School 9"]
    assert by_name(names, name=str) == ["Abbey School", "school 8", "School 9", "School 9b", "School 10"]
