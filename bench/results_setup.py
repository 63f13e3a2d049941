"""Shared set-up of the results benchmarks: a database with N synthetic responses.

The database is a SQLite file kept between runs (--db), so the summary and export benchmarks
can share one generated data set; it is generated only when it holds fewer responses.
"""
import multiprocessing
import resource
import time
from pathlib import Path

from sqlalchemy import func, select

from engage import create_app, migrate
from engage.db import get_session
from engage.models import Response

SLUG = "annual-survey-demo"


def app_for(db_path: str):
    """Return an app on the benchmark database, migrated and loaded."""
    url = f"sqlite:///{Path(db_path).resolve()}"
    return create_app({"DATABASE_URL": url, "SECRET_KEY": "bench"})


def ensure_data(db_path: str, responses: int) -> float:
    """Make sure the database holds `responses` synthetic responses; return generation seconds."""
    app = app_for(db_path)
    migrate.upgrade(app)
    with app.app_context():
        from engage.definitions.loader import load_directory
        from engage.models._time import utcnow
        from engage.services.demo.content import create_demo
        from engage.services.demo.synthetic import generate

        session = get_session()
        load_directory(session, Path(app.config["SURVEYS_DIR"]))
        consultation = create_demo(session, utcnow()).consultations[0]
        have = session.scalar(select(func.count(Response.id))
                              .where(Response.consultation_id == consultation.id)) or 0
        started = time.perf_counter()
        if have < responses:
            generate(session, consultation, responses - have, seed=have + 1, batch=5000,
                     progress=lambda d: print(f"  generated {have + d:,}", flush=True)
                     if d % 20000 == 0 else None)
        return time.perf_counter() - started


def _child(target, args, queue) -> None:
    started = time.perf_counter()
    extra = target(*args)
    seconds = time.perf_counter() - started
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    queue.put((seconds, peak_mib, extra))


def measure(target, *args) -> tuple[float, float, object]:
    """Run target(*args) in a fresh process; return (seconds, peak RSS MiB, its result)."""
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    process = context.Process(target=_child, args=(target, args, queue))
    process.start()
    result = queue.get()
    process.join()
    return result
