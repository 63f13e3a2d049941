"""Which language a free-text answer is in, and the keyword screens for Arabic and Polish."""
import pytest

from engage.analysis.keywords import is_not_screened, screen_other
from engage.analysis.language import detect, language_name


@pytest.mark.parametrize(("text", "expected"), [
    ("أريد حدائق أكثر قرب بيتي", "ar"),
    ("Chcę więcej klubów po szkole", "pl"),
    ("nie lubie szkoly bo jest nudno", "pl"),          # Polish typed without its accents
    ("tata mnie bije", "pl"),
    ("I want more clubs after school", "en"),
    ("I am from Poland and I like my school", "en"),   # a Polish speaker writing in English
    ("i was sexually assaulted by someone i know", "en"),
    ("na", "en"), ("ok", "en"), ("idk tbh", "en"), ("wud b gud 2 hav mor clubs", "en"),
    ("skool is boring", "en"), ("i wanna die", "en"),
    ("مجھے اسکول پسند ہے", "ur"),                       # Arabic script, Urdu letters
    ("من از رفتن به خانه میترسم", "fa"),               # Arabic script, Persian
    ("mi padrastro me pega cuando bebe", "es"),
    ("tatăl meu mă bate când bea", "ro"),
    ("aabahay wuu i garaacaa markuu cabo", "so"),
    ("babam içince beni dövüyor", "tr"),
    ("mon père me frappe quand il boit", "fr"),
    ("mera baap mujhe marta hai", "ur-latn"),
    ("отчим бьёт меня когда пьёт", "ru"),
    ("", "en"),
    ("12345 !!!", "en"),
])
def test_detects_the_language_a_text_is_written_in(text, expected):
    assert detect(text) == expected


@pytest.mark.parametrize("text", ["tengo miedo", "quero morrer", "Quero morrer", "nadie me cuida",
                                  "ayudame porfa", "babam beni dovuyor", "cuu toi voi"])
def test_a_short_text_plainly_not_english_reaches_a_person(text):
    # Too short for the model to name the language with confidence, but plainly not English.
    assert detect(text) != "en"
    assert screen_other(text, detect(text)).flag


@pytest.mark.parametrize("text", ["Greggs", "more Nandos", "Mr Okonkwo", "Eid party", "biryani friday",
                                  "jollof rice", "fortnite", "Chessington", "tbh idk", "innit", "gud"])
def test_short_english_with_names_or_texting_stays_english(text):
    # Names, brands, foods and texting are in no word list: one unknown word, or a capitalised
    # name, is never enough to send an English answer away.
    assert detect(text) == "en"


def test_languages_are_named_for_a_lead():
    assert language_name("so") == "Somali" and language_name("ro") == "Romanian"
    assert language_name("ur-latn") == "Urdu or Hindi in English letters"


@pytest.mark.parametrize(("text", "lang", "category", "severity"), [
    ("أبي يضربني كل يوم", "ar", "physical_abuse", "immediate"),
    ("يضربني أبي", "ar", "physical_abuse", "immediate"),
    ("أبي وأخي يضربوني", "ar", "physical_abuse", "immediate"),
    ("أُرِيدُ أَنْ أَقْتُلَ نَفْسِي", "ar", "suicidal_thoughts", "immediate"),  # with vowel marks
    ("نفسي أموت", "ar", "suicidal_thoughts", "immediate"),
    ("صرت أؤذي نفسي", "ar", "self_harm", "immediate"),
    ("عمي يغتصبني", "ar", "sexual_abuse", "immediate"),
    ("tata mnie bije", "pl", "physical_abuse", "immediate"),
    ("mnie bije tata", "pl", "physical_abuse", "immediate"),
    ("bije mnie ojczym", "pl", "physical_abuse", "immediate"),
    ("chce sie zabic", "pl", "suicidal_thoughts", "immediate"),
    ("się zabić chcę", "pl", "suicidal_thoughts", "immediate"),
    ("już nie chcę żyć", "pl", "suicidal_thoughts", "immediate"),
    ("boję się wracać do domu", "pl", "other", "concern"),
    ("Wujek dotyka mnie", "pl", "sexual_abuse", "immediate"),
    ("wujek mnie dotykał", "pl", "sexual_abuse", "immediate"),
])
def test_keyword_screens_flag_disclosures_in_any_word_order(text, lang, category, severity):
    result = screen_other(text, lang)
    assert result.flag and result.category == category and result.severity == severity


@pytest.mark.parametrize(("text", "lang"), [
    ("chcę żyć i się uczyć", "pl"),            # "I want to live and learn": no "not"
    ("tata mnie kocha", "pl"),                 # "dad loves me"
    ("أريد حدائق أكثر", "ar"),
])
def test_ordinary_sentences_are_not_keyword_hits(text, lang):
    assert is_not_screened(screen_other(text, lang))


def test_text_no_screen_can_read_still_goes_to_a_person():
    result = screen_other("أريد حدائق أكثر", "ar")
    assert result.flag and is_not_screened(result)
    assert result.matched == ("not screened: written in Arabic",)
    assert not is_not_screened(screen_other("أبي يضربني", "ar"))
    spanish = screen_other("mi padrastro me pega cuando bebe", "es")
    assert spanish.matched == ("not screened: written in Spanish",) and spanish.severity == "concern"


def test_language_evaluation_meets_its_targets_on_the_sets_it_was_chosen_on():
    from engage.analysis.evaluation.language import development, score

    result = score("development", *development())
    assert result.english_sent_away.value <= 0.05
    assert result.other_reaching_a_person.value >= 0.95


def test_the_blind_language_set_is_frozen():
    import hashlib

    from engage.analysis.evaluation.language import BLIND, DATA, blind

    folder = DATA / BLIND
    for line in (folder / "SHA256SUMS").read_text().splitlines():
        digest, name = line.split()
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest, name
    english, other = blind()
    assert len(english) >= 80 and len(other) >= 80
    assert not any(text.startswith("#") for text in english)
