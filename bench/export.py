"""Export benchmark: every export (CSV, long CSV, XLSX, .sav) against reading the same rows into pandas.

    python -m bench.export [--responses 20000] [--db /tmp/engage-results.db]
                           [--formats csv,long.csv,xlsx,sav]

Each run is a fresh process, so its peak RSS is its own. The floor reads the answer rows into
DataFrames (pd.read_sql, 100,000 rows at a time, so a million responses fit in memory) and
writes them with DataFrame.to_csv. Each format's line gives its time as a ratio to that floor,
measured in the same run (wall and CPU: CPU is steadier on a shared machine). The last line
reads `floor_s=<n> floor_peak_mib=<n> csv_s=<n> csv_ratio=<n> csv_peak_mib=<n> ...` for each.
"""
import argparse
import os
import resource
import tempfile

from bench.results_setup import SLUG, app_for, ensure_data, measure


def _cpu_s() -> float:
    """CPU seconds of this process: steadier than wall time on a machine others are using."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def floor(db_path: str, out: str) -> tuple[int, float]:
    """Read every answer row into pandas (pd.read_sql) and write it as CSV, at its plainest."""
    import pandas as pd

    from engage.db import get_session
    from engage.results.answers import answers_query
    from engage.services.consultations import find

    with app_for(db_path).app_context():
        session = get_session()
        rows = 0
        query = answers_query(find(session, SLUG).id)
        for n, frame in enumerate(pd.read_sql(query, session.connection(), chunksize=100_000)):
            frame.to_csv(out, index=False, mode="a" if n else "w", header=not n)
            rows += len(frame)
        return rows, _cpu_s()


def export(db_path: str, fmt: str, out: str) -> tuple[int, float]:
    """Write one export to a file, chunk by chunk."""
    from engage.db import get_session
    from engage.results import exports
    from engage.services.consultations import find

    with app_for(db_path).app_context(), open(out, "wb") as handle:
        session = get_session()
        for chunk in exports.export(session, find(session, SLUG), fmt):
            handle.write(chunk)
    return os.path.getsize(out), _cpu_s()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--responses", type=int, default=20000)
    parser.add_argument("--db", default="/tmp/engage-results.db")
    parser.add_argument("--formats", default="csv,long.csv,xlsx,sav")
    args = parser.parse_args()
    ensure_data(args.db, args.responses)
    figures = []
    with tempfile.TemporaryDirectory() as folder:
        floor_s, floor_mib, (rows, floor_cpu) = measure(floor, args.db, f"{folder}/floor.csv")
        print(f"floor (read into pandas + to_csv): {floor_s:.2f}s ({floor_cpu:.1f} s CPU) peak "
              f"{floor_mib:.0f} MiB, {rows:,} rows", flush=True)
        figures.append(f"floor_s={floor_s:.2f} floor_cpu_s={floor_cpu:.1f} floor_peak_mib={floor_mib:.0f}")
        for fmt in args.formats.split(","):
            seconds, mib, (size, cpu) = measure(export, args.db, fmt, f"{folder}/out.{fmt}")
            print(f"{fmt}: {seconds:.2f}s, ratio to the floor {seconds / floor_s:.2f} ({cpu:.1f} s CPU, "
                  f"ratio {cpu / floor_cpu:.2f}) peak {mib:.0f} MiB ({size / 1e6:.1f} MB)", flush=True)
            name = fmt.replace(".csv", "")
            figures.append(f"{name}_s={seconds:.2f} {name}_ratio={seconds / floor_s:.2f} "
                           f"{name}_cpu_ratio={cpu / floor_cpu:.2f} {name}_peak_mib={mib:.0f}")
    print(" ".join(figures))


if __name__ == "__main__":
    main()
