"""The wide exports head each column with its question in words, naming who read which words."""
from engage.definitions.survey import Item
from engage.reports import layout


def test_one_wording_heads_its_column_as_it_is():
    assert layout.plain_heading({"secondary": "I feel safe.", "post16": "I feel  safe."}) == "I feel safe."


def test_different_wordings_are_each_named_by_their_readers():
    heading = layout.plain_heading({"primary": "I feel safe where I live.", "secondary": "I feel safe in my area.",
                                    "post16": "I feel safe in my area.", "parent": "My child feels safe."})
    assert heading == ("Ages 8 to 10: I feel safe where I live. / Ages 11 to 16 and Ages 16 to 25: "
                       "I feel safe in my area. / Parents and carers: My child feels safe.")


def test_answers_the_app_adds_to_school_and_area_are_words():
    school = Item("school", "single", 5, ("post16",), {"post16": "Which school?"}, {}, profile="school")
    area = Item("area", "single", 5, ("professional",), {"professional": "Which area?"}, {}, profile="area")
    assert layout.labels_for(school)["not_at_school"] == "Does not go to school or college"
    assert layout.labels_for(school)["not_listed"] == "School not on the list"
    assert layout.labels_for(area)["borough"] == "Across the whole borough"


def test_two_questions_worded_alike_keep_apart():
    columns = [layout.Column("a", "Anything else?", "text", 1, {}, "Anything else?"),
               layout.Column("b", "Anything else?", "text", 2, {}, "Anything else?")]
    assert [c.heading for c in layout._unique(columns)] == ["Anything else?", "Anything else? (2)"]
