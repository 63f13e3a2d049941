"""Export benchmark: streamed CSV and XLSX against reading the same rows into pandas.

    python -m bench.export [--responses 20000] [--db /tmp/engage-results.db]

Each run is a fresh process, so its peak RSS is its own. The floor reads the answer rows into
a DataFrame and writes them with DataFrame.to_csv. The last line reads
`csv_ratio=<n> xlsx_ratio=<n> csv_s=<n> xlsx_s=<n> floor_s=<n> csv_peak_mib=<n> ...`.
"""
import argparse
import os
import tempfile

from bench.results_setup import SLUG, app_for, ensure_data, measure


def floor(db_path: str, out: str) -> int:
    """Read every answer row into pandas (pd.read_sql) and write it as CSV, at its plainest."""
    import pandas as pd

    from engage.analysis.frames import answers_query
    from engage.db import get_session
    from engage.services.summary import find

    with app_for(db_path).app_context():
        session = get_session()
        frame = pd.read_sql(answers_query(find(session, SLUG).id), session.connection())
        frame.to_csv(out, index=False)
        return len(frame)


def export(db_path: str, fmt: str, out: str) -> int:
    """Write one export to a file, chunk by chunk."""
    from engage.db import get_session
    from engage.services import exports
    from engage.services.summary import find

    with app_for(db_path).app_context(), open(out, "wb") as handle:
        session = get_session()
        for chunk in exports.export(session, find(session, SLUG), fmt):
            handle.write(chunk)
    return os.path.getsize(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--responses", type=int, default=20000)
    parser.add_argument("--db", default="/tmp/engage-results.db")
    args = parser.parse_args()
    ensure_data(args.db, args.responses)
    with tempfile.TemporaryDirectory() as folder:
        floor_s, floor_mib, rows = measure(floor, args.db, f"{folder}/floor.csv")
        csv_s, csv_mib, csv_bytes = measure(export, args.db, "csv", f"{folder}/out.csv")
        long_s, long_mib, _ = measure(export, args.db, "long.csv", f"{folder}/out.long.csv")
        xlsx_s, xlsx_mib, _ = measure(export, args.db, "xlsx", f"{folder}/out.xlsx")
    print(f"floor (read into pandas + to_csv): {floor_s:.2f}s peak {floor_mib:.0f} MiB, {rows:,} rows")
    print(f"csv: {csv_s:.2f}s peak {csv_mib:.0f} MiB ({csv_bytes / 1e6:.1f} MB); long.csv: "
          f"{long_s:.2f}s peak {long_mib:.0f} MiB; xlsx: {xlsx_s:.2f}s peak {xlsx_mib:.0f} MiB")
    print(f"csv_ratio={csv_s / floor_s:.2f} long_ratio={long_s / floor_s:.2f} "
          f"xlsx_ratio={xlsx_s / floor_s:.2f} csv_s={csv_s:.2f} long_s={long_s:.2f} "
          f"xlsx_s={xlsx_s:.2f} floor_s={floor_s:.2f} csv_peak_mib={csv_mib:.0f} "
          f"floor_peak_mib={floor_mib:.0f}")


if __name__ == "__main__":
    main()
