"""Plain labels for the comment review: every value, sub-theme, audience and question in words."""
from engage.framework import Framework
from engage.services.comments import Comment, is_uncertain

AUDIENCE_NAMES = {"primary": "Children aged 8 to 10", "secondary": "Young people aged 11 to 16",
                  "post16": "Young people aged 16 to 25", "parent": "Parents and carers",
                  "professional": "Professionals"}


def value_label(framework: Framework, value_id: int) -> str:
    """Return "Value 4: Early help"; a number is never shown without its name."""
    return f"Value {value_id}: {framework.value(value_id).short}"


def subtheme_labels(framework: Framework) -> dict[str, str]:
    """Return each sub-theme's full title, by id."""
    return {s.id: s.title for v in framework.values for s in v.subthemes}


def tag_choices(framework: Framework) -> list[tuple[str, str]]:
    """Return the correction choices: each value, then each of its sub-themes, all in words."""
    choices = []
    for value in framework.values:
        name = value_label(framework, value.id)
        choices.append((f"{value.id}", f"{name} (no particular sub-theme)"))
        choices += [(f"{value.id}:{s.id}", f"{name} - {s.title}") for s in value.subthemes]
    return choices


def tag_view(framework: Framework, tag) -> dict:
    """Return one tag as the page shows it: value and sub-theme in words, who set it, how sure."""
    subtheme = subtheme_labels(framework).get(tag.subtheme_id or "")
    who = "set by an officer" if tag.source == "officer" else f"model, {round(tag.confidence * 100)}% sure"
    return {"value": value_label(framework, tag.value_id), "subtheme": subtheme, "who": who,
            "uncertain": is_uncertain(tag)}


def wording(questions: dict[str, dict[str, str]], key: str, variant: str | None = None) -> str:
    """Return a question's wording for this audience, else its last audience's, else its key."""
    texts = questions.get(key) or {}
    return texts.get(variant or "") or (list(texts.values())[-1] if texts else key)


def comment_view(framework: Framework, comment: Comment, questions: dict[str, dict[str, str]]) -> dict:
    """Return one comment as plain data for the template."""
    first = comment.tags[0] if comment.tags else None
    current = f"{first.value_id}:{first.subtheme_id}" if first and first.subtheme_id else (
        f"{first.value_id}" if first else "")
    return {"answer_id": comment.answer_id, "text": comment.text, "uncertain": comment.uncertain,
            "audience": AUDIENCE_NAMES.get(comment.variant, comment.variant),
            "question": wording(questions, comment.item_key, comment.variant),
            "tags": [tag_view(framework, t) for t in comment.tags], "current": current}
