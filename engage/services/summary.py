"""The summary of a consultation against the five values, as plain data for pages, JSON and reports."""
from __future__ import annotations

from dataclasses import dataclass

from flask import current_app, has_app_context
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from engage.analysis import frames
from engage.analysis import summaries as s
from engage.analysis.redact import redact
from engage.analysis.suppression import DEFAULT_THRESHOLD, label
from engage.definitions.survey import Survey
from engage.framework import Framework, load_framework
from engage.models import Consultation, SafeguardingFlag
from engage.services.consultations import survey_of
from engage.services.errors import NotFound

GROUPINGS = ("age_band", "school", "area", "priority_group")


def threshold() -> int:
    """Return the small-number threshold (config SUPPRESSION_THRESHOLD, default 5)."""
    if has_app_context():
        return int(current_app.config.get("SUPPRESSION_THRESHOLD", DEFAULT_THRESHOLD))
    return DEFAULT_THRESHOLD


def framework() -> Framework:
    """Return the five-values framework shipped with the surveys."""
    return load_framework(f"{current_app.config['SURVEYS_DIR']}/framework.yaml")


def find(session: Session, ref: str) -> Consultation:
    """Return a consultation by id or slug, or raise NotFound."""
    query = select(Consultation)
    query = query.where(Consultation.id == int(ref)) if ref.isdigit() else \
        query.where(Consultation.slug == ref)
    found = session.scalar(query)
    if found is None:
        raise NotFound(f"There is no consultation '{ref}'.")
    return found


def previous_wave(session: Session, consultation: Consultation) -> Consultation | None:
    """Return the wave before this one in the same series, if any."""
    if not consultation.series:
        return None
    return session.scalar(
        select(Consultation).where(Consultation.series == consultation.series,
                                   Consultation.id != consultation.id,
                                   Consultation.created_at <= consultation.created_at)
        .order_by(Consultation.created_at.desc(), Consultation.id.desc()).limit(1))


@dataclass
class Context:
    """What one summary is built from."""

    consultation: Consultation
    survey: Survey
    framework: Framework
    threshold: int


def summarise(session: Session, consultation: Consultation,
              filters: frames.Filters | None = None) -> dict:
    """Return the whole summary of a consultation as plain, protected data."""
    filters = filters or frames.Filters()
    ctx = Context(consultation, survey_of(consultation.version), framework(), threshold())
    frame = frames.filter_frame(frames.answers_frame(session, consultation.id, ctx.survey), filters)
    result = build(frame, ctx)
    result["filters"] = filters.active()
    result["flags"] = _flag_count(session, consultation.id, ctx.threshold)
    result["change"] = _change(session, consultation, frame, ctx)
    return result


def build(frame, ctx: Context) -> dict:
    """Build the summary from an already filtered frame (pure apart from the framework)."""
    t = ctx.threshold
    people = frame["response_id"].nunique()
    return {
        "consultation": {"id": ctx.consultation.id, "slug": ctx.consultation.slug,
                         "title": ctx.consultation.title, "series": ctx.consultation.series},
        "suppression": {"threshold": t, "label": label(t),
                        "note": f"Counts under {t} are shown as '{label(t)}', and other counts "
                                "are hidden where they would let a hidden count be worked out."},
        "responses": people if people >= t or people == 0 else label(t),
        "took_part": {g: s.who_took_part(frame, g, t) for g in ("audience", *GROUPINGS)}
        if people else {},
        "values": _values(frame, ctx),
        "items": _items(frame, ctx),
        "groups": {g: _records(s.value_by_group(frame, g, t)) for g in GROUPINGS} if people else {},
    }


def _values(frame, ctx: Context) -> list[dict]:
    t = ctx.threshold
    counts = s.value_counts(frame, t) if len(frame) else None
    subcounts = s.subtheme_counts(frame, t) if len(frame) else None
    sentiment = s.mean_sentiment(frame, t) if len(frame) else {}
    out = []
    for value in ctx.framework.values:
        comments = s.comments_for_value(frame, value.id) if len(frame) else frame
        common = s.recurring(comments, t) if len(comments) else []
        out.append({
            "id": value.id, "short": value.short, "title": value.title,
            **_count_row(counts, str(value.id)),
            "sentiment": sentiment.get(str(value.id), {"comments": None, "mean": None}),
            "phrases": common,
            "quotes": s.quotes(frame, comments, redact, t, 3, [p["phrase"] for p in common])
            if len(comments) else [],
            "subthemes": [{"id": st.id, "title": st.title, **_count_row(subcounts, st.id)}
                          for st in value.subthemes],
        })
    return out


def _count_row(counts, key: str) -> dict:
    if counts is None or key not in counts.index:
        return {"responses": 0, "answers": 0, "comments": 0}
    return {k: _plain(v) for k, v in counts.loc[key].items()}


def _items(frame, ctx: Context) -> list[dict]:
    out = []
    offered = set(ctx.consultation.variants)
    counts, answered = s.answer_counts(frame), s.answered_counts(frame)
    audiences = [a for a in s.AUDIENCE_ORDER if a in {frames.AUDIENCES[v] for v in offered}]
    for item in ctx.survey.items():
        variants = [v for v in item.variants if v in offered]
        if item.type == "text" or item.profile or not variants:
            continue
        groups = {frames.AUDIENCES[v] for v in variants}
        summary = s.item_summary(counts, answered, item.id, item.type,
                                 [o.id for o in item.options], audiences, ctx.threshold)
        out.append({**summary, "value": item.value, "subtheme": item.subtheme,
                    "indicator": item.indicator, "linked": len(groups) > 1,
                    "wording": {frames.AUDIENCES[v]: item.text[v] for v in variants},
                    "labels": {o.id: next(iter(o.label.values())) for o in item.options}})
    return out


def _records(table) -> list[dict]:
    if table is None or table.empty:
        return []
    return [{"row": str(g), **{str(k): _plain(v) for k, v in row.items()}}
            for g, row in table.astype(object).where(table.notna(), None).iterrows()]


def _plain(value):
    return value.item() if hasattr(value, "item") else value


def _flag_count(session: Session, consultation_id: int, t: int):
    count = session.scalar(select(func.count(SafeguardingFlag.id))
                           .where(SafeguardingFlag.consultation_id == consultation_id)) or 0
    return count if count == 0 or count >= t else label(t)


def _change(session: Session, consultation: Consultation, frame, ctx: Context) -> list[dict]:
    before = previous_wave(session, consultation)
    if before is None:
        return []
    old = frames.answers_frame(session, before.id, survey_of(before.version))
    rows = s.change(s.net_by_item(frame, ctx.threshold), s.net_by_item(old, ctx.threshold))
    return [{**row, "previous": before.slug} for row in rows]
