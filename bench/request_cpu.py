"""CPU per request of the submission journey, in one process with no server or network.

    python -m bench.request_cpu [--database sqlite|postgresql] [--journeys 20] [--warmup 4]
                                [--profile out.prof]

The benchmark's own journey (bench/journey.py) walked through Flask's test client, alternating
the secondary and primary surveys, on a fresh database prepared as `bench.submit` prepares it.
It prints `time.process_time` per journey, per survey page GET and per page POST, which moves
far less with a busy machine than responses a second do. With --profile it writes cProfile
stats of the measured journeys.
"""
import argparse
import cProfile
import secrets
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from bench import serve
from bench.journey import Browser, Reply, walk
from bench.submit import SLUG, databases


@dataclass
class TestClientBrowser(Browser):
    """The journey's browser, sending its requests through a Flask test client."""

    client: object = None
    cpu: dict | None = None

    def request(self, method: str, path: str, body: bytes | None, kind: str) -> Reply:
        """Send one request through the test client and charge its CPU to `kind`."""
        started = time.process_time()
        response = self.client.open(path, method=method, data=body,
                                    content_type="application/x-www-form-urlencoded" if body else None)
        took = time.process_time() - started
        self.cpu[kind].append(took)
        location = response.headers.get("Location", "")
        self.timings.append((kind, took, started))
        return Reply(response.status_code, location.split("?", 1)[0], response.get_data(as_text=True))


def run(app, journeys: int, warmup: int, profile: str | None) -> dict:
    """Walk the journeys; return CPU seconds per kind of request over the measured ones."""
    variants = ["secondary", "primary"]
    for n in range(warmup):
        _walk(app, variants[n % 2], defaultdict(list))
    cpu: dict = defaultdict(list)
    profiler = cProfile.Profile() if profile else None
    started = time.process_time()
    if profiler:
        profiler.enable()
    for n in range(journeys):
        _walk(app, variants[n % 2], cpu)
    if profiler:
        profiler.disable()
        profiler.dump_stats(profile)
    cpu["journey"] = [(time.process_time() - started) / journeys]
    return cpu


def _walk(app, variant: str, cpu: dict) -> None:
    with app.test_client() as client:
        walk(TestClientBrowser(port=0, client=client, cpu=cpu), SLUG, variant)


def main(argv: list[str] | None = None) -> int:
    """Prepare a database, walk the journeys, print CPU per request."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--journeys", type=int, default=20)
    parser.add_argument("--warmup", type=int, default=4)
    parser.add_argument("--profile")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="engage-cpu-") as tmp, databases(args.database, Path(tmp)) as urls:
        env = {"ENGAGE_DATABASE_URL": urls[0], "ENGAGE_SECRET_KEY": secrets.token_hex(32)}
        serve.prepare_app_database(env)
        from engage import create_app

        app = create_app({"DATABASE_URL": urls[0], "SECRET_KEY": env["ENGAGE_SECRET_KEY"]})
        cpu = run(app, args.journeys, args.warmup, args.profile)
    for kind in ("journey", "page_get", "page_post", "submit", "notice", "begin", "start_page"):
        if cpu.get(kind):
            values = cpu[kind]
            print(f"{kind:<11} {1000 * sum(values) / len(values):7.2f} ms CPU  (n={len(values)})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
