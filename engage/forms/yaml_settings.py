"""The "other settings" box: an item's or page's keys the editor has no boxes for, as YAML.

Translations, easy-read wordings and settings of newer question types are kept and can be
edited here, in the format of docs/definitions.md, so the editor never drops what it does
not know.
"""
from typing import Any

import yaml
from wtforms.validators import ValidationError

from engage.definitions.safe_yaml import YAMLProblem, load_untrusted
from engage.services.survey_editing import other_settings


def parse_settings(text: str | None, managed: tuple[str, ...]) -> dict[str, Any]:
    """Read the box, or raise ValueError saying in plain words what is wrong."""
    if not (text or "").strip():
        return {}
    try:
        parsed = load_untrusted(text)
    except YAMLProblem as exc:
        raise ValueError(f"The other settings cannot be read: {exc}.") from exc
    if not isinstance(parsed, dict):
        raise ValueError("The other settings must be keys with values, for example translations: ...")
    clash = sorted(str(k) for k in parsed if k in managed)
    if clash:
        raise ValueError(f"Set {', '.join(clash)} in its own box, not in the other settings.")
    return parsed


def settings_text(target: dict[str, Any], managed: tuple[str, ...]) -> str:
    """Return the keys the editor has no boxes for, as YAML (empty when there are none)."""
    extra = other_settings(target, managed)
    return yaml.safe_dump(extra, allow_unicode=True, sort_keys=False, width=100) if extra else ""


def settings_validator(managed: tuple[str, ...]):
    """Return a WTForms validator that checks the box can be read."""
    def check(_form, field) -> None:
        try:
            parse_settings(field.data, managed)
        except ValueError as exc:
            raise ValidationError(str(exc)) from exc
    return check
