"""Imports run one way: each layer of engage imports only from its own layer and those below it."""
import ast
from pathlib import Path

import pytest

ENGAGE = Path(__file__).resolve().parents[2] / "engage"
# Lowest first (the schema is the ground; definitions are loaded into it).
# Blueprints, forms and commands sit above everything listed here.
LAYERS = ["models", "definitions", "analysis", "reports", "results", "services"]
# Shared ground every layer may use: settings, the database session, the framework file, counts in words.
GROUND = {"engage.db", "engage.config", "engage.framework", "engage.extensions", "engage.models._time",
          "engage.words"}
# Pure layers hold no database: text in, values out (analysis) and rows in, bytes out (reports).
PURE = {"analysis", "reports"}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name.startswith("engage")}


def _layer(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in LAYERS else None


def _allowed(layer: str, target: str) -> bool:
    if target in GROUND or target == "engage":
        return layer not in PURE or target == "engage.framework"
    other = _layer(target)
    if other is None:
        return False  # a blueprint, form or command: above every layer
    if layer in PURE and other in ("models", "results", "services"):
        return False
    return LAYERS.index(other) <= LAYERS.index(layer)


@pytest.mark.parametrize("layer", LAYERS)
def test_no_import_runs_back_up(layer):
    wrong = [f"{path.relative_to(ENGAGE)} imports {target}"
             for path in sorted((ENGAGE / layer).rglob("*.py"))
             for target in sorted(_imports(path)) if not _allowed(layer, target)]
    assert wrong == []


def test_analysis_runs_no_sql():
    users = [str(p.relative_to(ENGAGE)) for p in sorted((ENGAGE / "analysis").rglob("*.py"))
             if "sqlalchemy" in p.read_text(encoding="utf-8")]
    assert users == []
