"""Keep only the complete translations of an imported form.

A survey that declares a language must translate every wording of it (docs/definitions.md,
"Translations"), or a respondent would meet a page half in one language. Real forms often
translate most rows but not all, so an incomplete language is left out with a note saying
what it lacks, rather than failing the whole import.
"""
from engage.definitions.translations import check_item, check_page, language_name
from engage.definitions.xlsform_read import Note

SHOWN = 6  # missing wordings named in a note before "and N more"


def drop_incomplete(definition: dict) -> list[Note]:
    """Remove every language whose translation is incomplete; return a note for each."""
    notes = []
    for code in [c for c in definition.get("languages", []) if c != "en"]:
        missing = _missing(definition, code)
        if missing:
            _remove(definition, code)
            more = f", and {len(missing) - SHOWN} more" if len(missing) > SHOWN else ""
            notes.append(Note("survey", None, language_name(code), "skipped",
                              f"the {language_name(code)} translation is not complete, so it was left out "
                              f"(missing: {'; '.join(missing[:SHOWN])}{more})"))
    if definition.get("languages") == ["en"]:
        del definition["languages"]
    return notes


def _missing(definition: dict, code: str) -> list[str]:
    family_variants = tuple(definition["variants"])
    problems = []
    for page in definition["pages"]:
        shown = tuple(dict.fromkeys(v for item in page["items"] for v in item.get("variants") or family_variants))
        problems += check_page(definition, page, shown, "", family_variants)
        for item in page["items"]:
            problems += check_item(definition, item, tuple(item.get("variants") or family_variants), "",
                                   family_variants)
    # One line per wording, not per audience: every audience shares the form's one label.
    return list(dict.fromkeys(f"{p.item}: {p.reason}" for p in problems if language_name(code) in p.reason))


def _remove(definition: dict, code: str) -> None:
    definition["languages"] = [c for c in definition["languages"] if c != code]
    for node in [*definition["pages"], *(i for p in definition["pages"] for i in p["items"])]:
        translations = node.get("translations", {})
        translations.pop(code, None)
        if "translations" in node and not translations:
            del node["translations"]
