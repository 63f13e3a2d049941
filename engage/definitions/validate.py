"""Validate a survey definition: schema, ids, tags, wordings and reading age."""
import re
from collections.abc import Iterator

from engage.definitions import easy_read, numbers, translations
from engage.definitions import variants as V
from engage.definitions.problems import Problem
from engage.definitions.readability import check_wording
from engage.framework import Framework

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{1,78}$")
ITEM_ID = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
FAMILY_KEYS = {"family", "title", "description", "variants", "pages", "languages", "language_variants"}
PAGE_KEYS = {"id", "title", "items", "translations", "intro"}
ITEM_KEYS = {
    "id", "type", "scale", "value", "subtheme", "indicator", "sensitive",
    "variants", "text", "hint", "options", "profile", "rank", "translations",
    "easy_read", *numbers.KEYS,
}


def validate(raw: object, file: str, framework: Framework) -> list[Problem]:
    """Return every problem in one parsed definition (empty when it is valid)."""
    if not isinstance(raw, dict):
        return [Problem(file, "the file must hold a survey (a mapping with family, pages)")]
    problems = list(_family(raw, file))
    family_variants = _family_variants(raw)
    problems += translations.check_family(raw, file, family_variants)
    seen_items: set[str] = set()
    seen_indicators: set[str] = set()
    seen_pages: set[str] = set()
    for page in _as_list(raw.get("pages")):
        problems += _page(page, file, family_variants, seen_pages)
        if isinstance(page, dict):  # other languages: complete for every declared one
            problems += translations.check_page(raw, page, _page_variants(page, family_variants), file,
                                                family_variants)
        for item in _as_list(page.get("items") if isinstance(page, dict) else None):
            problems += _item(item, file, family_variants, framework, seen_items, seen_indicators)
            if isinstance(item, dict):
                problems += translations.check_item(raw, item, _item_variants(item, family_variants), file,
                                                    family_variants)
    return problems


def _family(raw: dict, file: str) -> Iterator[Problem]:
    for key in sorted(set(raw) - FAMILY_KEYS):
        yield Problem(file, f"unknown key '{key}'")
    if not SLUG.match(str(raw.get("family", ""))):
        yield Problem(file, "family must be a short id of lower-case letters, digits and dashes")
    if not isinstance(raw.get("title"), str) or not raw.get("title"):
        yield Problem(file, "title is missing")
    variants = raw.get("variants")
    if not isinstance(variants, list) or not variants:
        yield Problem(file, f"variants must list some of: {', '.join(V.VARIANTS)}")
    else:
        for variant in variants:
            if variant not in V.VARIANTS:
                yield Problem(file, f"unknown variant '{variant}'")
    if not isinstance(raw.get("pages"), list) or not raw.get("pages"):
        yield Problem(file, "pages must be a list with at least one page")


def _family_variants(raw: dict) -> tuple[str, ...]:
    variants = raw.get("variants")
    if not isinstance(variants, list):
        return ()
    return tuple(v for v in variants if v in V.VARIANTS)


def _as_list(value: object) -> list:
    return value if isinstance(value, list) else []


def _page(page: object, file: str, family_variants: tuple, seen: set[str]) -> list[Problem]:
    if not isinstance(page, dict):
        return [Problem(file, "each page must be a mapping with id, title and items")]
    page_id = str(page.get("id", ""))
    where = f"page {page_id or '?'}"
    problems = [Problem(file, f"unknown key '{k}'", where) for k in sorted(set(page) - PAGE_KEYS)]
    if not ITEM_ID.match(page_id):
        problems.append(Problem(file, "page id must be lower-case letters, digits and _", where))
    elif page_id in seen:
        problems.append(Problem(file, "page id is used twice", where))
    seen.add(page_id)
    if not isinstance(page.get("items"), list) or not page.get("items"):
        problems.append(Problem(file, "a page needs at least one item", where))
    page_variants = _page_variants(page, family_variants)
    problems += _wordings(page.get("title"), "title", page_variants, file, where, exact=False)
    if "intro" in page:
        problems += _wordings(page.get("intro"), "intro", page_variants, file, where, exact=False)
    return problems


def _page_variants(page: dict, family_variants: tuple) -> tuple[str, ...]:
    """Return the variants that see the page: those of any of its items."""
    shown: list[str] = []
    for item in _as_list(page.get("items")):
        if isinstance(item, dict):
            for variant in _item_variants(item, family_variants):
                if variant not in shown:
                    shown.append(variant)
    return tuple(shown)


def _item_variants(item: dict, family_variants: tuple) -> tuple[str, ...]:
    own = item.get("variants")
    if isinstance(own, list):
        return tuple(v for v in own if v in family_variants)
    return family_variants


def _wordings(words: object, what: str, variants: tuple, file: str, where: str,
              exact: bool = True, readability: bool = True) -> list[Problem]:
    """Check a per-variant wording: present for each variant, readable for young people."""
    if not isinstance(words, dict):
        return [Problem(file, f"{what} must give a wording for each variant", where)]
    problems = [
        Problem(file, f"no {what} wording for this variant", where, variant)
        for variant in variants
        if not isinstance(words.get(variant), str) or not words.get(variant, "").strip()
    ]
    if exact:
        problems += [
            Problem(file, f"{what} wording given for a variant the item does not apply to", where, v)
            for v in words if v not in variants
        ]
    for variant in variants if readability else ():
        reason = check_wording(str(words.get(variant) or ""), variant)
        if reason:
            problems.append(Problem(file, f"{what}: {reason}", where, variant))
    return problems


def _item(item: object, file: str, family_variants: tuple, framework: Framework,
          seen: set[str], seen_indicators: set[str]) -> list[Problem]:
    if not isinstance(item, dict):
        return [Problem(file, "each item must be a mapping with id, type, value and text")]
    item_id = str(item.get("id", ""))
    where = item_id or "?"
    problems = [Problem(file, f"unknown key '{k}'", where) for k in sorted(set(item) - ITEM_KEYS)]
    problems += _item_identity(item, file, where, seen, seen_indicators)
    problems += _item_type(item, file, where)
    problems += _item_tags(item, file, where, framework)
    variants = _item_variants(item, family_variants)
    problems += _item_variant_list(item, file, where, family_variants)
    problems += _wordings(item.get("text"), "question", variants, file, where)
    if "hint" in item:
        problems += _wordings(item.get("hint"), "hint", (), file, where, exact=False)
        problems += _hint_readability(item["hint"], variants, file, where)
    problems += _options(item, variants, file, where)
    problems += easy_read.problems(item, variants, file, where)
    problems += _ballot(item, file, where)
    return problems + numbers.problems(item, file, where)


def _item_identity(item: dict, file: str, where: str, seen: set[str],
                   seen_indicators: set[str]) -> list[Problem]:
    problems = []
    item_id = str(item.get("id", ""))
    if not ITEM_ID.match(item_id):
        problems.append(Problem(file, "item id must be lower-case letters, digits and _", where))
    elif item_id in seen:
        problems.append(Problem(file, "item id is used twice", where))
    seen.add(item_id)
    indicator = item.get("indicator")
    if indicator is not None:
        if indicator in seen_indicators:
            problems.append(Problem(file, f"indicator '{indicator}' is used twice", where))
        seen_indicators.add(indicator)
    return problems


def _item_type(item: dict, file: str, where: str) -> list[Problem]:
    kind = item.get("type")
    if kind not in V.ITEM_TYPES:
        return [Problem(file, f"unknown type '{kind}'; use one of {', '.join(V.ITEM_TYPES)}", where)]
    problems = []
    if kind == "scale" and item.get("scale") not in V.SCALES:
        problems.append(Problem(file, f"a scale needs scale: {' or '.join(V.SCALES)}", where))
    if kind != "scale" and "scale" in item:
        problems.append(Problem(file, "only a scale item takes 'scale'", where))
    profile = item.get("profile")
    if profile is not None and profile not in V.PROFILES:
        problems.append(Problem(file, f"unknown profile '{profile}'", where))
    return problems


def _item_tags(item: dict, file: str, where: str, framework: Framework) -> list[Problem]:
    value = item.get("value")
    known = {v.id for v in framework.values}
    if not isinstance(value, int) or value not in known:
        return [Problem(file, f"value must be one of the five values 1-5, not '{value}'", where)]
    subtheme = item.get("subtheme")
    if subtheme is not None and not framework.has_subtheme(value, str(subtheme)):
        return [Problem(file, f"unknown sub-theme '{subtheme}' for value {value}", where)]
    return []


def _item_variant_list(item: dict, file: str, where: str, family_variants: tuple) -> list[Problem]:
    own = item.get("variants")
    if own is None:
        return []
    if not isinstance(own, list) or not own:
        return [Problem(file, "variants must be a list", where)]
    return [
        Problem(file, "the item names a variant the survey does not have", where, str(v))
        for v in own if v not in family_variants
    ]


def _ballot(item: dict, file: str, where: str) -> list[Problem]:
    """A ballot is choose one, or rank up to N (2 to MAX_RANK, no more than its options)."""
    if item.get("type") != "ballot":
        return [Problem(file, "only a ballot item takes 'rank'", where)] if "rank" in item else []
    problems = []
    if item.get("sensitive") or item.get("profile"):
        problems.append(Problem(file, "a ballot takes no 'sensitive' or 'profile'", where))
    rank = item.get("rank")
    if rank is None:
        return problems
    options = item.get("options") if isinstance(item.get("options"), list) else []
    if not isinstance(rank, int) or isinstance(rank, bool) or not 2 <= rank <= V.MAX_RANK:
        problems.append(Problem(file, f"rank must be a whole number from 2 to {V.MAX_RANK}", where))
    elif rank > len(options):
        problems.append(Problem(file, f"rank {rank} needs at least {rank} options", where))
    return problems


def _hint_readability(hint: object, variants: tuple, file: str, where: str) -> list[Problem]:
    if not isinstance(hint, dict):
        return []
    problems = [Problem(file, "hint given for a variant the item does not apply to", where, v)
                for v in hint if v not in variants]
    for variant, words in hint.items():
        reason = check_wording(str(words or ""), variant)
        if reason:
            problems.append(Problem(file, f"hint: {reason}", where, variant))
    return problems


def _options(item: dict, variants: tuple, file: str, where: str) -> list[Problem]:
    kind = item.get("type")
    options = item.get("options")
    if kind not in V.CHOICE_TYPES:
        if options is not None:
            return [Problem(file, f"a {kind} item does not take options", where)]
        return []
    if not isinstance(options, list):
        return [Problem(file, "options must be a list", where)]
    if not options and item.get("profile") != "school":
        return [Problem(file, "a choice question needs options", where)]
    if kind == "top3" and len(options) <= V.TOP_CHOICES:
        return [Problem(file, f"'pick your top {V.TOP_CHOICES}' needs more than {V.TOP_CHOICES} options", where)]
    problems: list[Problem] = []
    ids: set[str] = set()
    for option in options:
        problems += _option(option, variants, file, where, ids)
    problems += _options_readability(options, variants, file, where)
    if item.get("profile") == "priority_groups":
        problems += _each_label_readability(options, variants, file, where)
    return problems


def _each_label_readability(options: list, variants: tuple, file: str, where: str) -> list[Problem]:
    """Check each label on its own, for options that are whole sentences about the reader.

    A child answers "I am a young carer" only if they understand that one sentence; read as
    one passage, easy labels would let a hard one through.
    """
    problems = []
    for variant in variants:
        for option in options:
            label = _label(option, variant) if isinstance(option, dict) else ""
            reason = check_wording(label, variant) if label else None
            if reason:
                problems.append(Problem(file, f"option '{option.get('id')}' label: {reason}", where, variant))
    return problems


def _options_readability(options: list, variants: tuple, file: str, where: str) -> list[Problem]:
    """Check an item's option labels together, as the list a child reads.

    Flesch-Kincaid is defined over passages: a lone two-syllable word such as "Buses"
    scores grade 8.4, so labels are joined into one passage per variant.
    """
    problems = []
    for variant in variants:
        labels = [_label(o, variant) for o in options if isinstance(o, dict)]
        passage = " ".join(f"{label.rstrip('.?!')}." for label in labels if label)
        reason = check_wording(passage, variant)
        if reason:
            problems.append(Problem(file, f"options: {reason}", where, variant))
    return problems


def _label(option: dict, variant: str) -> str:
    label = option.get("label")
    if isinstance(label, dict):
        label = label.get(variant)
    return str(label or "")


def _option(option: object, variants: tuple, file: str, where: str, ids: set[str]) -> list[Problem]:
    if not isinstance(option, dict):
        return [Problem(file, "each option needs an id and a label", where)]
    option_id = str(option.get("id", ""))
    problems = []
    if not ITEM_ID.match(option_id) and not option_id.isdigit():
        problems.append(Problem(file, f"option id '{option_id}' must be lower-case letters, digits and _", where))
    elif option_id in ids:
        problems.append(Problem(file, f"option id '{option_id}' is used twice", where))
    ids.add(option_id)
    label = option.get("label")
    if isinstance(label, str):
        label = {v: label for v in variants}
    return problems + _wordings(label, f"option '{option_id}' label", variants, file, where,
                                exact=False, readability=False)
