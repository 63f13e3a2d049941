"""Respondent copy: every sentence the journey shows, written per variant in copy.yaml."""
from functools import lru_cache
from pathlib import Path

import yaml

from engage.definitions import translations
from engage.definitions.problems import Problem
from engage.definitions.readability import check_wording
from engage.definitions.support_copy import check_support_copy
from engage.definitions.variants import VARIANTS

REQUIRED_KEYS = (
    "start_title", "who_are_you", "privacy_heading", "privacy_what_for", "privacy_anonymous",
    "privacy_limit", "help_now", "start_button", "optional_hint", "next_button", "back_link",
    "finish_button", "save_later_button", "resume_heading", "resume_explainer", "resume_prompt",
    "resume_not_found", "progress_one", "progress_many", "error_summary_title", "error_too_long",
    "error_invalid_choice", "error_too_many", "rather_not_say", "school_not_listed", "not_at_school",
    "yes", "no", "not_sure",
    "agree_scale", "satisfied_scale", "thanks_heading", "thanks_body", "thanks_next",
    "closed_heading", "closed_body", "help_heading", "help_danger", "help_body", "help_suicide",
    "help_trusted_adult",
    "talk_to_me_option", "talk_to_me_send", "talk_to_me_how", "talk_to_me_submitted", "open_surveys_heading",
    "no_surveys", "code_label", "code_hint", "code_button", "code_not_found", "resume_link",
    "text_limit_hint", "talk_to_me_missing", "talk_to_me_too_long",
    "error_number", "error_whole_number", "error_number_range", "error_date", "date_hint",
    "date_day", "date_month", "date_year",
)
SCALE_POINTS = 5


@lru_cache(maxsize=4)
def load_copy(path: str) -> dict:
    """Read copy.yaml once per process."""
    return yaml.safe_load(Path(path).read_text(encoding="utf-8"))


def check_copy(path: Path) -> list[Problem]:
    """Check that every variant has every sentence, readable at its age."""
    try:
        copy = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        return [Problem(path.name, f"cannot read the respondent copy: {exc}")]
    problems = []
    for variant in VARIANTS:
        words = copy.get(variant) or {}
        problems += [Problem(path.name, "missing sentence", key, variant)
                     for key in REQUIRED_KEYS if key not in words]
        for key, text in words.items():
            problems += _check_text(path.name, key, variant, text)
    for key, text in (copy.get("audiences") or {}).items():
        problems += _check_text(path.name, f"audiences.{key}", "primary", text)
    problems += check_support_copy(copy, path.name)
    return problems + translations.check_copy(copy, path.name, REQUIRED_KEYS, VARIANTS)


def _check_text(file: str, key: str, variant: str, text: object) -> list[Problem]:
    if key.endswith("_scale"):
        if not isinstance(text, list) or len(text) != SCALE_POINTS:
            return [Problem(file, f"a scale needs {SCALE_POINTS} labels", key, variant)]
        texts = text
    else:
        texts = [text]
    problems = []
    for one in texts:
        reason = check_wording(str(one), variant)
        if reason:
            problems.append(Problem(file, reason, key, variant))
    return problems
