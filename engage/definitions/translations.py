"""Translations in a survey definition: check that a declared language is complete, and localise.

English is the language a survey is written and reading-age checked in. Each item and page may
carry `translations: {lang: {...}}` in the same shape as its English wordings (see
docs/definitions.md, "Translations"); `languages` declares which are offered, and a declared
language must cover every wording of the audiences it serves, so a respondent never meets a
page that is half one language and half another.
"""
import re
from collections.abc import Iterator

from engage.definitions.problems import Problem

SOURCE = "en"
LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}$")
ITEM_PARTS = {"text", "hint", "options"}
PAGE_PARTS = {"title", "intro"}
# Names used in problems; any other code is named by its code alone.
NAMES = {"en": "English", "ar": "Arabic", "pl": "Polish", "ur": "Urdu", "pa": "Punjabi",
         "bn": "Bengali", "so": "Somali", "ro": "Romanian", "uk": "Ukrainian", "fr": "French"}


def language_name(code: str) -> str:
    """Say a language as 'Arabic (ar)' in problems."""
    return f"{NAMES[code]} ({code})" if code in NAMES else f"language '{code}'"


def declared(raw: dict) -> tuple[str, ...]:
    """Return the translated languages a definition declares (never English)."""
    languages = raw.get("languages")
    if not isinstance(languages, list):
        return ()
    return tuple(str(lang) for lang in languages if lang != SOURCE and LANGUAGE_CODE.match(str(lang)))


def covered(raw: dict, language: str, family_variants: tuple[str, ...]) -> tuple[str, ...]:
    """Return the audiences a language is offered to (all of the survey's unless limited)."""
    limits = raw.get("language_variants")
    if isinstance(limits, dict) and isinstance(limits.get(language), list):
        return tuple(v for v in family_variants if v in limits[language])
    return family_variants


def check_family(raw: dict, file: str, family_variants: tuple[str, ...]) -> list[Problem]:
    """Check the family-level `languages` and `language_variants`."""
    languages = raw.get("languages")
    if languages is None:
        return [Problem(file, "language_variants given but no languages")] if "language_variants" in raw else []
    if not isinstance(languages, list) or SOURCE not in languages:
        return [Problem(file, "languages must be a list that includes en (surveys are written in English)")]
    problems = [Problem(file, f"'{lang}' is not a language code like ar or pl")
                for lang in languages if not LANGUAGE_CODE.match(str(lang))]
    limits = raw.get("language_variants") or {}
    if not isinstance(limits, dict):
        return problems + [Problem(file, "language_variants must map a language to a list of variants")]
    for lang, variants in limits.items():
        if lang not in languages:
            problems.append(Problem(file, f"language_variants names {language_name(lang)}, not in languages"))
        bad = [v for v in (variants if isinstance(variants, list) else [variants]) if v not in family_variants]
        problems += [Problem(file, f"language_variants: the survey has no variant '{v}'") for v in bad]
    return problems


def check_page(raw: dict, page: dict, page_variants: tuple[str, ...], file: str,
               family_variants: tuple[str, ...]) -> list[Problem]:
    """Check a page's translated titles."""
    where = f"page {page.get('id', '?')}"
    problems = list(_unknown(page, raw, PAGE_PARTS, file, where))
    for lang in declared(raw):
        given = _block(page, lang)
        wanted = tuple(v for v in page_variants if v in covered(raw, lang, family_variants))
        problems += _wordings(given.get("title"), "page title", lang, wanted, file, where)
        if isinstance(page.get("intro"), dict):
            problems += _wordings(given.get("intro"), "page intro", lang,
                                  tuple(v for v in wanted if page["intro"].get(v)), file, where)
    return problems


def check_item(raw: dict, item: dict, item_variants: tuple[str, ...], file: str,
               family_variants: tuple[str, ...]) -> list[Problem]:
    """Check an item's translated question, hint and option labels."""
    where = str(item.get("id") or "?")
    problems = list(_unknown(item, raw, ITEM_PARTS, file, where))
    hinted = item.get("hint") if isinstance(item.get("hint"), dict) else {}
    for lang in declared(raw):
        given = _block(item, lang)
        wanted = tuple(v for v in item_variants if v in covered(raw, lang, family_variants))
        problems += _wordings(given.get("text"), "question wording", lang, wanted, file, where)
        problems += _wordings(given.get("hint"), "hint", lang, tuple(v for v in wanted if hinted.get(v)),
                              file, where, optional=True)
        problems += _options(item, given.get("options"), lang, wanted, file, where)
    return problems


def _block(node: dict, lang: str) -> dict:
    translations = node.get("translations")
    block = translations.get(lang) if isinstance(translations, dict) else None
    return block if isinstance(block, dict) else {}


def _unknown(node: dict, raw: dict, parts: set[str], file: str, where: str) -> Iterator[Problem]:
    translations = node.get("translations")
    if translations is None:
        return
    if not isinstance(translations, dict):
        yield Problem(file, "translations must map a language code to its wordings", where)
        return
    listed = set(declared(raw))
    for lang, block in translations.items():
        if lang not in listed:
            yield Problem(file, f"a translation into {language_name(lang)}, which languages does not list", where)
        elif not isinstance(block, dict):
            yield Problem(file, f"the {language_name(lang)} translation must be a mapping", where)
        else:
            for key in sorted(set(block) - parts):
                yield Problem(file, f"unknown key '{key}' in the {language_name(lang)} translation", where)


def _wordings(words: object, what: str, lang: str, variants: tuple[str, ...], file: str, where: str,
              optional: bool = False) -> list[Problem]:
    name = language_name(lang)
    if words is None and (optional or not variants):
        return []
    if not isinstance(words, dict):
        return [Problem(file, f"the {name} {what} must give a wording for each variant", where)]
    problems = [Problem(file, f"no {name} {what}", where, v) for v in variants if not _text(words.get(v))]
    problems += [Problem(file, f"{name} {what} given for a variant it is not shown to", where, str(v))
                 for v in words if v not in variants and not optional]
    return problems


def _options(item: dict, labels: object, lang: str, variants: tuple[str, ...], file: str,
             where: str) -> list[Problem]:
    options = [o for o in item.get("options") or [] if isinstance(o, dict)]
    if not options or not variants:
        return []
    name = language_name(lang)
    if not isinstance(labels, dict):
        return [Problem(file, f"no {name} option labels", where)]
    labels = {str(k): v for k, v in labels.items()}  # unquoted numeric ids read as numbers
    ids = {str(o.get("id")) for o in options}
    problems = [Problem(file, f"a {name} label for option '{k}', which the item does not have", where)
                for k in labels if str(k) not in ids]
    for option_id in sorted(ids):
        label = labels.get(option_id)
        for variant in variants:
            text = label.get(variant) if isinstance(label, dict) else label
            if not _text(text):
                problems.append(Problem(file, f"no {name} label for option '{option_id}'", where, variant))
    return problems


def _text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def localised(raw: dict, lang: str) -> dict:
    """Return the definition with `lang` wordings in place of English for the audiences it covers.

    Audiences the language does not cover keep English; callers show those pages in English.
    """
    family_variants = tuple(raw.get("variants") or ())
    if lang not in declared(raw):
        return raw
    wanted = covered(raw, lang, family_variants)
    pages = []
    for page in raw.get("pages") or []:
        block = _block(page, lang)
        items = [_localised_item(item, lang, wanted, family_variants) for item in page.get("items") or []]
        localised_page = {**page, "title": _merge(page.get("title"), block.get("title"), wanted), "items": items}
        if "intro" in page:
            localised_page["intro"] = _merge(page.get("intro"), block.get("intro"), wanted)
        pages.append(localised_page)
    return {**raw, "pages": pages}


def _localised_item(item: dict, lang: str, wanted: tuple[str, ...], family_variants: tuple[str, ...]) -> dict:
    block = _block(item, lang)
    shown = tuple(item.get("variants") or family_variants)
    result = {**item, "text": _merge(item.get("text"), block.get("text"), wanted)}
    if "hint" in item:
        result["hint"] = _merge(item.get("hint"), block.get("hint"), wanted)
    labels = {str(k): v for k, v in (block.get("options") or {}).items()}
    if item.get("options"):
        result["options"] = [
            {**o, "label": _merge(_per_variant(o.get("label"), shown),
                                  _per_variant(labels.get(str(o.get("id"))), shown), wanted)}
            for o in item["options"]
        ]
    return result


def _per_variant(label: object, variants: tuple[str, ...]) -> dict:
    if isinstance(label, str):
        return {v: label for v in variants}
    return dict(label) if isinstance(label, dict) else {}


def _merge(english: object, translated: object, wanted: tuple[str, ...]) -> object:
    if not isinstance(english, dict) or not isinstance(translated, dict):
        return english
    return {**english, **{v: w for v, w in translated.items() if v in wanted and _text(w)}}


PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def check_copy(copy: dict, file: str, required: tuple[str, ...], variants: tuple[str, ...]) -> list[Problem]:
    """Check copy.yaml's `translations`: each language has every sentence of every audience it gives.

    Primary is required: pages seen before anyone says who they are use its words. Words in
    {braces} must match the English sentence's, or the app cannot fill them in.
    """
    translated = copy.get("translations") or {}
    if not isinstance(translated, dict):
        return [Problem(file, "translations must map a language code to its sentences")]
    problems = []
    for lang, block in translated.items():
        block = block if isinstance(block, dict) else {}
        name = language_name(str(lang))
        problems += [Problem(file, f"no {name} wording for who is answering", "audiences", v)
                     for v in variants if not _text((block.get("audiences") or {}).get(v))]
        given = [v for v in variants if isinstance(block.get(v), dict)] or ["primary"]
        for variant in dict.fromkeys(["primary", *given]):
            problems += _copy_variant(copy.get(variant) or {}, block.get(variant) or {}, name, file,
                                      required, variant)
    return problems


def _copy_variant(english: dict, words: dict, name: str, file: str, required: tuple[str, ...],
                  variant: str) -> list[Problem]:
    problems = []
    for key in required:
        if key not in words:
            problems.append(Problem(file, f"no {name} sentence", key, variant))
        elif key.endswith("_scale"):
            if not isinstance(words[key], list) or len(words[key]) != len(english.get(key) or []):
                problems.append(Problem(file, f"the {name} scale needs as many labels as the English", key, variant))
        elif sorted(PLACEHOLDER.findall(str(words[key]))) != sorted(PLACEHOLDER.findall(str(english.get(key, "")))):
            problems.append(Problem(file, f"the {name} sentence must keep the English {{words}} in braces",
                                    key, variant))
    return problems
