"""Submission benchmark: concurrent respondents complete real journeys; app vs a bare baseline.

    python -m bench.submit [--database sqlite|postgresql] [--concurrency 32] [--duration 20]
                           [--servers 2]

With --servers N, N gunicorns (each with --workers) serve the same database on their own
ports, and each new journey goes to the next server in turn, as a round-robin balancer would.

Both servers run under gunicorn.conf.py on 127.0.0.1 with the same workers, each on a fresh
database, one after the other in the same run. The last line reads
`ratio=<app/baseline> app_rps=<n> baseline_rps=<n> p99_ms=<n>` (p99 of the app's requests).
"""
import argparse
import json
import secrets
import tempfile
import threading
import time
from collections.abc import Callable
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from bench import serve
from bench.baseline_app import create_schema
from bench.journey import NETWORK_ERRORS, Browser, JourneyError, walk

SLUG = "annual-survey-demo"
HARD_STOP = 300  # seconds: no run, however configured, outlives this


@dataclass
class Result:
    """What one timed run measured."""

    label: str
    journeys: int
    seconds: float
    requests: int
    latencies: list[float]
    submit_latencies: list[float]
    errors: list[str] = field(default_factory=list)
    client_cpu: float = 0.0
    server_cpu: float = 0.0

    @property
    def rps(self) -> float:
        """Completed responses per second."""
        return self.journeys / self.seconds if self.seconds else 0.0

    def pct(self, q: float, values: list[float] | None = None) -> float:
        """Return the q-th percentile of request latency, in milliseconds."""
        data = sorted(self.latencies if values is None else values)
        if not data:
            return 0.0
        return 1000 * data[min(len(data) - 1, int(q / 100 * len(data)))]


def run_load(port: int | list[int], variants: list[str], concurrency: int, warmup: float, duration: float,
             max_journeys: int, master_pid: int | list[int] | None = None, label: str = "") -> Result:
    """Run `concurrency` respondents in a closed loop; measure the steady state after a warm-up.

    A journey takes seconds, so respondents start before the measured window opens and the
    window counts the responses completed inside it (and the requests started inside it).
    Given several ports, each journey goes to the next one in turn.
    """
    ports = port if isinstance(port, list) else [port]
    masters = master_pid if isinstance(master_pid, list) else [master_pid] if master_pid else []
    stop = threading.Event()
    lock = threading.Lock()
    finished: list[float] = []
    timings: list[tuple[str, float, float]] = []
    errors: list[str] = []
    opens = time.perf_counter() + warmup
    closes = opens + duration

    def respondent(index: int) -> None:
        n = 0
        while not stop.is_set() and time.perf_counter() < closes:
            browser = Browser(ports[(index + n) % len(ports)])
            variant = variants[(index + n) % len(variants)]
            n += 1
            try:
                walk(browser, SLUG, variant)
            except (JourneyError, *NETWORK_ERRORS) as exc:
                with lock:
                    errors.append(f"{type(exc).__name__}: {exc}")
            else:
                with lock:
                    now = time.perf_counter()
                    if opens <= now <= closes:
                        finished.append(now)
                    if len(finished) >= max_journeys:
                        stop.set()
            finally:
                browser.close()
                with lock:
                    timings.extend(browser.timings)

    threads = [threading.Thread(target=respondent, args=(i,), daemon=True) for i in range(concurrency)]
    for thread in threads:
        thread.start()
    time.sleep(max(0.0, opens - time.perf_counter()))
    cpu0, server0 = time.process_time(), _server_cpu(masters)
    while not stop.is_set() and time.perf_counter() < closes:
        time.sleep(0.05)
    end = min(time.perf_counter(), closes)
    cpu1, server1 = time.process_time(), _server_cpu(masters)
    stop.set()
    for thread in threads:
        thread.join(timeout=120)
    in_window = [(kind, took) for kind, took, at in timings if opens <= at <= end]
    return Result(
        label=label, journeys=len(finished), seconds=end - opens, requests=len(in_window),
        latencies=[t for _, t in in_window], submit_latencies=[t for k, t in in_window if k == "submit"],
        errors=errors, client_cpu=(cpu1 - cpu0) / (end - opens), server_cpu=server1 - server0,
    )


def _server_cpu(masters: list[int]) -> float:
    return sum(serve.cpu_seconds(pid) for pid in masters)


def capture_pages(port: int, variants: list[str]) -> dict:
    """Walk each variant once against the app and keep every page it served, for the baseline."""
    captured: dict = {"variants": {}}
    for variant in variants:
        browser = Browser(port, kept={})
        walk(browser, SLUG, variant)
        browser.close()
        pages = [browser.kept[f"/answer/{n}"] for n in range(1, len(browser.kept))
                 if f"/answer/{n}" in browser.kept]
        captured["start"] = browser.kept["/"]
        captured["variants"][variant] = {"notice": browser.kept[f"/c/{SLUG}/{variant}"], "pages": pages}
    return captured


@contextmanager
def databases(engine: str, workdir: Path):
    """Yield (app URL, baseline URL): two fresh databases on the chosen engine."""
    if engine == "sqlite":
        yield f"sqlite:///{workdir / 'app.db'}", f"sqlite:///{workdir / 'baseline.db'}"
        return
    import psycopg

    from tests.pg import postgres_cluster

    with postgres_cluster() as url:
        with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"), autocommit=True) as c:
            c.execute("CREATE DATABASE baseline")
        yield url, url.rsplit("/", 1)[0] + "/baseline"


def measure(label: str, app: str, env: dict, args: argparse.Namespace, workdir: Path,
            before: Callable[[int], None] | None = None) -> Result:
    """Serve one app (on --servers servers), warm it up, then time it."""
    with ExitStack() as stack:
        ports = [serve.free_port() for _ in range(args.servers)]
        procs = [stack.enter_context(serve.gunicorn(app, port, env, args.workers, log=workdir / f"{label}.log"))
                 for port in ports]
        if before:
            before(ports[0])
        result = run_load(ports, args.variants, args.concurrency, args.warmup, args.duration,
                          args.journeys, master_pid=[p.pid for p in procs], label=label)
    if result.errors:
        log = (workdir / f"{label}.log").read_text(errors="replace").splitlines()
        print(f"{label} server log (last lines):", *log[-25:], sep="\n")
    return result


def report(result: Result) -> None:
    """Print one server's figures."""
    print(f"{result.label:9} {result.journeys:6d} responses in {result.seconds:5.1f} s = "
          f"{result.rps:7.1f} responses/s ({result.requests / max(result.seconds, 1e-9):6.0f} req/s); "
          f"latency ms p50 {result.pct(50):.1f} p95 {result.pct(95):.1f} p99 {result.pct(99):.1f}, "
          f"submit p99 {result.pct(99, result.submit_latencies):.1f}; "
          f"server cpu {1000 * result.server_cpu / max(result.journeys, 1):.1f} ms/response; "
          f"client cpu {100 * result.client_cpu:.0f}% of a core; errors {len(result.errors)}")
    for error in sorted(set(result.errors))[:5]:
        print(f"          error: {error}")


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its figures; return 1 if any journey failed."""
    args = parse_args(argv)
    with ExitStack() as stack:
        workdir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="engage-bench-")))
        app_url, base_url = stack.enter_context(databases(args.database, workdir))
        app_env = {"ENGAGE_DATABASE_URL": app_url, "ENGAGE_SECRET_KEY": secrets.token_hex(32)}
        serve.prepare_app_database(app_env)
        create_schema(base_url)
        pages_file = workdir / "pages.json"
        base_env = {"BASELINE_DATABASE_URL": base_url, "BASELINE_PAGES": str(pages_file)}

        def capture(port: int) -> None:
            pages_file.write_text(json.dumps(capture_pages(port, args.variants)))

        print(f"engage submission benchmark: {args.database}, {args.concurrency} respondents, "
              f"{args.servers} server(s) x {args.workers or 'gunicorn.conf.py'} sync workers, {args.duration:g} s or "
              f"{args.journeys} responses, variants {','.join(args.variants)}", flush=True)
        app = measure("app", "engage:create_app()", app_env, args, workdir, before=capture)
        base = measure("baseline", "bench.baseline_app:create_app()", base_env, args, workdir)
    per_journey = app.requests / max(app.journeys, 1)
    report(app)
    report(base)
    ratio = app.rps / base.rps if base.rps else 0.0
    # Server CPU per response is steadier than rates on a shared machine: say it too.
    app_cpu, base_cpu = (r.server_cpu / max(r.journeys, 1) for r in (app, base))
    print(f"cpu_ratio={base_cpu / app_cpu if app_cpu else 0.0:.2f} (baseline/app server CPU per response: "
          f"{1000 * base_cpu:.1f} ms / {1000 * app_cpu:.1f} ms); {per_journey:.1f} requests per response")
    print(f"ratio={ratio:.2f} app_rps={app.rps:.1f} baseline_rps={base.rps:.1f} p99_ms={app.pct(99):.1f}")
    return 1 if app.errors or base.errors else 0


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Read the command line."""
    parser = argparse.ArgumentParser(prog="python -m bench.submit", description=__doc__.splitlines()[0])
    parser.add_argument("--database", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--concurrency", type=int, default=32, help="virtual respondents (default 32)")
    parser.add_argument("--duration", type=float, default=20, help="seconds per server (default 20)")
    parser.add_argument("--journeys", type=int, default=2000, help="stop after this many responses")
    parser.add_argument("--warmup", type=float, default=15,
                        help="seconds of load before the measured window opens (default 15)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (0: gunicorn.conf.py)")
    parser.add_argument("--servers", type=int, default=1, help="gunicorn servers on one database (default 1)")
    parser.add_argument("--variants", type=lambda s: s.split(","), default=["secondary", "primary"],
                        help="audiences to cycle through (default secondary,primary)")
    args = parser.parse_args(argv)
    args.duration = min(args.duration, HARD_STOP / 3)
    return args


if __name__ == "__main__":
    raise SystemExit(main())
