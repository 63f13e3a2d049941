"""The lock files are in step with the requirements: every pin there is in its lock, with hashes.

Fails when a package was added or changed in requirements.txt / requirements-dev.txt without
`make lock`, so CI (which installs from the locks) never runs with something else.
"""
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PIN = re.compile(r"^([A-Za-z0-9._-]+)(?:\[[^\]]*\])?==([^\s;#]+)", re.MULTILINE)


def _pins(text: str) -> dict[str, str]:
    return {re.sub(r"[-_.]+", "-", name).lower(): version for name, version in PIN.findall(text)}


@pytest.mark.parametrize(("source", "lock"), [("requirements.txt", "requirements.lock"),
                                              ("requirements-dev.txt", "requirements-dev.lock")])
def test_every_pin_is_locked_at_the_same_version(source, lock):
    wanted = _pins((ROOT / source).read_text(encoding="utf-8"))
    if source == "requirements-dev.txt":
        wanted |= _pins((ROOT / "requirements.txt").read_text(encoding="utf-8"))
    locked = _pins((ROOT / lock).read_text(encoding="utf-8"))
    assert {name: version for name, version in wanted.items() if locked.get(name) != version} == {}, \
        f"run `make lock`: {source} and {lock} differ"


@pytest.mark.parametrize("lock", ["requirements.lock", "requirements-dev.lock"])
def test_every_locked_package_has_a_hash(lock):
    entries = re.split(r"\n(?=[A-Za-z0-9])", (ROOT / lock).read_text(encoding="utf-8"))
    packages = [e for e in entries if PIN.match(e)]
    assert len(packages) > 40 and all("--hash=sha256:" in e for e in packages)
