"""Fixtures for the analysis tests: one trained tagger per session (training takes ~1 s)."""

import pytest

from engage.analysis.tagging import ValueTagger, train


@pytest.fixture(scope="session")
def tagger() -> ValueTagger:
    return train()
