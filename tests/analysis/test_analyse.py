"""One analysis for the journey, the command and the evaluation: language, screen, tags, sentiment."""
from engage.analysis.analyse import analyse
from engage.analysis.classify import classify_lines


def test_results_come_back_in_order_with_every_part(tagger):
    found = analyse(["we need more youth clubs", "", "my dad hits me"], tagger)
    assert [a.text for a in found] == ["we need more youth clubs", "", "my dad hits me"]
    clubs, _, hit = found
    assert clubs.english and clubs.tagging.primary_value == 3 and clubs.polarity is not None
    assert not clubs.screening.flag
    assert hit.screening.severity == "immediate" and hit.tagging.primary_value == 1


def test_another_language_gets_no_tags_and_reaches_a_person(tagger):
    (arabic,) = analyse(["أبي يضربني"], tagger)
    assert arabic.language == "ar" and arabic.tagging is None and arabic.polarity is None
    assert arabic.screening.category == "physical_abuse"


def test_words_that_look_polish_never_hide_an_english_disclosure(tagger):
    (found,) = analyse(["i was sexually assaulted by someone i know"], tagger)
    assert found.screening.severity == "immediate" and found.screening.category == "sexual_abuse"


def test_the_command_and_the_journey_agree_on_arabic(app, tagger):
    from engage.services import free_text

    text = "أبي يضربني"  # "my father hits me"
    (record,) = classify_lines([text], tagger=tagger)
    with app.app_context():
        journey = free_text.prepare([text])[text]
    assert record["language"] == "ar" and record["primary_value"] is None
    assert record["safeguarding"] == {"flag": True, "severity": journey.screening.severity,
                                      "category": journey.screening.category}
    assert record["safeguarding"]["category"] == "physical_abuse"


def test_every_language_reaches_a_person_through_the_command(tagger):
    texts = ["mi padrastro me pega cuando bebe", "aabahay wuu i garaacaa markuu cabo",
             "tatăl meu mă bate când bea"]
    records = list(classify_lines(texts, tagger=tagger))
    assert [r["language"] for r in records] == ["es", "so", "ro"]
    for record in records:
        assert record["safeguarding"] == {"flag": True, "severity": "concern",
                                          "category": "not_screened"}
        assert record["primary_value"] is None and record["sentiment"] is None


def test_the_screen_alone_finds_what_the_whole_analysis_finds(tagger):
    """The journey screens at once and tags later: the screen it runs is the whole analysis's."""
    from engage.analysis.analyse import screen

    texts = ["we need more youth clubs", "my dad hits me", "أبي يضربني", "mi padrastro me pega", ""]
    for whole, alone in zip(analyse(texts, tagger), map(screen, texts), strict=True):
        assert (alone.language, alone.screening) == (whole.language, whole.screening)
