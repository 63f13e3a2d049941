"""Comments counted in the fold's one pass match the comments' own GROUP BY, in the cases it decides.

The fold packs each response's comments beside its answers and counts them in Python
(engage.results.fold_comments). The SQL count (queries.comments) is the reference: a comment's value
and sub-theme are its primary tag's (an officer's first, then the model's best rank), each column
falling back to its question's; flagged comments are left out unless the flag was raised only because
no screen could read the language and a lead closed it; a comment without a polarity is counted but
not rated, and a group none of whose comments has a polarity sums to 0.
"""
import json

from sqlalchemy import select, update

from engage.models import Answer, AnswerTag, SafeguardingFlag, TagSource
from engage.models.safeguarding import FlagStatus
from engage.results import fold_parts
from engage.results import queries as q
from tests.summary.test_fold_parts import _keys
from tests.summary.test_sql_counts import synthetic  # noqa: F401 (fixture)


def _by_sql(db, scope) -> dict:
    frame = q.comments(db, scope)
    return {(None if v != v else int(v), None if s != s else s): (int(n), int(r), p)
            for v, s, n, r, p in frame[q.COMMENT_COLUMNS].itertuples(index=False)}


def _by_fold(db, scope) -> dict:
    counted = fold_parts.counted(db, scope, to_keep=False)["comments"]
    found: dict = {}
    for dims, (n, rated, polarity) in counted.items():
        _variant, value, subtheme = json.loads(dims)
        kept = found.get((value, subtheme), (0, 0, 0))
        found[(value, subtheme)] = (kept[0] + n, kept[1] + rated, kept[2] + polarity)
    return found


def _same(by_fold: dict, by_sql: dict) -> None:
    assert by_fold.keys() == by_sql.keys()
    for key, (n, rated, polarity) in by_sql.items():
        got = by_fold[key]
        assert got[:2] == (n, rated), key
        assert abs(got[2] - (polarity or 0)) < 1e-9, key


def _comments(db) -> list[Answer]:
    return db.scalars(select(Answer).where(Answer.text.is_not(None)).order_by(Answer.id)).all()


def test_tags_flags_and_missing_polarity_count_as_in_sql(loaded, db, synthetic):  # noqa: F811
    with loaded.app_context():
        comments = _comments(db)
        # An officer's tag with no sub-theme: the value is the tag's, the sub-theme the question's.
        db.add(AnswerTag(answer_id=comments[10].id, value_id=2, subtheme_id=None, confidence=1.0, rank=5,
                         source=TagSource.OFFICER))
        # A model tag ranked below the one it has already: the better rank still wins.
        db.add(AnswerTag(answer_id=comments[11].id, value_id=5, subtheme_id="5a", confidence=0.1, rank=9,
                         source=TagSource.MODEL))
        # A released flag leaves its comment counted; an open one of another category does not.
        for answer, category, status in ((comments[12], "not_screened", FlagStatus.NO_FURTHER_ACTION),
                                         (comments[13], "not_screened", FlagStatus.OPEN)):
            db.add(SafeguardingFlag(response_id=answer.response_id, consultation_id=synthetic, variant="secondary",
                                    item_key=answer.item_key, text=answer.text, severity="low", category=category,
                                    status=status))
        # Comments without a polarity: counted, not rated.
        item = comments[20].item_key
        db.execute(update(Answer).where(Answer.item_key == item).values(polarity=None))
        db.execute(update(Answer).where(Answer.id.in_([c.id for c in comments[30:60]])).values(polarity=None))
        db.commit()
        scope = q.Scope(synthetic, _keys(db, synthetic))
        by_sql = _by_sql(db, scope)
        assert sum(n - rated for n, rated, _p in by_sql.values()) >= 30  # the case is there
        by_fold = _by_fold(db, scope)
        _same(by_fold, by_sql)


def test_a_group_with_no_rated_comment_sums_to_an_integer_zero(loaded, db, synthetic):  # noqa: F811
    """As SQL's sum of no polarity read back: the kept figure is 0, not 0.0."""
    with loaded.app_context():
        db.execute(update(Answer).where(Answer.text.is_not(None)).values(polarity=None))
        db.commit()
        counted = fold_parts.counted(db, q.Scope(synthetic, _keys(db, synthetic)))
        sums = [figures[2] for kind in ("comments", "comments_by", "comments_day", "comments_dby", "comments_two")
                for figures in counted[kind].values()]
        assert sums and all(type(s) is int and s == 0 for s in sums)
