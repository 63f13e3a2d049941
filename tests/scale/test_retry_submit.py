"""Posting the last page again after a lost answer (a client time-out) stores one response."""
import socket
import time
from urllib.parse import urlencode

import pytest

from bench import serve
from bench.journey import Browser, Journey, answer_pages, begin, walk
from tests.scale.helpers import SLUG, stored, submitted, token_of

pytestmark = pytest.mark.faults


def send_and_drop(port: int, path: str, form: dict, cookie: str, wait_for_answer: bool) -> None:
    """Send a POST on a raw socket and hang up: at once, or after the server answered unread."""
    body = urlencode(form, doseq=True).encode()
    head = (f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
            f"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {len(body)}\r\n"
            f"Cookie: session={cookie}\r\n\r\n").encode()
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(head + body)
        if wait_for_answer:
            sock.recv(1)  # the server has answered; the client never reads it


@pytest.mark.parametrize("engine", ["sqlite", "postgresql"])
def test_retrying_the_final_post_stores_exactly_one_response(engine, fresh_db, server_env, tmp_path):
    url = fresh_db(engine)
    env = {**server_env, "ENGAGE_DATABASE_URL": url}
    port = serve.free_port()
    tokens: dict[str, int] = {}
    with serve.gunicorn("engage:create_app()", port, env, workers=2, log=tmp_path / "gunicorn.log"):
        last = {v: walk(Browser(port), SLUG, v).pages for v in ("secondary", "parent")}
        baseline = set(stored(url))
        for round_ in range(8):
            variant = ("secondary", "parent")[round_ % 2]
            browser = Browser(port)
            journey = Journey(SLUG, variant)
            begin(browser, journey)
            form = answer_pages(browser, journey, stop_at=last[variant])
            cookie = browser.cookies["session"]
            # Odd rounds: the retry races the first post; even rounds: it comes after it.
            send_and_drop(port, f"/answer/{last[variant]}", form, cookie, wait_for_answer=round_ % 2 == 0)
            if round_ % 4 == 3:
                time.sleep(0.05)
            retry = browser.post(f"/answer/{last[variant]}", form)
            browser.close()
            assert (retry.status, retry.location) == (302, "/thanks")
            tokens[token_of(cookie)] = len(journey.posted)

    rows = stored(url)
    mine = {t: v for t, v in submitted(rows).items() if t not in baseline}
    assert mine == tokens
    assert set(rows) - baseline == set(tokens)
