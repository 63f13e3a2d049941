"""Summary benchmark: the five-value summary against reading the same rows into pandas.

    python -m bench.summary [--responses 20000] [--db /tmp/engage-results.db]

The floor is pd.read_sql of the answers query: the consultation's answer rows read into a
DataFrame (what any pandas summary must at least do). The summary itself no longer reads those
rows: the database counts them (GROUP BY, engage.services.summary_queries) and only a sample of
comments is read for phrases and quotes. The last line reads
`ratio=<summary/floor> summary_s=<n> floor_s=<n> responses=<n> answers=<n>`.
"""
import argparse

from bench.results_setup import SLUG, app_for, ensure_data, measure


def floor(db_path: str) -> int:
    """Read every answer row of the consultation into pandas (pd.read_sql), nothing more."""
    import pandas as pd

    from engage.analysis.frames import answers_query
    from engage.db import get_session
    from engage.services.summary import find

    with app_for(db_path).app_context():
        session = get_session()
        query = answers_query(find(session, SLUG).id)
        return len(pd.read_sql(query, session.connection()))


def summary(db_path: str) -> int:
    """Build the whole protected summary."""
    from engage.db import get_session
    from engage.services.summary import find, summarise

    with app_for(db_path).app_context():
        session = get_session()
        return summarise(session, find(session, SLUG))["responses"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--responses", type=int, default=20000)
    parser.add_argument("--db", default="/tmp/engage-results.db")
    parser.add_argument("--no-floor", action="store_true",
                        help="time the summary alone (no ratio): for sizes where the floor takes too long")
    args = parser.parse_args()
    generated = ensure_data(args.db, args.responses)
    print(f"data ready ({generated:.1f}s generating)")
    if args.no_floor:
        summary_s, summary_mib, people = measure(summary, args.db)
        print(f"summary_s={summary_s:.2f} peak_mib={summary_mib:.0f} responses={people} (no floor measured)")
        return
    floor_s, floor_mib, answers = measure(floor, args.db)
    summary_s, summary_mib, people = measure(summary, args.db)
    print(f"floor: {floor_s:.2f}s peak {floor_mib:.0f} MiB; summary: {summary_s:.2f}s "
          f"peak {summary_mib:.0f} MiB")
    print(f"ratio={summary_s / floor_s:.2f} summary_s={summary_s:.2f} floor_s={floor_s:.2f} "
          f"responses={people} answers={answers}")


if __name__ == "__main__":
    main()
