"""Turn a question's view model into its easy-read form: lines, easy labels and symbols."""
from engage.definitions.choices import FACES, NOT_AT_SCHOOL
from engage.definitions.easy_read import lines
from engage.definitions.survey import Item

# Options the app adds itself (yes/no, "I'd rather not say") and school lists get fixed symbols.
FIXED_SYMBOLS = {"yes": "yes", "no": "no", "not_sure": "not-sure", "rather_not": "private",
                 NOT_AT_SCHOOL: "home"}
SCHOOL_SYMBOL = "school"


def easy_question(q: dict, item: Item) -> dict:
    """Return the question dict for templates/respond/_easy_read.html."""
    easy = item.easy_read
    if easy is None:
        return q
    text_lines = lines(easy.text)
    return {**q, "easy": True, "label": " ".join(text_lines), "lines": text_lines,
            "hint": " ".join(lines(easy.hint)) or None, "hint_lines": lines(easy.hint),
            "options": [_option(opt, item, n) for n, opt in enumerate(q["options"])]}


def _option(opt: dict, item: Item, index: int) -> dict:
    worded = item.easy_read.options.get(opt["value"]) if item.easy_read else None
    if worded is not None:
        return {**opt, "label": worded.label, "symbol": worded.symbol}
    if item.type == "scale" and index < len(FACES):
        # Older bands see no faces in the standard survey; in easy read every scale has them.
        return {**opt, "face": opt.get("face") or FACES[index], "symbol": None}
    symbol = SCHOOL_SYMBOL if item.profile == "school" and opt["value"] not in FIXED_SYMBOLS else None
    return {**opt, "symbol": symbol or FIXED_SYMBOLS.get(opt["value"])}
