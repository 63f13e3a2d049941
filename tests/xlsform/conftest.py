"""Fixtures for the XLSForm tests: the workspace world on the shipped surveys."""
import pytest

from tests.workspace.factories import build_world


@pytest.fixture
def world(loaded, db):
    """Schools, accounts and consultations, as the workspace tests use."""
    return build_world(db)
