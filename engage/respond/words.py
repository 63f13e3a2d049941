"""The respondent copy for a variant, from surveys/copy.yaml."""
from pathlib import Path

from flask import current_app

from engage.definitions.copy import load_copy

# Pages seen before anyone says who they are use the simplest wording.
GENERAL = "primary"


def words(variant: str = GENERAL) -> dict:
    """Return every sentence for this variant."""
    return load_copy(str(Path(current_app.config["SURVEYS_DIR"]) / "copy.yaml"))[variant]


def audience_labels() -> dict[str, str]:
    """Return the start page's "who are you" labels, by variant."""
    return load_copy(str(Path(current_app.config["SURVEYS_DIR"]) / "copy.yaml"))["audiences"]
