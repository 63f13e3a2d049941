"""Commands live in one place: engage/cli holds every command, and nothing else in engage uses it."""
import ast
from pathlib import Path

ENGAGE = Path(__file__).resolve().parents[2] / "engage"
CLI = ENGAGE / "cli"
# The app factory registers the commands; it is the one module outside engage/cli that may.
FACTORY = ENGAGE / "__init__.py"


def _imported(path: Path) -> set[str]:
    """Return every module a file imports, `from a import b` counted as both a and a.b."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def _outside_cli() -> list[Path]:
    return [p for p in sorted(ENGAGE.rglob("*.py")) if CLI not in p.parents]


def _uses(path: Path, package: str) -> bool:
    return any(name == package or name.startswith(package + ".") for name in _imported(path))


def test_only_the_cli_package_defines_commands():
    users = [str(p.relative_to(ENGAGE)) for p in _outside_cli() if _uses(p, "click") or _uses(p, "flask.cli")]
    assert users == []


def test_nothing_below_imports_the_cli():
    users = [str(p.relative_to(ENGAGE)) for p in _outside_cli() if p != FACTORY and _uses(p, "engage.cli")]
    assert users == []


def test_the_factory_registers_the_cli_package():
    assert "engage.cli" in _imported(FACTORY)
    assert (CLI / "__init__.py").is_file()
