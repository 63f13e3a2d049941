"""Pure edits of a raw definition: the editor's keys change, every other key is kept."""
import pytest

from engage.definitions.problems import Problem
from engage.forms.survey_problems import place
from engage.forms.yaml_settings import parse_settings, settings_text
from engage.services import survey_editing as se

FAMILY = ["primary", "secondary", "parent"]


def _definition():
    return {
        "family": "demo", "title": "Demo", "variants": list(FAMILY), "languages": ["en", "cy"],
        "pages": [
            {"id": "one", "title": {"primary": "One"}, "translations": {"cy": {"title": {"primary": "Un"}}},
             "items": [
                 {"id": "a", "type": "single", "value": 1, "text": {"primary": "A?", "secondary": "A?", "parent": "A?"},
                  "options": [{"id": 7, "label": "Seven"}, {"id": "x", "label": {"primary": "X", "secondary": "Ex"},
                                                            "symbol": "x.svg"}],
                  "easy_read": {"text": "A"}, "rank": 2},
                 {"id": "b", "type": "text", "value": 2, "text": {"primary": "B?", "secondary": "B?", "parent": "B?"}},
             ]},
            {"id": "two", "title": {"primary": "Two"}, "items": [
                {"id": "c", "type": "yesno", "value": 3, "variants": ["parent"], "text": {"parent": "C?"}}]},
        ],
    }


def _changes(**overrides):
    base = {"type": "single", "value": 1, "variants": FAMILY, "text": {v: "A?" for v in FAMILY},
            "options": [se.OptionRow(id="7", label="Seven", was="7", order=2),
                        se.OptionRow(id="x", label="", labels={"primary": "X", "secondary": "Ex"}, was="x", order=4)]}
    return se.ItemChanges(**{**base, **overrides})


def test_unchanged_fields_give_back_the_same_item():
    definition = _definition()
    before = _definition()
    se.put_item(definition, "a", "a", _changes(), se.PageTarget("one"))
    assert definition == before  # the int option id 7 and the per-variant label stay as they were


def test_unknown_keys_survive_and_other_settings_replace_only_when_given():
    definition = _definition()
    se.put_item(definition, "a", "a", _changes(subtheme="1a", sensitive=True), se.PageTarget("one"))
    item = definition["pages"][0]["items"][0]
    assert item["easy_read"] == {"text": "A"} and item["rank"] == 2 and item["options"][1]["symbol"] == "x.svg"
    assert item["subtheme"] == "1a" and item["sensitive"] is True
    se.put_item(definition, "a", "a", _changes(extra={"easy_read": {"text": "Aa"}}), se.PageTarget("one"))
    assert item["easy_read"] == {"text": "Aa"} and "rank" not in item and "subtheme" not in item


def test_options_reorder_rename_and_take_per_variant_labels():
    definition = _definition()
    rows = [se.OptionRow(id="seven", label="Seven", was="7", order=4),
            se.OptionRow(id="x", label="Ex", labels={"primary": "X"}, was="x", order=2),
            se.OptionRow(id="new", label="New", order=6)]
    se.put_item(definition, "a", "a", _changes(options=rows), se.PageTarget("one"))
    options = definition["pages"][0]["items"][0]["options"]
    assert [o["id"] for o in options] == ["x", "seven", "new"]
    assert options[0] == {"id": "x", "label": {"primary": "X", "secondary": "Ex", "parent": "Ex"}, "symbol": "x.svg"}
    assert options[2] == {"id": "new", "label": "New"}


def test_fewer_audiences_drop_their_wordings_and_a_non_choice_type_drops_options():
    definition = _definition()
    se.put_item(definition, "a", "a", _changes(type="text", variants=["primary"]), se.PageTarget("one"))
    item = definition["pages"][0]["items"][0]
    assert item["variants"] == ["primary"] and item["text"] == {"primary": "A?"} and "options" not in item


def test_new_items_new_pages_moves_and_removals():
    definition = _definition()
    se.put_item(definition, None, "d", _changes(type="text", extra={"easy_read": {"text": "D"}}),
                se.PageTarget("three", {"primary": "Three "}, new=True, extra={"translations": {}}))
    assert definition["pages"][2] == {"id": "three", "title": {"primary": "Three"}, "translations": {},
                                      "items": [{"id": "d", "type": "text", "value": 1,
                                                 "text": {v: "A?" for v in FAMILY}, "easy_read": {"text": "D"}}]}
    se.put_item(definition, "c", "c", _changes(type="yesno", variants=["parent"], text={"parent": "C?"}),
                se.PageTarget("one"))
    assert [p["id"] for p in definition["pages"]] == ["one", "three"]  # page two emptied, so gone
    se.move_item(definition, "c", "up")
    assert [i["id"] for i in definition["pages"][0]["items"]] == ["a", "c", "b"]
    se.move_page(definition, "three", "up")
    assert [p["id"] for p in definition["pages"]] == ["three", "one"]
    with pytest.raises(se.Missing):
        se.move_page(definition, "three", "up")
    se.remove_item(definition, "d")
    assert [p["id"] for p in definition["pages"]] == ["one"]
    with pytest.raises(se.Missing):
        se.remove_item(definition, "d")


def test_page_titles_keep_other_keys_and_settings_round_trip():
    definition = _definition()
    se.set_page_titles(definition, "one", {"primary": "Uno", "secondary": ""})
    page = definition["pages"][0]
    assert page["title"] == {"primary": "Uno"} and page["translations"] == {"cy": {"title": {"primary": "Un"}}}
    text = settings_text(page, se.PAGE_KEYS)
    assert parse_settings(text, se.PAGE_KEYS) == {"translations": {"cy": {"title": {"primary": "Un"}}}}
    for bad, message in [("a: [", "not valid YAML"), ("- a", "keys with values"), ("title: x", "in its own box")]:
        with pytest.raises(ValueError, match=message):
            parse_settings(bad, se.PAGE_KEYS)


def test_problems_are_placed_beside_their_fields():
    problems = [Problem("f.yaml", "question: reading grade 6.0 is above 4 for primary", "a", "primary"),
                Problem("f.yaml", "unknown sub-theme '3a' for value 1", "a"),
                Problem("f.yaml", "no Welsh (cy) option labels", "a"),
                Problem("f.yaml", "no title wording for this variant", "page new", "secondary"),
                Problem("f.yaml", "item id is used twice", "b")]
    summary, by_field = place(problems, "a", "new")
    assert [p.field for p in summary] == ["text_primary", "subtheme", "extra", "new_title_secondary", None]
    assert by_field["subtheme"] == ["unknown sub-theme '3a' for value 1"]
