"""Check the copy.yaml sections that help people take part: support, easy_read and assisted.

``support`` and ``easy_read`` are read by easy-read readers, so they meet the easy-read
limits; ``assisted`` sentences meet their own audience's reading age.
"""
from engage.definitions.easy_read import check_easy_wording
from engage.definitions.problems import Problem
from engage.definitions.readability import YOUNG_VARIANTS, check_wording

SUPPORT_KEYS = (
    "settings_link", "settings_heading", "settings_intro", "settings_legend", "large_text",
    "high_contrast", "settings_button", "settings_saved", "settings_back", "start_options_legend",
    "start_options_hint", "easy_read_option", "easy_read_hint", "assisted_option", "assisted_hint",
    "kiosk_heading", "kiosk_body", "kiosk_start", "kiosk_idle_heading", "kiosk_idle_body",
    "kiosk_idle_stay", "kiosk_idle_wipe", "kiosk_wiped", "kiosk_next_person", "kiosk_thanks_note",
)
ASSISTED_KEYS = ("assisted_note", "text_limit_hint", "help_alone", "thanks_body")


def check_support_copy(copy: dict, file: str = "copy.yaml") -> list[Problem]:
    """Return every problem in the support, easy_read and assisted sections."""
    support = copy.get("support") or {}
    problems = [Problem(file, "missing sentence", f"support.{k}") for k in SUPPORT_KEYS if k not in support]
    problems += _easy(support, "support", file)
    easy = copy.get("easy_read") or {}
    problems += [Problem(file, "easy_read can only reword a primary sentence", f"easy_read.{k}")
                 for k in easy if k not in (copy.get("primary") or {})]
    problems += _easy(easy, "easy_read", file)
    assisted = copy.get("assisted") or {}
    for variant in YOUNG_VARIANTS:
        words = assisted.get(variant) or {}
        problems += [Problem(file, "missing sentence", f"assisted.{k}", variant)
                     for k in ASSISTED_KEYS if k not in words]
        for key, text in words.items():
            reason = check_wording(str(text), variant)
            problems += [Problem(file, reason, f"assisted.{key}", variant)] if reason else []
    return problems


def _easy(section: dict, name: str, file: str) -> list[Problem]:
    problems = []
    for key, text in section.items():
        reason = check_easy_wording(str(text))
        problems += [Problem(file, reason, f"{name}.{key}")] if reason else []
    return problems
