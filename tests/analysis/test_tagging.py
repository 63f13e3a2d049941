"""Behaviour of the value tagger, including the framework's boundary rules."""

import pytest

from engage.analysis.evaluate import TARGETS, score_tagger
from engage.analysis.tagging import Tagging, ValueTagger, default_tagger, train


@pytest.mark.parametrize(("text", "value"), [
    ("we got evicted and now we live in a hostel", 4),  # homelessness -> 4
    ("our flat is full of damp and black mould", 1),  # housing quality -> 1
    ("i look after my mum because she is ill", 1),  # young carers -> 1
    ("teenagers keep vandalising the bus shelter", 3),  # youth crime / ASB -> 3
    ("someone stole my phone on the way home", 1),  # victim of crime -> 1
    ("more football pitches and a better playground in the park", 3),  # sport / parks -> 3
    ("help for my son to get to a healthy weight", 2),  # healthy weight -> 2
    ("I need a parenting course to cope with my teenager", 4),  # parenting -> 4
    ("The SEND Local Offer website is out of date", 5),  # Local Offer -> 5
    ("please listen to what young people say in these surveys", 5),
    ("the camhs waiting list is far too long", 5),  # waiting for a service -> 5 (boundary rule)
    ("nursery fees are too expensive for us", 4),
])
def test_boundary_cases(tagger, text, value):
    assert tagger.predict([text])[0].primary_value == value


def test_tagging_shape(tagger):
    result = tagger.predict(["the park is dirty and the leisure centre too expensive"])[0]
    assert isinstance(result, Tagging)
    assert result.values[0] == (result.primary_value, result.confidence)
    assert [p for _, p in result.values] == sorted((p for _, p in result.values), reverse=True)
    assert 0 <= result.confidence <= 1
    assert result.subtheme is None or result.subtheme.startswith(str(result.primary_value))


def test_predict_empty_batch(tagger):
    assert tagger.predict([]) == []


def test_save_and_load_roundtrip(tagger, tmp_path):
    path = tmp_path / "tagger.joblib"
    tagger.save(path)
    texts = ["free school meals in the holidays", "more youth clubs"]
    assert ValueTagger.load(path).predict(texts) == tagger.predict(texts)


def test_default_tagger_is_built_once_and_then_loaded_from_the_model_cache(tmp_path, monkeypatch):
    from engage.analysis import model_cache, tagging, tagging_data

    monkeypatch.setenv("ENGAGE_MODEL_CACHE", str(tmp_path))
    texts = ["free school meals in the holidays", "the camhs waiting list is far too long"]
    default_tagger.cache_clear()
    try:
        built = default_tagger()
        assert built is default_tagger()
        assert model_cache.path_for("tagger", tagging_data.model_key()).exists()
        default_tagger.cache_clear()  # as a new process would start

        def no_training(*args):
            raise AssertionError("a built tagger must be loaded, not trained again")

        monkeypatch.setattr(tagging, "train", no_training)
        assert default_tagger().predict(texts) == built.predict(texts)
    finally:
        default_tagger.cache_clear()


def test_officer_corrections_change_the_model():
    text = "zorbling widgets are a problem at the gloop"
    corrections = [(text, 5, "5d")] * 5 + [("gloop zorbling issues", 5, "5d")] * 5
    assert train(corrections).predict([text])[0].primary_value == 5


def test_heldout_macro_f1_target():
    assert score_tagger().macro_f1 >= TARGETS["macro_f1"]


def test_lexicon_token_cache_changes_no_feature(monkeypatch):
    import engage.analysis.lexicon as lexicon
    import engage.analysis.tagging as tagging

    texts = [row["text"].lower() for row in tagging.read_jsonl("comments_heldout.jsonl")]
    warm = lexicon.LexiconFeatures()
    warm.transform(texts)  # fills the cache
    # A cache this small is emptied again and again: features must not depend on it.
    monkeypatch.setattr(lexicon, "_TOKEN_CACHE_SIZE", 7)
    churned = lexicon.LexiconFeatures()
    expected = [sorted(churned._columns(lexicon._LEX_TOKEN.findall(text)).items()) for text in texts]
    assert [sorted(warm._columns(lexicon._LEX_TOKEN.findall(t)).items()) for t in texts] == expected
    assert len(churned._token_cache) <= 7
    assert any(expected)  # the held-out comments do hit the lexicon


def test_uncertain_marks_tags_below_the_threshold(tagger):
    from engage.analysis.tagging import UNCERTAIN_BELOW

    texts = ["not sure", "we got evicted and now we live in a hostel", "it is ok",
             "nursery fees are too expensive for us"]
    results = tagger.predict(texts)
    assert [r.uncertain for r in results] == [r.confidence < UNCERTAIN_BELOW for r in results]
    assert [r.uncertain for r in results] == [True, False, True, False]


def test_boundary_features_separate_a_service_failing_from_its_topic():
    from engage.analysis.boundary import RuleFeatures

    features = RuleFeatures()
    waited = features.cue_values("we waited nine months for camhs")
    assert waited["access"] > 0 and waited["service"] > 0 and waited["access*service"] > 0
    assert not any(features.cue_values("more mental health support in school").values())


@pytest.mark.parametrize(("text", "value"), [
    ("my son waited over a year for an autism assessment", 5),
    ("nobody listens to what young people say", 5),
    ("we were passed between the school and camhs for months", 5),
    ("i look after my mum every morning before school", 1),
    ("we cant afford the heating and the kids are hungry", 4),
])
def test_boundary_rules_hold_in_new_wording(tagger, text, value):
    assert tagger.predict([text])[0].primary_value == value


# One short text per boundary rule: short texts are where naive Bayes' sharp probabilities could
# outvote the SVM, and anti-social behaviour by young people (value 3) against being a victim of
# crime (value 1) is the boundary the corpus held fewest examples of.
@pytest.mark.parametrize(("text", "value"), [
    ("boys on bikes keep smashing windows on our estate", 3),
    ("kids drinking and fighting in the park at night", 3),
    ("someone hacked my instagram and posted nudes of me", 1),
    ("my brother has been made homeless and is sofa surfing", 4),
    ("short breaks give my disabled son a chance to do normal things", 1),
    ("an inclusive football session for disabled kids", 3),
    ("a parenting group for parents of children with adhd", 4),
    ("we were not given a choice of school placement in the ehcp", 5),
    ("i care for my little brother who has autism", 1),
    ("more free childcare places for two year olds", 4),
    ("the ehcp took a year", 5),
    ("more mental health support in school", 2),
    ("nobody told us what happened after the survey", 5),
    ("when i turned 18 the support just stopped", 5),
    ("the breastfeeding clinic helped me feed my baby", 2),
    ("the food bank is the only way we eat at the end of the month", 4),
])
def test_each_boundary_rule_holds_in_a_short_text(tagger, text, value):
    assert tagger.predict([text])[0].primary_value == value


def test_feeling_unsafe_counts_towards_being_safe_in_the_lexicon():
    from engage.analysis.lexicon import LexiconFeatures

    features = LexiconFeatures()
    column = features.keys.index("1a")
    for text in ("i feel unsafe on the bus", "the lads on the corner are intimidating",
                 "older boys threatened me", "we are afraid to let them play out"):
        assert features.transform([text]).toarray()[0][column] > 0, text


def test_fear_of_young_peoples_gangs_is_about_being_safe_not_their_behaviour(tagger):
    # Anti-social behaviour is value 3, a family afraid of it value 1 (domain.md 1.4); without
    # the fear words this read value 1 at only 0.57, marked uncertain.
    tag = tagger.predict(["we are afraid to let the kids play out because of the gangs"])[0]
    assert tag.primary_value == 1 and not tag.uncertain
