"""The summary of a consultation against the five values, as plain data for pages, JSON and reports.

The counts come from tallies kept per consultation (tallies: responses submitted since the
last summary are folded in first) when they cover the filters (audience or variant, with one other
filter, a date range, a date range and a channel or a language, or a channel and a language); with
English where they cover the filters without it, from the tallies less the other languages' responses
(usual_language); else straight from the filtered responses in one pass over their answers
(tallies.count_scope). All give the small tables that the database's GROUP BY over every answer
gives (queries, the plain reference they are tested against), which pure functions protect
(aggregates). Free text is read only as a sample, for phrases and quotes.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

import pandas as pd
from flask import current_app, has_app_context
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from engage.analysis.redact import redact
from engage.definitions.numbers import ANSWER_TYPES
from engage.definitions.survey import Survey, survey_of
from engage.definitions.variants import AUDIENCES
from engage.framework import Framework, load_framework
from engage.models import Consultation, SafeguardingFlag
from engage.models._time import utcnow
from engage.results import aggregates as agg
from engage.results import bands, differences, labels, overview, scope_comments, tallies, usual_language
from engage.results import queries as q
from engage.results import tables as s
from engage.results.filters import Filters
from engage.results.suppression import DEFAULT_THRESHOLD, label

GROUPINGS = ("age_band", "school", "area", "priority_group")
# Every breakdown the summary shows: GROUPINGS, then how and in which language people answered.
BREAKDOWNS = (*GROUPINGS, "channel", "language")


def threshold() -> int:
    """Return the small-number threshold (config SUPPRESSION_THRESHOLD, default 5)."""
    if has_app_context():
        return int(current_app.config.get("SUPPRESSION_THRESHOLD", DEFAULT_THRESHOLD))
    return DEFAULT_THRESHOLD


def framework() -> Framework:
    """Return the five-values framework shipped with the surveys."""
    return load_framework(f"{current_app.config['SURVEYS_DIR']}/framework.yaml")


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


def keys_of(survey: Survey) -> q.Keys:
    """Return which item keys are closed content, scale, free text and priority groups."""
    items = survey.items()
    return q.Keys(closed=tuple(i.id for i in items if i.type != "text" and not i.profile),
                  scale=tuple(i.id for i in items if i.type == "scale" and not i.profile),
                  text=tuple(i.id for i in items if i.type == "text" and not i.profile),
                  priority=tuple(i.id for i in items if i.profile == "priority_groups"))


@dataclass
class Counts:
    """The database's aggregated counts for one summary (small tables, see queries)."""

    scope: q.Scope
    people: pd.DataFrame
    cells: pd.DataFrame
    values: pd.DataFrame
    subthemes: pd.DataFrame
    comments: pd.DataFrame


def count(session: Session, consultation_id: int, survey: Survey, filters: Filters | None = None) -> Counts:
    """Return the summary's counts: from the kept tallies when they cover the filters, else counted in
    one pass over the filtered responses."""
    filters = _without_idle_dates(session, consultation_id, filters or Filters())
    scope = q.Scope(consultation_id, keys_of(survey), filters)
    if not tallies.covers(filters):
        without = usual_language.covered_without(filters)
        frames = usual_language.count(session, scope, without) if without else tallies.count_scope(session, scope)
    else:
        tallies.fold(session, consultation_id, scope.keys)
        frames = tallies.read(session, consultation_id, filters)
    return Counts(scope, agg.with_groups(frames["people"]), frames["cells"], agg.with_groups(frames["values"]),
                  frames["subthemes"], frames["comments"])


def _without_idle_dates(session: Session, consultation_id: int, filters: Filters) -> Filters:
    """Drop a date range that every submitted response falls in: it leaves nobody out, and without it
    the kept tallies can answer with another filter too, and read no days (a range from the day a
    consultation opened is a common choice)."""
    if not (filters.date_from or filters.date_to):
        return filters
    # A range that ends before today would leave out a response sent while this summary is counted.
    if filters.date_to and filters.date_to < utcnow().date():
        return filters
    if q.dates_leave_nobody_out(session, consultation_id, filters):
        return replace(filters, date_from=None, date_to=None)
    return filters


def count_by_sql(session: Session, consultation_id: int, survey: Survey,
                 filters: Filters | None = None) -> Counts:
    """Run the summary's GROUP BY queries over every answer, for one consultation and filters: the plain
    reference that the kept tallies and the one-pass count are tested against."""
    scope = q.Scope(consultation_id, keys_of(survey), filters)
    return Counts(scope, agg.with_groups(q.people(session, scope)), q.cells(session, scope),
                  agg.with_groups(q.by_value(session, scope)), q.by_subtheme(session, scope),
                  q.comments(session, scope))


def fold_new(session: Session, consultation: Consultation, step: int | None = None) -> int:
    """Count responses submitted since the last summary into the kept tallies (at most `step` per
    transaction; None: the engine's step, tallies.engine_step); return how many."""
    return tallies.fold(session, consultation.id, keys_of(survey_of(consultation.version)), chunk=step)


def uncounted(session: Session, consultation_ids: list[int]) -> dict[int, int]:
    """Return how many submitted responses each consultation has not yet folded into its tallies."""
    return tallies.waiting(session, consultation_ids)


def recount(session: Session, response) -> None:
    """Take a counted response out of the kept tallies before its figures change (inside a write)."""
    tallies.unfold(session, response, keys_of(survey_of(response.version)))


def summarise(session: Session, consultation: Consultation,
              filters: Filters | None = None) -> dict:
    """Return the whole summary of a consultation as plain, protected data."""
    filters = filters or Filters()
    ctx = Context(consultation, survey_of(consultation.version), framework(), threshold())
    counts = count(session, consultation.id, ctx.survey, filters)
    result = build(counts, ctx)
    result["values"] = _values(session, counts, ctx)
    result["filters"] = filters.active()
    result["flags"] = _flag_count(session, consultation.id, ctx.threshold)
    before, previous = _previous_cells(session, consultation)
    result["change"] = _change(before, previous, counts, ctx)
    result["overview"] = overview.build(ctx.survey, ctx.framework, set(consultation.variants), counts.cells,
                                        previous, counts.values, result["values"], result["names"], ctx.threshold)
    result["test_note"] = differences.TEST_NOTE
    result["previous"] = {"id": before.id, "slug": before.slug, "title": before.title} if before else None
    return result


def build(counts: Counts, ctx: Context) -> dict:
    """Build the summary's counts and tables from the aggregated counts (no free text)."""
    t = ctx.threshold
    people = int(counts.people["n"].sum())
    return {
        "consultation": {"id": ctx.consultation.id, "slug": ctx.consultation.slug,
                         "title": ctx.consultation.title, "series": ctx.consultation.series},
        "suppression": {"threshold": t, "label": label(t),
                        "note": f"Counts under {t} are shown as '{label(t)}', and other counts "
                                "are hidden where they would let a hidden count be worked out."},
        "responses": people if people >= t or people == 0 else label(t),
        "took_part": {g: agg.who_took_part(counts.people, g, t) for g in ("audience", *BREAKDOWNS)}
        if people else {},
        "items": _items(counts, ctx),
        "names": labels.names(ctx.framework),
        "groups": {g: _records(agg.value_by_group(counts.values, g, t)) for g in BREAKDOWNS} if people else {},
    }


def _values(session: Session, counts: Counts, ctx: Context) -> list[dict]:
    t = ctx.threshold
    value_counts = agg.value_counts(counts.values, counts.comments, t)
    subcounts = agg.subtheme_counts(counts.subthemes, counts.comments, t)
    sentiment = agg.mean_sentiment(counts.comments, t)
    said = counts.comments.groupby("value_id")["comments"].sum()
    # Filters that leave few responses read their comments once for every value's sample.
    read = scope_comments.scope_comments(session, counts.scope) if _leaves_few(session, counts) else None
    out = []
    for value in ctx.framework.values:
        n = int(said.get(value.id, 0))
        common, quotes, by_audience = _phrases_and_quotes(session, counts, value.id, n, t, read) if n else \
            ([], [], {})
        out.append({
            "id": value.id, "short": value.short, "title": value.title,
            **_count_row(value_counts, str(value.id)),
            "sentiment": sentiment.get(str(value.id), {"comments": None, "mean": None}),
            "phrases": common, "quotes": quotes, "quotes_by_audience": by_audience,
            "subthemes": [{"id": st.id, "title": st.title, **_count_row(subcounts, st.id)}
                          for st in value.subthemes],
        })
    return out


# Below this share of the consultation's responses, the comment sample lists the filtered responses'
# comments once (scope_comments) rather than walking every comment once per value. At 1,000,000 responses
# reading them took a quarter of the walk's time for one day (2% of responses), 0.7 of it for one school
# (12%), and 2.6 times it for two weeks (34%); whole summaries with the list at a higher share took more
# CPU than with the walk (one area, 22%: 3.82 -> 5.95 s; two weeks online in English, 19%: 15.7 -> 18.4 s).
NARROW_SHARE = 0.15


def _leaves_few(session: Session, counts: Counts) -> bool:
    """Say whether the filters leave under NARROW_SHARE of the consultation's submitted responses."""
    if not counts.scope.filters.active():
        return False
    return int(counts.people["n"].sum()) < NARROW_SHARE * q.submitted(session, counts.scope.consultation_id)


def _phrases_and_quotes(session: Session, counts: Counts, value_id: int, n: int, t: int,
                        read: list[tuple] | None):
    """Take a fixed sample of one value's comments (from those already read, if any); find recurring
    phrases and quotes in it."""
    sample = q.sample(session, counts.scope, value_id, n, s.PHRASE_SAMPLE) if read is None else \
        scope_comments.sample_of(session, read, value_id, n, s.PHRASE_SAMPLE)
    sample["text"] = sample["text"].map(redact)  # recurring phrases must not carry names or numbers either
    sample["audience"] = sample["variant"].map(AUDIENCES)
    common = s.recurring(sample, t, of=n)
    pool, said = _quotable(sample, counts.people, t), [p["phrase"] for p in common]
    by_audience = {a: s.rank_quotes(pool.loc[pool["audience"] == a], redact, 3, said) for a in s.AUDIENCE_ORDER}
    return common, s.rank_quotes(pool, redact, 3, said), {a: q for a, q in by_audience.items() if q}


def _quotable(sample: pd.DataFrame, people: pd.DataFrame, t: int) -> pd.DataFrame:
    """Keep comments whose audience, and school when known, have at least t respondents."""
    audiences = people.groupby("audience")["n"].sum()
    schools = people.groupby("school_id")["n"].sum()
    ok = sample["audience"].isin(audiences[audiences >= t].index) & (
        sample["school_id"].isna() | sample["school_id"].isin(schools[schools >= t].index))
    return sample.loc[ok]


def _count_row(counts, key: str) -> dict:
    if counts is None or key not in counts.index:
        return {"responses": 0, "answers": 0, "comments": 0}
    return {k: _plain(v) for k, v in counts.loc[key].items()}


def _items(counts: Counts, ctx: Context) -> list[dict]:
    out = []
    offered = set(ctx.consultation.variants)
    kinds = {i.id: i.type for i in ctx.survey.items() if i.type != "text" and not i.profile}
    answers, answered = agg.answer_counts(counts.cells, kinds), agg.answered_counts(counts.cells)
    audiences = [a for a in s.AUDIENCE_ORDER if a in {AUDIENCES[v] for v in offered}]
    for item in ctx.survey.items():
        variants = [v for v in item.variants if v in offered]
        if item.type == "text" or item.profile or not variants:
            continue
        groups = {AUDIENCES[v] for v in variants}
        # Only the audiences asked this question get a row: no "too few" for those never asked.
        asked = [a for a in audiences if a in groups]
        if item.type in ANSWER_TYPES:
            summary = _typed_in(answers, answered, item, asked, ctx.threshold)
        else:
            summary = s.item_summary(answers, answered, item.id, item.type,
                                     [o.id for o in item.options], asked, ctx.threshold)
        out.append({**summary, "value": item.value, "subtheme": item.subtheme,
                    "indicator": item.indicator, "linked": len(groups) > 1,
                    "wording": {AUDIENCES[v]: item.text[v] for v in variants},
                    "labels": {o.id: next(iter(o.label.values())) for o in item.options}})
    return out


def _typed_in(answers, answered, item, audiences: list[str], t: int) -> dict:
    """Summarise a number or date question as counts by band (protected as choices are), with
    the median and quartiles of a number."""
    counts, names = bands.banded(answers, item.id, item.type, item.decimals)
    summary = s.item_summary(counts, answered, item.id, "single", names, audiences, t)
    spread = bands.spread(answers, item.id, t) if item.type == "number" else None
    return {**summary, "type": item.type, "bands": names, "spread": spread}


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


def net_by_item(cells: pd.DataFrame, survey: Survey, t: int) -> dict[str, float | None]:
    """Return each scale item's net agreement over everyone who answered it."""
    scale_keys = [i.id for i in survey.items() if i.type == "scale"]
    table = agg.scale_table(cells, scale_keys)
    return {str(k): s.net_agreement(row, t) for k, row in table.iterrows()}


def _previous_cells(session: Session, consultation: Consultation):
    """Return the previous wave of the series and its answer counts (None, None when there is none)."""
    before = previous_wave(session, consultation)
    if before is None:
        return None, None
    return before, tallies.cells(session, before.id, keys_of(survey_of(before.version)))


def _change(before, old, counts: Counts, ctx: Context) -> list[dict]:
    if before is None:
        return []
    rows = s.change(net_by_item(counts.cells, ctx.survey, ctx.threshold),
                    net_by_item(old, survey_of(before.version), ctx.threshold))
    wording = {i.id: next(iter(i.text.values()), i.id) for i in ctx.survey.items()}
    return [{**row, "question": wording.get(row["item"], row["item"]), "previous": before.slug,
             "previous_title": before.title} for row in rows]
