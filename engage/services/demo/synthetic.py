"""Realistic synthetic responses for demos and benchmarks, written in bulk (not through the forms).

Audiences, schools, areas, year groups and priority groups follow rough local shares; scale
answers lean positive, less so where the story says (some priority groups and an area feel less
safe or healthy, and health fell since the year before), and some comment themes recur; each
response answers about 25 items and two free-text questions, from varied templates; a few young
people answer in Arabic or Polish.
Sentiment and value tags are worked out once per possible text, so a million responses do not
mean a million classifier calls; rows are built in synthetic_rows and go in through
bulk_insert (executemany on SQLite, COPY on PostgreSQL), about a million responses in minutes.
"""
from __future__ import annotations

import random
from collections.abc import Callable

from sqlalchemy.orm import Session

from engage.analysis import sentiment
from engage.db import begin_write
from engage.definitions.survey import survey_of
from engage.models import Consultation
from engage.models._time import utcnow
from engage.services.demo import bulk_insert as bulk
from engage.services.demo import synthetic_rows as rows
from engage.services.demo.synthetic_story import AREAS, DEMO_STORY, Story, all_texts
from engage.services.setup import ensure_school


def analyse_all(tagger) -> dict[str, tuple[float, float, tuple]]:
    """Work out sentiment and value tags once per possible text, in one classifier call."""
    found = all_texts()
    analysed = {}
    for text, tags in zip(found, tagger.predict(found), strict=True):
        polarity, subjectivity = sentiment.sentiment(text)
        analysed[text] = (polarity, subjectivity, tuple(
            (v, c, tags.subtheme if v == tags.primary_value else None) for v, c in tags.values))
    return analysed


def generate(session: Session, consultation: Consultation, n: int, seed: int = 1,
             batch: int = 1000, progress: Callable[[int], None] | None = None,
             tagger=None, story: Story = DEMO_STORY, wave: int = 0) -> int:
    """Add n submitted responses to the consultation; return how many were added."""
    if tagger is None:
        from engage.services.free_text import tagger as default_tagger

        tagger = default_tagger()
    analysed = analyse_all(tagger)
    now = utcnow()
    people = rows.People(survey_of(consultation.version), consultation.variants, demo_schools(session),
                         (story, wave), random.Random(seed), now)
    where = (consultation.id, consultation.version_id)
    values = bulk.Values(session)
    done = 0
    while done < n:
        size = min(batch, n - done)
        _write_batch(session, people.batch(size), where, analysed, (now, values))
        done += size
        if progress:
            progress(done)
    return done


# Invented names, so the demo reads like a council's list without naming a real school
# (docs/demo.md says so); children see them in the "which school" question.
DEMO_SCHOOLS = (
    ("Alderwick Primary School", "primary"), ("Brackenmead Primary School", "primary"),
    ("Fernhollow Primary School", "primary"), ("Kestrel Fields Primary School", "primary"),
    ("Larkmoor Primary School", "primary"), ("Thistlecombe Primary School", "primary"),
    ("Willowmere Primary School", "primary"), ("Heronbridge School", "secondary"),
    ("Marlowmead Academy", "secondary"), ("Oakhaven Secondary School", "secondary"),
    ("Thornvale High School", "secondary"), ("Wrenfold Academy", "secondary"),
)


def demo_schools(session: Session) -> dict[str, list[tuple[int, str, str]]]:
    """Return the demo's invented schools (id, phase, area) by phase, creating them the first time."""
    found: dict[str, list] = {"primary": [], "secondary": []}
    for i, (name, phase) in enumerate(DEMO_SCHOOLS):
        school = ensure_school(session, name, phase, AREAS[i % 5])
        found[phase].append((school.id, phase, school.area_id))
    session.commit()
    return found


def _write_batch(session: Session, made: rows.Batch, where: tuple[int, int], analysed: dict, told) -> None:
    """Write one batch of people, their answers and their comments' tags in one transaction."""
    now, values = told
    begin_write(session)
    response_ids = bulk.take_ids(session, "responses", len(made.people))
    bulk.write(session, "responses", rows.RESPONSE_COLUMNS, rows.response_rows(made.people, response_ids, where,
                                                                               values))
    bulk.write(session, "summary_queue", rows.QUEUE_COLUMNS, rows.queue_rows(response_ids, where[0]))
    answers = rows.answer_rows(made.answers, response_ids, bulk.take_ids(session, "answers", len(made.answers)),
                               analysed)
    bulk.write(session, "answers", rows.ANSWER_COLUMNS, answers)
    tags = rows.tag_rows(answers, analysed, now, values)
    bulk.write(session, "answer_tags", rows.TAG_COLUMNS, tags)
    session.commit()
