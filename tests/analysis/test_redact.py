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
