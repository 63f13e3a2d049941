"""Real Chromium fixtures for the right-to-left journey (shared with tests/browser)."""
from tests.browser.conftest import browser, live_server, page  # noqa: F401
