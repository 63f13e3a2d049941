"""The item editor's form: where the item sits, its type, tags, audiences, wordings and options.

Built per family, since it has a wording box for each of the family's variants. It only
collects what was typed; the definitions validator (as `surveys check`) judges it.
"""
from typing import Any

from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    FieldList,
    Form,
    FormField,
    HiddenField,
    IntegerField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length, Optional

from engage.definitions import variants as V
from engage.forms.workspace_editor import AUDIENCE_NAMES, TOO_LONG
from engage.forms.yaml_settings import parse_settings, settings_text, settings_validator
from engage.framework import Framework
from engage.services.survey_editing import ITEM_KEYS, NEW_PAGE, PAGE_KEYS, ItemChanges, OptionRow, PageTarget
from engage.services.workspace.surveys import MAX_WORDING

SPARE_ROWS = 3
TYPE_NAMES = {"scale": "Scale (5 points)", "single": "Choose one", "multi": "Choose any",
              "yesno": "Yes, no or not sure", "text": "Free text", "top3": "Pick up to 3",
              "number": "Number (decimals, min and max go in other settings)",
              "date": "Date (day, month and year)"}
ID_MESSAGE = "An id must be 64 characters or fewer."


def _choices(pairs: list[tuple[str, str]]) -> list[SelectChoice]:
    return [SelectChoice(value, label) for value, label in pairs]


def _words(label: str) -> TextAreaField:
    return TextAreaField(label, validators=[Optional(), Length(max=MAX_WORDING, message=TOO_LONG)])


def _row_class(variants: list[str]) -> type[Form]:
    fields: dict[str, Any] = {
        "order": IntegerField("Position", validators=[Optional()]),
        "id": StringField("Option id", validators=[Optional(), Length(max=64, message=ID_MESSAGE)]),
        "was": HiddenField(),
        "label": StringField("Label for everyone", validators=[Optional(), Length(max=MAX_WORDING)]),
    }
    for v in variants:
        fields[f"label_{v}"] = StringField(f"{AUDIENCE_NAMES.get(v, v)} label",
                                           validators=[Optional(), Length(max=MAX_WORDING)])
    return type("OptionRowForm", (Form,), fields)


def _settings(variants: list[str], pages: list[tuple[str, str]], framework: Framework) -> dict[str, Any]:
    scales = [("", "Not a scale"), *[(s, f"{s.capitalize()} scale") for s in V.SCALES]]
    values = [(str(v.id), f"{v.id}: {v.short}") for v in framework.values]
    subthemes = [("", "None"), *[(s.id, f"{s.id}: {s.title}") for v in framework.values for s in v.subthemes]]
    return {
        "base_version": HiddenField(),
        "action": StringField(),  # set by the button pressed: save, check or rows
        "page": SelectField("Page", choices=_choices([*pages, (NEW_PAGE, "A new page (give its id and titles)")])),
        "new_page_id": StringField("New page id", validators=[Optional(), Length(max=64, message=ID_MESSAGE)]),
        "type": SelectField("Question type", choices=_choices([(t, TYPE_NAMES.get(t, t)) for t in V.ITEM_TYPES])),
        "scale": SelectField("Scale", choices=_choices(scales)),
        "value": SelectField("Value it measures", choices=_choices(values),
                             validators=[InputRequired("Choose the value this question measures.")]),
        "subtheme": SelectField("Sub-theme", choices=_choices(subthemes)),
        "indicator": StringField("Indicator (optional)", validators=[Optional(), Length(max=64, message=ID_MESSAGE)]),
        "profile": SelectField("About-you question", choices=_choices([("", "No"), *[(p, p) for p in V.PROFILES]])),
        "sensitive": BooleanField("Offer “I'd rather not say”"),
        "extra": TextAreaField("Other settings (YAML)", validators=[settings_validator(ITEM_KEYS)]),
        "new_page_extra": TextAreaField("Other settings of the new page (YAML)",
                                        validators=[settings_validator(PAGE_KEYS)]),
        "variants": SelectMultipleField("Audiences who see it",
                                        choices=_choices([(v, AUDIENCE_NAMES.get(v, v)) for v in variants])),
    }


def item_form(variants: list[str], pages: list[tuple[str, str]], framework: Framework,
              new: bool, data: dict | None = None) -> FlaskForm:
    """Build the form for one item of a family with these variants and pages."""
    fields = _settings(variants, pages, framework)
    rows = len((data or {}).get("options", ()))
    fields["options"] = FieldList(FormField(_row_class(variants)), min_entries=rows)
    if new:
        fields["item_id"] = StringField("Question id", validators=[Optional(), Length(max=64, message=ID_MESSAGE)])
    for v in variants:
        name = AUDIENCE_NAMES.get(v, v)
        fields[f"new_title_{v}"] = StringField(f"{name} page title", validators=[Optional(), Length(max=MAX_WORDING)])
        fields[f"text_{v}"] = _words(f"{name} wording")
        fields[f"hint_{v}"] = _words(f"{name} hint (optional)")
    form = type("ItemForm", (FlaskForm,), fields)(data=data)
    if not form.is_submitted():
        add_rows(form)
    return form


def add_rows(form: FlaskForm) -> None:
    """Give the form blank option rows to type new options in."""
    for _spare in range(SPARE_ROWS):
        form.options.append_entry()


def initial(item: dict[str, Any], page_id: str, variants: list[str], base: int) -> dict[str, Any]:
    """Return the form's data for an existing item (or a blank one)."""
    shown = item.get("variants") or variants
    data: dict[str, Any] = {
        "base_version": str(base), "page": page_id, "type": item.get("type", "scale"),
        "scale": item.get("scale") or "", "value": str(item.get("value", "")),
        "subtheme": str(item.get("subtheme") or ""), "indicator": item.get("indicator") or "",
        "profile": item.get("profile") or "", "sensitive": bool(item.get("sensitive")),
        "variants": list(shown), "extra": settings_text(item, ITEM_KEYS),
        "options": [_row_data(o, n, shown) for n, o in enumerate(item.get("options") or [], 1)],
    }
    for v in variants:
        data[f"text_{v}"] = (item.get("text") or {}).get(v, "")
        data[f"hint_{v}"] = (item.get("hint") or {}).get(v, "") if isinstance(item.get("hint"), dict) else ""
    return data


def _row_data(option: Any, position: int, shown: list[str]) -> dict[str, Any]:
    if not isinstance(option, dict):
        return {"order": position}
    label = option.get("label")
    row = {"order": position, "id": str(option.get("id", "")), "was": str(option.get("id", ""))}
    if isinstance(label, dict):
        same = {label.get(v) for v in shown}
        if len(same) == 1 and set(label) <= set(shown):
            return {**row, "label": same.pop() or ""}
        return {**row, "label": "", **{f"label_{v}": label.get(v, "") for v in shown}}
    return {**row, "label": str(label or "")}


def changes_from(form: FlaskForm, variants: list[str]) -> ItemChanges:
    """Turn the submitted form into the changes to make."""
    rows = [_row(entry.data, position, variants) for position, entry in enumerate(form.options.entries, 1)]
    return ItemChanges(
        type=form.type.data, value=int(form.value.data) if (form.value.data or "").isdigit() else None,
        variants=list(form.variants.data or []),
        text={v: form[f"text_{v}"].data or "" for v in variants},
        hint={v: form[f"hint_{v}"].data or "" for v in variants},
        options=[r for r in rows if r is not None],
        scale=form.scale.data or None, subtheme=form.subtheme.data or None,
        indicator=(form.indicator.data or "").strip() or None, profile=form.profile.data or None,
        sensitive=bool(form.sensitive.data), extra=parse_settings(form.extra.data, ITEM_KEYS))


def _row(data: dict, position: int, variants: list[str]) -> OptionRow | None:
    labels = {v: data.get(f"label_{v}") or "" for v in variants}
    option_id = (data.get("id") or "").strip()
    if not option_id and not (data.get("label") or "").strip() and not any(labels.values()):
        return None  # a blank row, or one emptied to remove the option
    wanted = data.get("order") if data.get("order") is not None else position
    # A row given a new position goes just before (moving up) or after (moving down) the row there.
    order = wanted * 2 + (wanted > position) - (wanted < position)
    return OptionRow(id=option_id, label=data.get("label") or "", labels=labels, was=data.get("was") or "",
                     order=order)


def target_from(form: FlaskForm, variants: list[str]) -> PageTarget:
    """Return the page the item goes on."""
    if form.page.data != NEW_PAGE:
        return PageTarget(form.page.data)
    return PageTarget((form.new_page_id.data or "").strip(),
                      {v: form[f"new_title_{v}"].data or "" for v in variants}, new=True,
                      extra=parse_settings(form.new_page_extra.data, PAGE_KEYS))
