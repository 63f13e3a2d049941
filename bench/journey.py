"""A light HTTP client that walks the respondent journey like a browser: cookies, CSRF, forms.

Used by the submission benchmark and the fault tests. It speaks plain http.client to
127.0.0.1 only, records each request's latency, and reads forms with a few regexes.
"""
import http.client
import re
import time
from dataclasses import dataclass, field
from urllib.parse import urlencode, urlsplit

CSRF = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"|name="csrf_token" value="([^"]+)"')
RADIO = re.compile(r'name="(q_[a-z0-9_]+)" type="radio" value="([^"]+)"')
CHECKBOX = re.compile(r'name="(q_[a-z0-9_]+)" type="checkbox" value="([^"]+)"')
TEXTAREA = re.compile(r'<textarea[^>]*name="(q_[a-z0-9_]+)"')
TEXT = ("More clubs after school please, and somewhere safe to go in the evenings "
        "where we can meet friends without spending money.")
MAX_PAGES = 80
# What a dropped connection or a dead worker looks like to the client.
NETWORK_ERRORS = (OSError, http.client.HTTPException)


class JourneyError(Exception):
    """The server answered something a browser would not have expected."""


@dataclass
class Reply:
    """What came back: status, redirect target and body text."""

    status: int
    location: str
    text: str


@dataclass
class Browser:
    """One respondent's browser: a cookie jar and a connection to one server."""

    port: int
    timeout: float = 15.0
    # More servers to spread requests over in turn, like a load balancer without sticky sessions.
    other_ports: tuple[int, ...] = ()
    cookies: dict[str, str] = field(default_factory=dict)
    timings: list[tuple[str, float, float]] = field(default_factory=list)  # kind, seconds, sent at
    # When given, every page fetched with GET is kept here by path (to replay it elsewhere).
    kept: dict[str, str] | None = None
    _conn: http.client.HTTPConnection | None = None
    _sent: int = 0

    def get(self, path: str, kind: str = "get") -> Reply:
        """GET a page."""
        return self.request("GET", path, None, kind)

    def post(self, path: str, data: dict, kind: str = "post") -> Reply:
        """POST a form, urlencoded as a browser does."""
        return self.request("POST", path, urlencode(data, doseq=True).encode(), kind)

    def request(self, method: str, path: str, body: bytes | None, kind: str) -> Reply:
        """Send one request with the cookies, store new cookies, time it."""
        port = self._next_port()
        headers = {"Host": f"127.0.0.1:{port}"}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        started = time.perf_counter()
        try:
            conn = self._connection(port)
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            text = response.read().decode("utf-8", "replace")
        except NETWORK_ERRORS:
            self.close()
            raise
        self.timings.append((kind, time.perf_counter() - started, started))
        self._keep_cookies(response.msg.get_all("Set-Cookie") or [])
        location = urlsplit(response.getheader("Location") or "").path
        if self.kept is not None and method == "GET":
            self.kept[path] = text
        return Reply(response.status, location, text)

    def close(self) -> None:
        """Drop the connection (the next request opens a new one)."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def _next_port(self) -> int:
        ports = (self.port, *self.other_ports)
        self._sent += 1
        return ports[(self._sent - 1) % len(ports)]

    def _connection(self, port: int) -> http.client.HTTPConnection:
        # Only ever the local machine: benchmarks and fault tests never leave 127.0.0.1.
        if self._conn is not None and self._conn.port != port:
            self.close()
        if self._conn is None:
            self._conn = http.client.HTTPConnection("127.0.0.1", port, timeout=self.timeout)
        return self._conn

    def _keep_cookies(self, headers: list[str]) -> None:
        for header in headers:
            name, _, rest = header.partition("=")
            value = rest.split(";", 1)[0]
            if value and "max-age=0" not in header.lower():
                self.cookies[name.strip()] = value
            else:
                self.cookies.pop(name.strip(), None)


def csrf_token(html: str) -> str:
    """Pull the CSRF token out of a rendered form."""
    match = CSRF.search(html)
    if not match:
        raise JourneyError("no CSRF token on the page")
    return match.group(1) or match.group(2)


def fill(html: str, text: str = TEXT) -> dict:
    """Answer every question on a page: first radio, first checkbox, some text."""
    data: dict[str, object] = {}
    for name, value in RADIO.findall(html):
        data.setdefault(name, value)
    for name, value in CHECKBOX.findall(html):
        data.setdefault(name, [value])
    for name in TEXTAREA.findall(html):
        data[name] = text
    return data


@dataclass
class Journey:
    """How far one respondent got, and what they posted."""

    slug: str
    variant: str
    pages: int = 0
    acknowledged: bool = False
    # The session cookie as it was when the final page was posted (it holds the response token).
    cookie_at_submit: str | None = None
    cookie_after_start: str | None = None
    posted: dict[str, object] = field(default_factory=dict)
    last_post: dict | None = None


def expect(reply: Reply, status: int, location: str | None = None) -> Reply:
    """Check a reply is what a browser expects at this step."""
    if reply.status != status or (location is not None and reply.location != location):
        raise JourneyError(f"expected {status} {location or ''}, got {reply.status} {reply.location}: "
                           f"{reply.text[:200]!r}")
    return reply


def begin(browser: Browser, journey: Journey, with_start_page: bool = True) -> None:
    """Open the start page and the notice, then press start."""
    if with_start_page:
        expect(browser.get("/", "start_page"), 200)
    notice = expect(browser.get(f"/c/{journey.slug}/{journey.variant}", "notice"), 200)
    started = browser.post(f"/c/{journey.slug}/{journey.variant}/start",
                           {"csrf_token": csrf_token(notice.text)}, "begin")
    expect(started, 302, "/answer/1")
    journey.cookie_after_start = browser.cookies.get("session")


def answer_pages(browser: Browser, journey: Journey, stop_at: int | None = None) -> dict | None:
    """Answer page after page until the thank-you page.

    With stop_at, return that page's filled form unsent (to post it by other means).
    """
    for number in range(1, MAX_PAGES + 1):
        page = expect(browser.get(f"/answer/{number}", "page_get"), 200)
        data = fill(page.text)
        form = {**data, "csrf_token": csrf_token(page.text), "action": "next"}
        journey.posted.update(data)
        journey.last_post = form
        journey.cookie_at_submit = browser.cookies.get("session")
        if number == stop_at:
            return form
        result = browser.post(f"/answer/{number}", form, "page_post")
        journey.pages = number
        if result.status == 302 and result.location == "/thanks":
            browser.timings[-1] = ("submit", *browser.timings[-1][1:])
            journey.acknowledged = True
            return None
        expect(result, 302, f"/answer/{number + 1}")
    raise JourneyError("the survey never finished")


def walk(browser: Browser, slug: str, variant: str, with_start_page: bool = True) -> Journey:
    """Complete one whole journey: start page, notice, start, every page, submit."""
    journey = Journey(slug, variant)
    begin(browser, journey, with_start_page)
    answer_pages(browser, journey)
    return journey
