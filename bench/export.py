"""Export benchmark: every export (CSV, long CSV, XLSX, .sav) against reading the same rows into pandas.

    python -m bench.export [--responses 20000] [--db /tmp/engage-results.db]
                           [--formats csv,long.csv,xlsx,sav] [--database sqlite|postgresql]

Each run is a fresh process, so its peak RSS is its own. The floor reads the answer rows into
DataFrames (pd.read_sql, 100,000 rows at a time, so a million responses fit in memory) and
writes them with DataFrame.to_csv. Each format's line gives its time as a ratio to that floor,
measured in the same run (wall and CPU: CPU is steadier on a shared machine). The last line
reads `floor_s=<n> floor_peak_mib=<n> csv_s=<n> csv_ratio=<n> csv_peak_mib=<n> ...` for each.

CPU counts the process and the workers it waited for (the long CSV is written by several);
peak RSS is the process's own, and a worker's is printed beside it. With `--database postgresql`
the SQLite database is copied into a throwaway PostgreSQL cluster first (bench.postgres_copy).
"""
import argparse
import os
import resource
import tempfile
from contextlib import contextmanager
from pathlib import Path

from bench.results_setup import SLUG, ensure_data, measure


def _cpu_s() -> float:
    """CPU seconds of this process and its finished workers: steadier than wall time on a busy machine."""
    return sum(u.ru_utime + u.ru_stime for u in (resource.getrusage(resource.RUSAGE_SELF),
                                                 resource.getrusage(resource.RUSAGE_CHILDREN)))


def _worker_mib() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def _app(url: str):
    from engage import create_app

    return create_app({"DATABASE_URL": url, "SECRET_KEY": "bench"})


@contextmanager
def database(db_path: str, engine: str):
    """Yield the URL of the benchmark database on the chosen engine."""
    source = f"sqlite:///{Path(db_path).resolve()}"
    if engine == "sqlite":
        yield source
        return
    from bench.postgres_copy import copy_database
    from tests.pg import postgres_cluster

    with postgres_cluster() as url:
        print(f"copied into PostgreSQL in {copy_database(source, url):.0f} s", flush=True)
        yield url


def floor(url: str, out: str) -> tuple[int, float]:
    """Read every answer row into pandas (pd.read_sql) and write it as CSV, at its plainest."""
    import pandas as pd

    from engage.db import get_session
    from engage.results.answers import answers_query
    from engage.services.consultations import find

    with _app(url).app_context():
        session = get_session()
        rows = 0
        query = answers_query(find(session, SLUG).id)
        for n, frame in enumerate(pd.read_sql(query, session.connection(), chunksize=100_000)):
            frame.to_csv(out, index=False, mode="a" if n else "w", header=not n)
            rows += len(frame)
        return rows, _cpu_s()


def export(url: str, fmt: str, out: str) -> tuple[int, float, float]:
    """Write one export to a file, chunk by chunk."""
    from engage.db import get_session
    from engage.results import exports
    from engage.services.consultations import find

    with _app(url).app_context(), open(out, "wb") as handle:
        session = get_session()
        for chunk in exports.export(session, find(session, SLUG), fmt):
            handle.write(chunk)
    return os.path.getsize(out), _cpu_s(), _worker_mib()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--responses", type=int, default=20000)
    parser.add_argument("--db", default="/tmp/engage-results.db")
    parser.add_argument("--formats", default="csv,long.csv,xlsx,sav")
    parser.add_argument("--database", choices=["sqlite", "postgresql"], default="sqlite")
    args = parser.parse_args()
    ensure_data(args.db, args.responses)
    with database(args.db, args.database) as url:
        run(url, args.formats.split(","))


def run(url: str, formats: list[str]) -> None:
    """Measure the floor, then each format, and print their figures."""
    figures = []
    with tempfile.TemporaryDirectory() as folder:
        floor_s, floor_mib, (rows, floor_cpu) = measure(floor, url, f"{folder}/floor.csv")
        print(f"floor (read into pandas + to_csv): {floor_s:.2f}s ({floor_cpu:.1f} s CPU) peak "
              f"{floor_mib:.0f} MiB, {rows:,} rows", flush=True)
        figures.append(f"floor_s={floor_s:.2f} floor_cpu_s={floor_cpu:.1f} floor_peak_mib={floor_mib:.0f}")
        for fmt in formats:
            seconds, mib, (size, cpu, worker_mib) = measure(export, url, fmt, f"{folder}/out.{fmt}")
            workers = f", workers {worker_mib:.0f} MiB" if worker_mib else ""
            print(f"{fmt}: {seconds:.2f}s, ratio to the floor {seconds / floor_s:.2f} ({cpu:.1f} s CPU, "
                  f"ratio {cpu / floor_cpu:.2f}) peak {mib:.0f} MiB{workers} ({size / 1e6:.1f} MB)", flush=True)
            name = fmt.replace(".csv", "")
            figures.append(f"{name}_s={seconds:.2f} {name}_ratio={seconds / floor_s:.2f} "
                           f"{name}_cpu_ratio={cpu / floor_cpu:.2f} {name}_peak_mib={mib:.0f}")
    print(" ".join(figures))


if __name__ == "__main__":
    main()
