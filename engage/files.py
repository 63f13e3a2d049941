"""Files that hold personal data or secrets are readable by the app's own user only."""
import os
from pathlib import Path

OWNER_ONLY_FILE = 0o600
OWNER_ONLY_DIR = 0o700


def private_dir(path: Path) -> None:
    """Create the folder if needed and close it to other users (everything inside is then private)."""
    path.mkdir(parents=True, exist_ok=True, mode=OWNER_ONLY_DIR)
    _restrict(path, OWNER_ONLY_DIR)


def private_file(path: Path) -> None:
    """Create the file empty if it is missing, owner-only; close an existing one of ours to others."""
    path.parent.mkdir(parents=True, exist_ok=True)
    os.close(os.open(path, os.O_CREAT | os.O_WRONLY, OWNER_ONLY_FILE))
    _restrict(path, OWNER_ONLY_FILE)


def write_private(path: Path, text: str) -> None:
    """Write text to a file that no other user can ever read, not even while it is written."""
    fd = os.open(path, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, OWNER_ONLY_FILE)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(text)
    _restrict(path, OWNER_ONLY_FILE)


def _restrict(path: Path, mode: int) -> None:
    """Take away group and other access from a file or folder this user owns."""
    info = path.stat()
    if info.st_uid == os.getuid() and info.st_mode & 0o077:
        path.chmod(mode)
