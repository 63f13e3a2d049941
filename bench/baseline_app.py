"""The benchmark's baseline: a bare Flask app serving the same journey with one insert per post.

It serves the very pages the real app rendered (captured by bench.submit, so the client
parses the same bytes), keeps the response token in Flask's signed session cookie, and
stores each post with one plain INSERT in autocommit: no ORM, no forms, no CSRF check,
no templates. The real app's rate is compared with this one's, measured in the same run.

Settings: BASELINE_DATABASE_URL (sqlite:///FILE or postgresql+psycopg://...) and
BASELINE_PAGES (the JSON file of captured pages).
"""
import json
import os
import secrets
import sqlite3

from flask import Flask, abort, redirect, request, session

SCHEMA = (
    "CREATE TABLE IF NOT EXISTS bench_responses (id {pk}, token VARCHAR(43) UNIQUE NOT NULL, "
    "variant VARCHAR(20) NOT NULL)",
    "CREATE TABLE IF NOT EXISTS bench_answers (id {pk}, token VARCHAR(43) NOT NULL, "
    "page INTEGER NOT NULL, payload TEXT NOT NULL)",
)


def connect(url: str):
    """Open an autocommit DB-API connection: SQLite in WAL like the app, or psycopg."""
    if url.startswith("sqlite"):
        conn = sqlite3.connect(url.split("///", 1)[1], timeout=30, isolation_level=None,
                               check_same_thread=False)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        return conn
    import psycopg

    return psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"), autocommit=True)


def create_schema(url: str) -> None:
    """Create the baseline's two tables."""
    pk = "INTEGER PRIMARY KEY" if url.startswith("sqlite") else "SERIAL PRIMARY KEY"
    conn = connect(url)
    try:
        for statement in SCHEMA:
            conn.execute(statement.format(pk=pk))
    finally:
        conn.close()


def create_app() -> Flask:
    """Build the baseline app from BASELINE_DATABASE_URL and BASELINE_PAGES."""
    url = os.environ["BASELINE_DATABASE_URL"]
    with open(os.environ["BASELINE_PAGES"], encoding="utf-8") as f:
        captured = json.load(f)
    placeholder = "%s" if not url.startswith("sqlite") else "?"
    app = Flask(__name__)
    # Every worker must sign cookies with the same key (as every engage server must).
    app.config["SECRET_KEY"] = os.environ.get("BASELINE_SECRET_KEY", "baseline-benchmark-only")
    state: dict = {}

    def db():
        # One connection per worker process, opened after gunicorn forks.
        if "conn" not in state:
            state["conn"] = connect(url)
        return state["conn"]

    @app.get("/")
    def start():
        return captured["start"]

    @app.get("/c/<slug>/<variant>")
    def notice(slug: str, variant: str):
        return captured["variants"][variant]["notice"]

    @app.post("/c/<slug>/<variant>/start")
    def begin(slug: str, variant: str):
        token = secrets.token_urlsafe(32)
        db().execute(f"INSERT INTO bench_responses (token, variant) VALUES ({placeholder}, {placeholder})",
                     (token, variant))
        session["token"], session["variant"] = token, variant
        return redirect("/answer/1")

    @app.get("/answer/<int:number>")
    def page(number: int):
        pages = captured["variants"][session["variant"]]["pages"]
        if not 1 <= number <= len(pages):
            abort(404)
        return pages[number - 1]

    @app.post("/answer/<int:number>")
    def save(number: int):
        payload = json.dumps(request.form.to_dict(flat=False))
        db().execute(
            f"INSERT INTO bench_answers (token, page, payload) VALUES ({placeholder}, {placeholder}, "
            f"{placeholder})", (session["token"], number, payload))
        total = len(captured["variants"][session["variant"]]["pages"])
        return redirect("/thanks" if number >= total else f"/answer/{number + 1}")

    return app
