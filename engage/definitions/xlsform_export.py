"""Export a survey family as an XLSForm workbook that ODK and KoboToolbox read, and that
`surveys import-xlsform` turns back into the same definition.

Plain XLSForm columns carry what XLSForm can say (types, names, labels, hints, groups,
`label::Language (code)` translations). What only engage knows goes in `engage_*` columns:
the value tag and type, a wording per audience (`engage_label_<variant>`), and any other key
as JSON in `engage_more`.
"""
import io
import json

from openpyxl import Workbook

from engage.definitions.translations import NAMES
from engage.definitions.xlsform_words import CODE_NAMES

SELECTS = {"single": "select_one", "multi": "select_multiple", "top3": "select_multiple", "ballot": "select_one"}
FIXED_LISTS = {  # yes/no and scales take their words from copy.yaml; these are for other tools
    "engage_yesno": [("yes", "Yes"), ("no", "No"), ("not_sure", "Not sure")],
    "engage_agree": [("5", "Strongly agree"), ("4", "Agree"), ("3", "Neither agree nor disagree"),
                     ("2", "Disagree"), ("1", "Strongly disagree")],
    "engage_satisfied": [("5", "Very satisfied"), ("4", "Satisfied"), ("3", "Neither satisfied nor dissatisfied"),
                         ("2", "Dissatisfied"), ("1", "Very dissatisfied")],
}
ITEM_COLUMNS = {"id", "type", "scale", "value", "subtheme", "indicator", "sensitive", "profile", "variants",
                "text", "hint", "options", "decimals", "min", "max"}
FAMILY_COLUMNS = {"family", "title", "description", "variants", "pages"}
SCHOOLS_PLACEHOLDER = ("school", "The schools taking part")
# A cell starting with one of these is run as a formula by Excel, LibreOffice or Sheets (as in
# reports.cells, which definitions may not import).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def language_column(code: str) -> str:
    """Return the XLSForm name of a language: 'Arabic (ar)'."""
    return f"{NAMES.get(code) or CODE_NAMES.get(code) or code} ({code})"


def export_xlsform(definition: dict) -> bytes:
    """Return the definition as an .xlsx XLSForm."""
    codes = [c for c in definition.get("languages", []) if c != "en"]
    label = f"label::{language_column('en')}" if codes else "label"
    survey, choices, fixed = [], [], set()
    for page in definition["pages"]:
        survey.append(_group(page, codes, label))
        survey += _intro(page, codes, label)
        for item in page["items"]:
            row, options = _item(item, definition, codes, label)
            survey.append(row)
            choices += options
            fixed |= {row["type"].split()[-1]} & set(FIXED_LISTS)
        survey.append({"type": "end group", "name": page["id"]})
    choices += [{"list_name": name, "name": n, label: text} for name in sorted(fixed) for n, text in FIXED_LISTS[name]]
    return _workbook({"survey": survey, "choices": choices, "settings": [_settings(definition, codes)]})


def _settings(definition: dict, codes: list[str]) -> dict:
    row = {"form_title": definition["title"], "form_id": definition["family"],
           "engage_variants": " ".join(definition["variants"]),
           "engage_description": definition.get("description", "")}
    if codes:
        row["default_language"] = language_column("en")
    return _more(row, {k: v for k, v in definition.items() if k not in FAMILY_COLUMNS})


def _group(page: dict, codes: list[str], label: str) -> dict:
    row = {"type": "begin group", "name": page["id"], label: _first(page["title"]),
           **_per_variant("label", page["title"])}
    translations = page.get("translations", {})
    for code in codes:
        row[f"label::{language_column(code)}"] = _first(translations.get(code, {}).get("title"))
    exact = all(_same(t.get("title"), page["title"]) and set(t) <= {"title", "intro"}
                and ("intro" not in t or _same(t["intro"], page.get("intro") or {})) for t in translations.values())
    return _more(row, {} if exact else {"translations": translations})


def _intro(page: dict, codes: list[str], label: str) -> list[dict]:
    """Write the page's intro as a note, which ODK and KoboToolbox show as words on the page."""
    if not page.get("intro"):
        return []
    row = {"type": "note", "name": f"{page['id']}_intro", label: _first(page["intro"]),
           **_per_variant("label", page["intro"])}
    for code in codes:
        row[f"label::{language_column(code)}"] = _first(page.get("translations", {}).get(code, {}).get("intro"))
    return [row]


def _item(item: dict, definition: dict, codes: list[str], label: str) -> tuple[dict, list[dict]]:
    row = {"type": _type(item), "name": item["id"], label: _first(item["text"]), **_per_variant("label", item["text"]),
           "engage_value": item["value"], "engage_type": " ".join(filter(None, (item["type"], item.get("scale"))))}
    if item.get("hint"):
        row["hint" if not codes else f"hint::{language_column('en')}"] = _first(item["hint"])
        row.update(_per_variant("hint", item["hint"]))
    for key in ("subtheme", "indicator", "profile"):
        if item.get(key) is not None:
            row[f"engage_{key}"] = str(item[key])
    if item.get("sensitive"):
        row["engage_sensitive"] = "yes"
    if item.get("min") is not None:
        row["constraint"] = f". >= {item['min']} and . <= {item['max']}"
    if item.get("variants"):
        row["engage_variants"] = " ".join(item["variants"])
    more = {k: v for k, v in item.items() if k not in ITEM_COLUMNS}
    if _translations(row, item, definition, codes):
        del more["translations"]
    return _more(row, more), _options(item, codes, label)


def _type(item: dict) -> str:
    kind = item["type"]
    if kind in SELECTS:
        return f"{'rank' if item.get('rank') else SELECTS[kind]} {item['id']}"
    if kind == "yesno":
        return "select_one engage_yesno"
    if kind == "number":
        return "decimal" if item.get("decimals") else "integer"
    if kind == "date":
        return "date"
    return f"select_one engage_{item['scale']}" if kind == "scale" else "text"


def _translations(row: dict, item: dict, definition: dict, codes: list[str]) -> bool:
    """Write translations as language columns; say whether those columns carry them exactly."""
    translations = item.get("translations", {})
    shown = item.get("variants") or definition["variants"]
    exact = True
    for code, block in translations.items():
        row[f"label::{language_column(code)}"] = _first(block.get("text"))
        exact &= _same(block.get("text"), dict.fromkeys(shown)) and set(block) <= {"text", "hint", "options"}
        if block.get("hint"):
            row[f"hint::{language_column(code)}"] = _first(block["hint"])
            exact &= _same(block["hint"], item.get("hint", {}))
        exact &= all(isinstance(v, str) for v in (block.get("options") or {}).values())
    return bool(translations) and exact and set(translations) <= set(codes)


def _options(item: dict, codes: list[str], label: str) -> list[dict]:
    if item["type"] not in SELECTS:
        return []
    if item.get("profile") == "school" and not item.get("options"):
        return [{"list_name": item["id"], "name": SCHOOLS_PLACEHOLDER[0], label: SCHOOLS_PLACEHOLDER[1]}]
    translated = {code: (item.get("translations", {}).get(code, {}).get("options") or {}) for code in codes}
    rows = []
    for option in item["options"]:
        words = option["label"]
        row = {"list_name": item["id"], "name": str(option["id"]), label: _first(words),
               **(_per_variant("label", words) if isinstance(words, dict) else {})}
        for code in codes:
            row[f"label::{language_column(code)}"] = _first(translated[code].get(str(option["id"])))
        rows.append(_more(row, {k: v for k, v in option.items() if k not in {"id", "label"}}))
    return rows


def _per_variant(column: str, words: dict) -> dict:
    return {f"engage_{column}_{variant}": text for variant, text in words.items()}


def _first(words: object) -> str:
    if isinstance(words, dict):
        return str(next(iter(words.values()), ""))
    return str(words or "")


def _same(translated: object, english: dict) -> bool:
    """Say whether one translated wording, given for each of the English audiences, says it all."""
    return isinstance(translated, dict) and set(translated) == set(english) and len(set(translated.values())) == 1


def _more(row: dict, extra: dict) -> dict:
    if extra:
        row["engage_more"] = json.dumps(extra, ensure_ascii=False, sort_keys=True)
    return row


def _workbook(sheets: dict[str, list[dict]]) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        columns = list(dict.fromkeys(key for row in rows for key in row))
        sheet = book.create_sheet(name)
        sheet.append(columns)
        for number, row in enumerate(rows, start=2):
            for column, key in enumerate(columns, start=1):
                _text_cell(sheet.cell(number, column), row.get(key, ""))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _text_cell(cell, value: object) -> None:
    """Write a value as text, never as a formula, keeping its exact wording for the round trip.

    openpyxl writes a string starting with "=" as a live formula; Excel's own way to keep such
    a string as text is a quote prefix in the cell's style, which (unlike an apostrophe in the
    value) leaves the wording unchanged when the form is imported again.
    """
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
        if value.startswith(FORMULA_TRIGGERS):
            cell.quotePrefix = True
