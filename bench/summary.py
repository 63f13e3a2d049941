"""Summary benchmark: the five-value summary against reading the same rows into pandas.

    python -m bench.summary [--responses 20000] [--new 1000] [--db /tmp/engage-results.db] [--no-floor]

The summary reads kept tallies (engage.results.tallies) after folding in the responses
submitted since the last summary, so it is timed three ways: cold (the first summary on this
database folds every response), warm (after --new more responses are submitted) and read (nothing
new to fold); then filtered by one school and by one priority group (read from the tallies' slices),
by the last two weeks with the online channel (the tallies' days and channels) and by the online
channel with English (the tallies' pairs of channel and language).
The floor is pd.read_sql of the answers query: the consultation's answer rows read into a
DataFrame (what any pandas summary must at least do). Only a sample of comments is read for
phrases and quotes. Each figure is printed with its ratio to the floor; the last line reads
`ratio=<warm/floor> cold_s=<n> warm_s=<n> read_s=<n> school_s=<n> group_s=<n> weeks_channel_s=<n>
channel_language_s=<n> floor_s=<n> responses=<n> answers=<n>`.
"""
import argparse
import re

from bench.results_setup import SLUG, app_for, ensure_data, measure


def floor(db_path: str) -> int:
    """Read every answer row of the consultation into pandas (pd.read_sql), nothing more.

    In chunks of 500,000 rows: all at once, a million responses' answers would need about 40 GiB.
    """
    import pandas as pd

    from engage.db import get_session
    from engage.results.answers import answers_query
    from engage.services.consultations import find

    with app_for(db_path).app_context():
        session = get_session()
        query = answers_query(find(session, SLUG).id)
        return sum(len(chunk) for chunk in pd.read_sql(query, session.connection(), chunksize=500_000))


def summary(db_path: str, filters: dict | None = None) -> int:
    """Build the whole protected summary (under filters, e.g. {"school_id": 3})."""
    from engage.db import get_session
    from engage.results.filters import Filters
    from engage.results.summary import summarise
    from engage.services.consultations import find

    with app_for(db_path).app_context():
        session = get_session()
        return summarise(session, find(session, SLUG), Filters(**(filters or {})))["responses"]


def a_school(db_path: str) -> int:
    """Return the school most responses of the benchmark consultation name."""
    from sqlalchemy import func, select

    from engage.db import get_session
    from engage.models import Response
    from engage.services.consultations import find

    with app_for(db_path).app_context():
        session = get_session()
        return session.scalar(select(Response.school_id).where(
            Response.consultation_id == find(session, SLUG).id, Response.school_id.is_not(None))
            .group_by(Response.school_id).order_by(func.count().desc()).limit(1))


def last_two_weeks(db_path: str) -> dict:
    """Return a date filter for the last fourteen days any response of the benchmark consultation was sent on."""
    from datetime import timedelta

    from sqlalchemy import func, select

    from engage.db import get_session
    from engage.models import Response
    from engage.services.consultations import find

    with app_for(db_path).app_context():
        session = get_session()
        last = session.scalar(select(func.max(Response.submitted_at)).where(
            Response.consultation_id == find(session, SLUG).id)).date()
        return {"date_from": last - timedelta(days=13), "date_to": last}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--responses", type=int, default=20000)
    parser.add_argument("--db", default="/tmp/engage-results.db")
    parser.add_argument("--new", type=int, default=1000, help="responses submitted between cold and warm")
    parser.add_argument("--no-floor", action="store_true",
                        help="time the summary alone (no ratio): for sizes where the floor takes too long")
    args = parser.parse_args()
    generated = ensure_data(args.db, args.responses)
    print(f"data ready ({generated:.1f}s generating)")
    floor_s, floor_mib, answers = (None, None, None) if args.no_floor else measure(floor, args.db)
    times = timed(args.db, args.responses, args.new)
    if floor_s is None:
        print(f"{times} (no floor measured)")
        return
    print(f"floor: {floor_s:.2f}s peak {floor_mib:.0f} MiB")
    for name, seconds in re.findall(r"(\w+)_s=([\d.]+)", times):
        print(f"  {name}: {float(seconds):.2f}s = {float(seconds) / floor_s:.3f} x floor")
    warm_s = float(times.split("warm_s=")[1].split()[0])
    print(f"ratio={warm_s / floor_s:.3f} {times} floor_s={floor_s:.2f} answers={answers}")


def timed(db_path: str, responses: int, new: int) -> str:
    """Time the summary cold, warm (after `new` more responses) and with nothing to fold."""
    cold_s, cold_mib, _ = measure(summary, db_path)
    print(f"cold: {cold_s:.2f}s peak {cold_mib:.0f} MiB", flush=True)
    ensure_data(db_path, responses + new)
    warm_s, warm_mib, people = measure(summary, db_path)
    print(f"warm (+{new}): {warm_s:.2f}s peak {warm_mib:.0f} MiB", flush=True)
    read_s, _, _ = measure(summary, db_path)
    print(f"read: {read_s:.2f}s", flush=True)
    school_s, _, _ = measure(summary, db_path, {"school_id": a_school(db_path)})
    print(f"filtered by school: {school_s:.2f}s", flush=True)
    group_s, _, _ = measure(summary, db_path, {"priority_group": "young_carer"})
    print(f"filtered by priority group: {group_s:.2f}s", flush=True)
    weeks_s, _, _ = measure(summary, db_path, {**last_two_weeks(db_path), "channel": "online"})
    print(f"filtered by the last two weeks and a channel: {weeks_s:.2f}s", flush=True)
    pair_s, _, _ = measure(summary, db_path, {"channel": "online", "language": "en"})
    print(f"filtered by a channel and a language: {pair_s:.2f}s", flush=True)
    return (f"cold_s={cold_s:.2f} warm_s={warm_s:.2f} read_s={read_s:.2f} school_s={school_s:.2f} "
            f"group_s={group_s:.2f} weeks_channel_s={weeks_s:.2f} channel_language_s={pair_s:.2f} responses={people}")


if __name__ == "__main__":
    main()
