"""Behaviour of the safeguarding screen: recall first, but ordinary talk must pass."""

import pytest

from engage.analysis.safeguarding import CATEGORIES, NONE, Screening, screen

HARD_NEGATIVES = [
    "PE kills me",
    "this homework is killing me",
    "we learnt about abuse in PSHE",
    "there should be more help for people who self-harm",
    "my brother hits me at fifa",
    "I'm dying to go to the new skatepark",
    "CAMHS waiting lists for self-harm referrals are too long",
    "nobody hurts me",
    "my mum would go mad if i got a detention, she'd kill me",
    "the school nurse helped me when i hurt my knee at football",
    "we watched a video about grooming in assembly",
    "i ran away from my little brother when we played it",
    "my parents argue about what to have for tea",
    "i got bullied in year 7 but it was sorted and we're friends now",
    "i feel safe at home and at school",
    "the park needs more bins and the swings are broken",
    "my dad took my phone off me for a week because i was rude",
    "is this survey anonymous? i don't want my teacher to see what i said about maths",
    "we are planning how to decorate the hall",
    "my little sister bit me when i took her toy",
    "i said bye to everyone on my last day of primary and cried",
    "",
    "   ",
]


@pytest.mark.parametrize("text", HARD_NEGATIVES)
def test_ordinary_talk_is_not_flagged(text):
    assert screen(text) == NONE


# Ordinary comments on the topics of disclosures, as children and parents write them: an idiom
# with the writer as the one threatening, a wedding chosen and celebrated, a parent long sober,
# a stranger blocked and told, self-harm long stopped, bullying dealt with, strict parents.
NEAR_MISSES = [
    "if my little sister reads my diary again i'll throttle her",
    "i swear i'll murder my brother, he ate the last yorkshire pudding",
    "i'm bored to death in double science",
    "if i have to write one more essay i'm going to die",
    "i'm gonna be so dead when my mum sees my phone bill",
    "we're flying to bangladesh for my cousin's wedding, i'm doing a dance at the mehndi",
    "my sister chose her husband herself and the wedding in lahore was so much fun",
    "my dad's been sober for four years and he never misses my matches",
    "a stranger messaged me on roblox asking what school i go to so i blocked him and told my mum",
    "i used to self harm but i haven't for two years, counselling really helped",
    "a girl kept calling me names but my head of year sorted it and it's stopped",
    "my mum has strict rules about phones but she trusts me",
    "i got home late and my phone was dead so mum grounded me for the weekend",
]


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_near_miss_comments_are_not_flagged(text):
    assert screen(text) == NONE


@pytest.mark.parametrize(("text", "severity", "category"), [
    # A thing named is no accident when an adult is the one hitting.
    ("my mum hits me with a football boot", "immediate", "physical_abuse"),
    ("my dad throws the ball at me really hard when he's angry and it leaves bruises", "immediate",
     "physical_abuse"),
    # The writer's own anger does not cancel what is done to them.
    ("my step dad hits me and i want to kill him", "immediate", "physical_abuse"),
    # A resolution cue does not hold against wording that it is happening again.
    ("i cut myself again last night even though i'd stopped for a year", "concern", "self_harm"),
    ("my little brother is talking to an adult on minecraft who tells him to keep their chats secret",
     "immediate", "online_grooming"),
])
def test_idioms_and_resolution_cues_never_hide_a_disclosure(text, severity, category):
    result = screen(text)
    assert (result.flag, result.severity, result.category) == (True, severity, category)


@pytest.mark.parametrize(("text", "category"), [
    ("my step dad hits me with his belt", "physical_abuse"),
    ("my dad chokes me when he's angry", "physical_abuse"),
    ("my uncle touches me in my privates", "sexual_abuse"),
    ("he comes into my room at night and does stuff", "sexual_abuse"),
    ("i want to kill myself", "suicidal_thoughts"),
    ("i've been saving my tablets for when it gets too much", "suicidal_thoughts"),
    ("im going to hang myself tonight", "suicidal_thoughts"),
    ("i swallowed a load of pills an hour ago and feel weird", "self_harm"),
    ("some older boys make me carry bags to other towns and say i owe them", "exploitation"),
    ("my coach messages me late at night and says not to tell my parents", "position_of_trust"),
    ("a man on snapchat keeps asking for pictures of me and says dont tell anyone", "online_grooming"),
    ("someone says they'll post my nudes unless i pay them", "online_grooming"),
    ("my dad punched my mum last night", "domestic_abuse"),
    ("they are taking me abroad in the summer to marry my cousin, i'm 15", "harmful_practices"),
])
def test_current_danger_is_immediate(text, category):
    result = screen(text)
    assert (result.flag, result.severity, result.category) == (True, "immediate", category)
    assert result.matched


@pytest.mark.parametrize(("text", "category"), [
    ("theres never any food at home and mum sleeps all day", "neglect"),
    ("i cut again last night", "self_harm"),
    ("i make myself sick after tea so i dont gain weight", "eating_disorder"),
    ("my mum says she wishes i was never born", "emotional_abuse"),
    ("i look after my mum who has depression and i never get to go out", "young_carer"),
    ("my dad used to hit me but he moved out and its better now", "physical_abuse"),
])
def test_worrying_but_less_acute_is_concern(text, category):
    result = screen(text)
    assert (result.flag, result.severity, result.category) == (True, "concern", category)


@pytest.mark.parametrize("text", [
    "my dad hurtes me wen he is angry",
    "MY MUMS BOYFRIEND HITS ME",
    "i dont wanna be alive no more",
    "me mam lamps me when shes had a drink",
    "my uncel tuchis my privits",
    "i want to kil my self",
])
def test_childrens_spelling_and_texting_are_understood(text):
    assert screen(text).flag


@pytest.mark.parametrize(("typed", "meant"), [
    ("young carers", "young carers"),       # a plural of an English word is English
    ("foster carers", "foster carers"),
    ("my uncel tuchis me", "my uncle touches me"),  # misspellings are still corrected
])
def test_plurals_of_english_words_are_not_corrected(typed, meant):
    from engage.analysis.screen.spelling import clean

    assert clean(typed) == meant


@pytest.mark.parametrize("text", [
    "Jake in my class says his dad beats him",
    "my friend said her step dad comes into her room at night",
])
def test_report_about_another_child_is_flagged(text):
    assert screen(text).flag


def test_disclosure_buried_in_an_ordinary_answer_is_flagged():
    assert screen("more bins in the park please. also my dad hits me and i want it to stop").flag


@pytest.mark.parametrize("text", [
    "is this survey secret? if i say what my step dad does will i get taken away",
    "please help me i cant say more here but its bad at home",
])
def test_asking_whether_telling_is_safe_is_flagged(text):
    assert screen(text).flag


def test_uncertain_text_can_be_sent_for_a_check():
    from engage.analysis.screen import default_screener
    from engage.analysis.screen.spelling import clean

    screener = default_screener()
    text = "things at home are not great and i dont know who to talk to"
    result = screener.screen(text)
    probability = screener.probability(clean(text))  # the screen scores the normalised text
    if screener.check <= probability < screener.concern:
        assert (result.flag, result.severity) == (True, "check")
    else:
        assert result.severity != "check"


def test_every_category_has_a_label():
    assert all(label for label in CATEGORIES.values())
    assert {"physical_abuse", "sexual_abuse", "emotional_abuse", "neglect", "domestic_abuse",
            "self_harm", "suicidal_thoughts", "online_grooming", "exploitation", "severe_bullying",
            "going_missing", "position_of_trust", "other", "not_screened"} <= set(CATEGORIES)


def test_screening_keeps_its_shape():
    result = screen("my dad hits me")
    assert isinstance(result, Screening)
    assert result.category in CATEGORIES


def test_a_confident_model_flags_wording_with_no_worrying_word():
    from engage.analysis.screen.screener import has_signal
    from engage.analysis.screen.spelling import clean

    text = "he says im his favourite and picks me up first"
    assert not has_signal(clean(text))  # no rule and no worrying word could have caught it
    assert screen(text).flag


@pytest.mark.parametrize("text", [
    "sexual health clinics should have evening drop ins",
    "i get panic attacks in tests and the school just says calm down",
    "i need help with my times tables",
    "people self harm and the school just tells them to cover it up",
    "no child should go hungry, end food poverty now",
    "early help means support as soon as a problem shows",
    "Reduce the risk of child sexual and criminal exploitation",
    "the staff at his special school treat him like family",
    "transport to his special school is good, the drivers know him well",
])
def test_services_lessons_and_children_in_general_fire_no_rule(text):
    from engage.analysis.screen.screener import rule_hits
    from engage.analysis.screen.spelling import clean

    assert rule_hits(clean(text)) == []


@pytest.mark.parametrize("text", [
    "the man at the sexual health clinic touched me",
    "i need help with home stuff but i cant put it here",
    "people at school keep hitting me and i'm scared to go in",
    "a panic attack is nothing, my dad hits me every night",
    "i self harm and people at school have seen the cuts",
    "my step dad pushes me down the stairs and says i fell",
    "mum hit me so hard i fell over",
    "my coach says im special and gives me lifts home on my own",
])
def test_the_same_words_in_an_account_still_fire_a_rule(text):
    from engage.analysis.screen.screener import rule_hits
    from engage.analysis.screen.spelling import clean

    assert rule_hits(clean(text))


def _screener_scoring(probability):
    """A real Screener whose model gives every text the same score."""
    import math

    import numpy as np

    from engage.analysis.screen.model import CategoryScorer, LinearScorer
    from engage.analysis.screen.screener import Screener

    bias = math.log(probability / (1 - probability))
    return Screener(LinearScorer({}, bias), CategoryScorer({}, np.zeros((0, 1)), np.zeros(1), ["other"]))


def test_a_near_certain_model_outweighs_the_negation_cue():
    from engage.analysis.screen.screener import EXPLAINED_OVERRIDE

    text = "nobody hurts me at home but i'm scared all the time"  # the negation cue explains it away
    assert not _screener_scoring(EXPLAINED_OVERRIDE - 0.05).screen(text).flag
    assert _screener_scoring(EXPLAINED_OVERRIDE + 0.04).screen(text).flag


def test_a_text_that_is_only_a_negation_is_never_flagged_by_the_model():
    text = "nobody hurts me at home"  # nothing beyond the negation for a score to outweigh
    assert not _screener_scoring(0.999).screen(text).flag


def _with_urgency(flag_probability, urgency):
    """A real Screener with constant flag and severity scores."""
    import math

    from engage.analysis.screen.model import LinearScorer

    screener = _screener_scoring(flag_probability)
    screener.severity_model = LinearScorer({}, math.log(urgency / (1 - urgency)))
    return screener


def test_a_rules_concern_is_raised_only_when_the_severity_model_is_sure():
    from engage.analysis.screen.screener import IMMEDIATE_SCORE, URGENT_REASON

    text = "my mum says she wishes i was never born"  # emotional harm: the rule says "concern"
    assert _with_urgency(0.01, IMMEDIATE_SCORE - 0.05).screen(text).severity == "concern"
    raised = _with_urgency(0.01, IMMEDIATE_SCORE + 0.05).screen(text)
    assert (raised.severity, raised.category) == ("immediate", "emotional_abuse")
    assert URGENT_REASON in raised.matched


def test_a_model_flag_of_a_less_urgent_kind_can_still_be_immediate():
    from engage.analysis.screen.screener import IMMEDIATE_SCORE

    text = "he says im his favourite and picks me up first"  # no rule; category "other"
    assert _with_urgency(0.9, IMMEDIATE_SCORE - 0.05).screen(text).severity == "concern"
    assert _with_urgency(0.9, IMMEDIATE_SCORE + 0.05).screen(text).severity == "immediate"
    assert _screener_scoring(0.9).screen(text).severity == "concern"  # no severity model: kind only


@pytest.mark.parametrize("text, explained", [
    ("i hurt my knee playing football at the park", True),  # the accident explains the hurt
    ("my phone went missing at the festival", True),
    ("a man from my game wants to meet me at the park", False),  # nothing for "park" to explain
    ("we were playing online and he asked for pics", False),
])
def test_accident_words_explain_only_a_hurt_or_loss(text, explained):
    from engage.analysis.screen.facts import explained_away
    from engage.analysis.screen.spelling import clean

    assert explained_away(clean(text)) is explained


def test_a_laughing_or_play_marker_explains_a_model_score_away():
    text = "my brother punched me in the arm for taking his charger lol"
    assert not _screener_scoring(0.9).screen(text).flag
    assert _screener_scoring(0.9).screen(text.removesuffix(" lol")).flag


@pytest.mark.parametrize("text, peers", [
    ("my ex keeps turning up at my school", True),
    ("the boys in my year share pictures", True),
    ("my uncle is in the army exercises every summer", False),  # "my ex" inside a word
    ("i go to samba kids club on saturdays", False),  # "a kids" inside a word
])
def test_every_way_of_naming_peers_starts_at_a_word(text, peers):
    from engage.analysis.screen.facts import PATTERNS

    assert bool(PATTERNS["PEERS"].search(text)) is peers


def test_a_negation_does_not_reach_past_a_comma():
    from engage.analysis.screen.facts import negated_only

    assert negated_only("nobody has ever touched me")
    assert not negated_only("added by someone i didn't know, it got sexual and now they want money")


@pytest.mark.parametrize("text, explained", [
    ("my sister chose her husband herself and the wedding in lahore was so much fun", True),
    ("we are going to pakistan for my cousin's wedding and i'm doing a dance at the mehndi", True),
    # A wedding outfit found hidden is a warning sign, not a celebration.
    ("mum says we're going on holiday but i found a wedding outfit in my size hidden in the wardrobe", False),
    ("they are making me marry him in the summer, i get a new outfit", False),
])
def test_a_wedding_the_couple_chose_explains_a_model_score_away(text, explained):
    from engage.analysis.screen.facts import explained_away
    from engage.analysis.screen.spelling import clean

    assert explained_away(clean(text)) is explained
    assert _screener_scoring(0.9).screen(text).flag is not explained
