"""Drive concurrent journeys at gunicorn and read back what the database holds."""
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
from flask import Flask
from sqlalchemy import create_engine, func, select

from bench.journey import NETWORK_ERRORS, Browser, Journey, JourneyError, answer_pages, begin
from engage import create_app, migrate
from engage.db import get_session
from engage.models import Answer, Response, ResponseStatus
from tests.conftest import _config

SECRET = "fault-tests-shared-secret"
SLUG = "annual-survey-demo"


def create_database(server_url: str, name: str) -> str:
    """Create an empty database on the cluster and return its URL."""
    with psycopg.connect(server_url.replace("postgresql+psycopg://", "postgresql://"), autocommit=True) as c:
        c.execute(f"CREATE DATABASE {name}")
    return server_url.rsplit("/", 1)[0] + f"/{name}"


def prepare_database(url: str) -> None:
    """Migrate, load the shipped surveys and create the demo consultations."""
    from engage.definitions.loader import load_directory
    from engage.models._time import utcnow
    from engage.services.demo.content import create_demo

    app = create_app({**_config(), "DATABASE_URL": url})
    migrate.upgrade(app)
    with app.app_context():
        load_directory(get_session(), Path(app.config["SURVEYS_DIR"]))
        create_demo(get_session(), utcnow())
    app.extensions["engage.engine"].dispose()


def token_of(cookie: str | None) -> str | None:
    """Read the response token out of a session cookie signed with SECRET."""
    if not cookie:
        return None
    signer = Flask("faults")
    signer.secret_key = SECRET
    return signer.session_interface.get_signing_serializer(signer).loads(cookie).get("response")


@dataclass
class Outcome:
    """One respondent's journey: how far it got, and the error that stopped it, if any."""

    journey: Journey
    error: str | None = None

    @property
    def token(self) -> str | None:
        """The response token the server gave this respondent, once started."""
        return token_of(self.journey.cookie_after_start)


@dataclass
class Load:
    """Respondents running in threads until their count is done or someone stops them.

    `seconds` is only a generous cap for a server that stopped answering: on a slow or busy
    machine a run takes longer, but it does the same journeys and reaches the same verdict.
    """

    ports: list[int]
    threads: int = 8
    per_thread: int = 10
    seconds: float = 300.0
    spread: bool = False  # send each request to the next server in turn
    variants: tuple[str, ...] = ("secondary", "primary")
    outcomes: list[Outcome] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def snapshot(self) -> list[Outcome]:
        """Return the outcomes so far (safe while the load runs)."""
        with self._lock:
            return list(self.outcomes)

    def count(self, test) -> int:
        """Count the outcomes so far for which `test(outcome)` is true."""
        return sum(1 for outcome in self.snapshot() if test(outcome))

    def run(self) -> list[Outcome]:
        """Run every respondent to the end and return the outcomes."""
        deadline = time.monotonic() + self.seconds
        workers = [threading.Thread(target=self._respondent, args=(i, deadline), daemon=True)
                   for i in range(self.threads)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join(timeout=self.seconds + 30)
        assert not any(w.is_alive() for w in workers), "respondents did not finish in time"
        return self.outcomes

    def _respondent(self, index: int, deadline: float) -> None:
        for n in range(self.per_thread):
            if self.stop.is_set() or time.monotonic() > deadline:
                return
            port = self.ports[(index + n) % len(self.ports)]
            others = tuple(p for p in self.ports if p != port) if self.spread else ()
            browser = Browser(port, other_ports=others, timeout=20)
            outcome = Outcome(Journey(SLUG, self.variants[(index + n) % len(self.variants)]))
            try:
                begin(browser, outcome.journey)
                answer_pages(browser, outcome.journey)
            except (JourneyError, *NETWORK_ERRORS) as exc:
                outcome.error = f"{type(exc).__name__}: {exc}"
            finally:
                browser.close()
            with self._lock:
                self.outcomes.append(outcome)


def stored(url: str) -> dict[str, tuple[str, int]]:
    """Return every response in the database: token -> (status, number of answers)."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                select(Response.token, Response.status, func.count(Answer.id))
                .outerjoin(Answer, Answer.response_id == Response.id)
                .group_by(Response.id, Response.token, Response.status)
            ).all()
    finally:
        engine.dispose()
    tokens = [r[0] for r in rows]
    assert len(tokens) == len(set(tokens)), "a response token is stored twice"
    return {token: (status, answers) for token, status, answers in rows}


def submitted(rows: dict[str, tuple[str, int]]) -> dict[str, int]:
    """Return the submitted responses: token -> number of answers."""
    return {t: n for t, (status, n) in rows.items() if status == ResponseStatus.SUBMITTED}
