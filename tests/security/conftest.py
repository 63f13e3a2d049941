"""Fixtures for security tests: the workspace world of schools, accounts and consultations."""
import pytest

from tests.workspace.factories import build_world


@pytest.fixture
def world(loaded, db):
    """The workspace test world on the shipped surveys."""
    return build_world(db)
