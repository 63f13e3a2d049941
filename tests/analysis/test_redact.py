"""Redaction of contact details and introduced names."""

import pytest

from engage.analysis.redact import redact


@pytest.mark.parametrize(("text", "expected"), [
    ("email me at sam.jones@example.co.uk", "email me at [email]"),
    ("ring 07700 900123 after school", "ring [phone] after school"),
    ("call +44 20 8891 1411", "call [phone]"),
    ("I live near TW1 3AA", "I live near [postcode]"),
    ("see https://example.org/page?x=1 for more", "see [link] for more"),
    ("go to www.example.com", "go to [link]"),
    ("My name is Sam Jones and I am 10", "My name is [name] and I am 10"),
    ("my name is jake", "my name is [name]"),
    ("I'm called Sam.", "I'm called [name]."),
    ("Mr Smith is the best teacher", "[name] is the best teacher"),
    ("Mrs Patel, Miss Khan, Ms Brown and Dr Okafor helped", "[name], [name], [name] and [name] helped"),
])
def test_redacts(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize("text", [
    "I'm sad and I'm going home",
    "my name is not important",
    "I am 12 and in Year 7",
    "there are 1234 people in 2024",
    "",
])
def test_leaves_ordinary_text(text):
    assert redact(text) == text


def _redact_without_shortcuts(text: str) -> str:
    """Every pattern on every text, as redact() did before it learnt to skip."""
    from engage.analysis import redact as r

    text = r._EMAIL.sub("[email]", text)
    text = r._URL.sub("[link]", text)
    text = r._PHONE.sub("[phone]", text)
    text = r._POSTCODE.sub("[postcode]", text)
    text = r._TITLED.sub("[name]", text)
    text = r._STRONG_CUE.sub(r._strong, text)
    return r._WEAK_CUE.sub(r._weak, text)


TRICKY = ["İ'M CALLED ALİ", "ım called sam", "thİs is Jo", "MY NAME İS Kai", "WWW.EXAMPLE.COM",
          "HTTP://X.CO", "see BBC.CO.UK/news", "call 07700 900123", "SW1A 1AA is my postcode",
          "ring +44 7700 900123", "Mr Smith said hi", "mrs jones", "email me: a.b@c.org thanks",
          "Im Sam", "im in year 9", "this is Leo from class", "ſee my name is Ella", "I'M JO",
          "no digits or cues here at all", "my names ben", "CALL ME AMY", "dr who"]


def test_skipping_patterns_changes_nothing():
    import random

    from engage.analysis.tagging import read_jsonl

    texts = [row["text"] for name in ("comments_train.jsonl", "comments_heldout.jsonl",
                                      "safeguarding_train.jsonl", "safeguarding_heldout.jsonl")
             for row in read_jsonl(name)]
    rng = random.Random(5)
    texts += TRICKY + [f"{rng.choice(texts)} {rng.choice(TRICKY)} {rng.choice(texts)}" for _ in range(300)]
    changed = 0
    for text in texts:
        expected = _redact_without_shortcuts(text)
        assert redact(text) == expected, text
        changed += expected != text
    assert changed > 40  # the corpus does exercise every kind of replacement
