"""Fixtures for sign-in tests."""
import pytest

from engage.models import Role
from tests.workspace.factories import make_user


@pytest.fixture
def officer(db):
    """An officer account with the test password."""
    return make_user(db, Role.OFFICER, email="officer@example.org")
