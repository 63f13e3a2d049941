"""Trained models kept on disk, keyed by a hash of the data and code they were built from.

Training the safeguarding screen or the value tagger takes seconds to half a minute on a busy
machine; `make setup` (or `flask --app engage model build`) builds them once, and every process
after that loads them in a fraction of a second. A model whose data or code changed has a new key, so a
stale one is never used; a missing or unreadable cache just means training in memory.

The folder is ENGAGE_MODEL_CACHE, else .cache/models beside the code. It holds only what we
wrote ourselves from the shipped data (no respondent's text), so loading it is safe.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parent.parent.parent
T = TypeVar("T")
log = logging.getLogger(__name__)


def cache_dir() -> Path:
    """Return the folder that holds built models."""
    return Path(os.environ.get("ENGAGE_MODEL_CACHE") or ROOT / ".cache" / "models")


def fingerprint(paths: Iterable[Path], extra: str = "") -> str:
    """Hash the contents (and names) of files, in a fixed order, plus any extra text."""
    digest = hashlib.sha256(extra.encode())
    for path in sorted(set(paths)):
        digest.update(str(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:20]


def path_for(name: str, key: str) -> Path:
    """Return the file a model of this name and key lives in."""
    return cache_dir() / f"{name}-{key}.pickle"


def load_or_build(name: str, key: str, build: Callable[[], T]) -> T:
    """Load the model built for key, else build it and keep it for the next process."""
    path = path_for(name, key)
    if path.exists():
        try:
            with path.open("rb") as handle:
                return pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            log.warning("Could not read the built model %s; training it again", path)
    built = build()
    save(built, path)
    return built


def save(obj: object, path: Path) -> None:
    """Write atomically (a half-written file must never be loaded); a read-only disk is fine."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as handle:
            pickle.dump(obj, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handle.name, path)
        for old in path.parent.glob(path.name.split("-")[0] + "-*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        log.warning("Could not keep the built model at %s; it lives in memory only", path)
