"""The respondent copy for a variant, from surveys/copy.yaml, in English or a translation."""
import os

from flask import current_app

from engage.definitions.copy import load_copy

# Pages seen before anyone says who they are use the simplest wording.
GENERAL = "primary"


def _copy() -> dict:
    # Several times a request: os.path.join, since pathlib's parsing showed in the profile.
    return load_copy(os.path.join(current_app.config["SURVEYS_DIR"], "copy.yaml"))


def words(variant: str = GENERAL, lang: str = "en") -> dict:
    """Return every sentence for this variant, in `lang` where copy.yaml translates it."""
    english = _copy()[variant]
    translated = ((_copy().get("translations") or {}).get(lang) or {}).get(variant)
    return {**english, **translated} if translated else english


def copy_languages(variant: str = GENERAL) -> tuple[str, ...]:
    """Return the languages copy.yaml has this variant's sentences in, English first."""
    translated = _copy().get("translations") or {}
    return ("en", *(lang for lang, block in translated.items() if isinstance(block, dict) and variant in block))


def audience_labels(lang: str = "en") -> dict[str, str]:
    """Return the start page's "who are you" labels, by variant."""
    english = _copy()["audiences"]
    translated = ((_copy().get("translations") or {}).get(lang) or {}).get("audiences")
    return {**english, **translated} if translated else english
