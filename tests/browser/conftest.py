"""Real Chromium (Debian's, driven by Playwright) against the app served on 127.0.0.1."""
import re
import threading
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


CHROMIUM = "/usr/bin/chromium"
# Root needs --no-sandbox; the rest stop Chromium calling out to a network that is not there.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, driven by Playwright (which cannot download its own browser here)."""
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


# Playwright waits 30 s by default; a results page folding a thousand responses on a busy 2-core
# machine can take longer. How busy the machine is may change how long a test takes, never its verdict.
WAIT_MS = 180_000


@pytest.fixture
def page(browser):
    """A fresh browser context and page for one test."""
    context = browser.new_context()
    context.set_default_timeout(WAIT_MS)
    yield context.new_page()
    context.close()


@pytest.fixture
def live_server(demo, app):
    """Serve the app (with demo content) on a free local port for one test."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=10)


def axe_violations(page) -> list[dict]:
    """Run axe-core in the page and return its violations (id, impact, nodes)."""
    # A keypress or click that submits a form returns before the next page has loaded; audited
    # before its stylesheet applied, the header link measured as an unstyled, too-small target.
    page.wait_for_load_state("load")
    page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
    return [{"id": v["id"], "impact": v["impact"], "help": v["help"],
             "targets": [n["target"] for n in v["nodes"]][:5]} for v in result["violations"]]


def overflows_sideways(page) -> bool:
    """Whether the page needs a sideways scroll bar, measured once the page has loaded."""
    # Measured while a click's navigation is still committing, the new document has no root yet
    # (and, before its stylesheet applies, the width is the unstyled page's).
    page.wait_for_load_state("load")
    return page.evaluate("document.documentElement.scrollWidth > window.innerWidth")


def sign_in(page, base_url: str, email: str, password: str, totp_secret: str | None = None) -> None:
    """Sign in through the real pages; with an authenticator secret, give the code when asked."""
    if "/auth/sign-in" not in page.url:
        page.goto(f"{base_url}/auth/sign-in")
    page.fill("#email", email)
    page.fill("#password", password)
    page.click("main form button[type=submit]")
    page.wait_for_load_state("load")
    if totp_secret:
        enter_code(page, totp_secret)


def enter_code(page, totp_secret: str) -> None:
    """Type the authenticator app's current code on the second-step page."""
    import pyotp

    page.wait_for_url(re.compile(r"/auth/two-step$"))
    page.fill("#code", pyotp.TOTP(totp_secret).now())
    page.click("main form button[type=submit]")
    page.wait_for_url(lambda url: "/auth/two-step" not in url)
