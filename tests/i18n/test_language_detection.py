"""Which language a free-text answer is in, and the keyword screens for Arabic and Polish."""
import pytest

from engage.analysis.language import detect, is_not_screened, screen_other


@pytest.mark.parametrize(("text", "expected"), [
    ("أريد حدائق أكثر قرب بيتي", "ar"),
    ("Chcę więcej klubów po szkole", "pl"),
    ("nie lubie szkoly bo jest nudno", "pl"),          # Polish typed without its accents
    ("I want more clubs after school", "en"),
    ("I am from Poland and I like my school", "en"),   # a Polish speaker writing in English
    ("مجھے اسکول پسند ہے", "ur"),                       # Arabic script, Urdu letters
    ("Я люблю школу", "und"),
    ("", "en"),
    ("12345 !!!", "en"),
])
def test_detects_the_language_a_text_is_written_in(text, expected):
    assert detect(text) == expected


@pytest.mark.parametrize(("text", "lang", "category", "severity"), [
    ("أبي يضربني كل يوم", "ar", "physical_abuse", "immediate"),
    ("أُرِيدُ أَنْ أَقْتُلَ نَفْسِي", "ar", "suicidal_thoughts", "immediate"),  # with vowel marks
    ("Tata mnie bije mnie w domu", "pl", "physical_abuse", "immediate"),
    ("chce sie zabic", "pl", "suicidal_thoughts", "immediate"),
    ("boję się wracać do domu", "pl", "other", "concern"),
    ("Wujek dotyka mnie", "pl", "sexual_abuse", "immediate"),
])
def test_keyword_screens_flag_disclosures_in_arabic_and_polish(text, lang, category, severity):
    result = screen_other(text, lang)
    assert result.flag and result.category == category and result.severity == severity


def test_text_no_screen_can_read_still_goes_to_a_person():
    result = screen_other("أريد حدائق أكثر", "ar")
    assert result.flag and is_not_screened(result)
    assert result.matched == ("not screened: written in Arabic",)
    assert not is_not_screened(screen_other("أبي يضربني", "ar"))
