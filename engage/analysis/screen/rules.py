"""Compose concepts into flags: an actor, an act and the child it happens to.

Each rule reads one clause's Facts and returns (category, severity, reason) or None. The
rules are deliberately general ("someone in the family" + "an act of hurting" + "me"), so
wordings no one listed still match; the learned model (model.py) adds what they miss.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from engage.analysis.screen.facts import Facts, chosen_wedding, concept_bits
from engage.analysis.screen.lexicon import SPECIAL

Hit = tuple[str, str, str]
# The child as the one an act is done to: "hits me", "i get hit", "my arm".
_TO_ME = re.compile(r"\b(?:me|us|myself|my (?:arm|arms|leg|legs|head|face|back|neck|hair|hand"
                    r"|hands|ribs|stomach|body|wrist|throat|bum)|the baby|(?:my|our) (?:little |baby )?"
                    r"(?:brother|sister|son|daughter|baby))\b|\bi (?:get|got|'m getting"
                    r"|am getting|keep getting|was|get \w+ed)\b")
# Treats that an adult who works with children has no business giving a child.
_TREATS = re.compile(r"\b(?:vodka|alcohol|drinks?|stay over|vapes?|weed|cigarettes|fags|money|presents"
                     r"|bought me|buys me|a phone)\b")
# What an adult who works with children does to build secrecy: messages, lifts, gifts, being alone.
_CONTACT = re.compile(r"\b(?:messag\w*|texts?|snapchat|instagram|whatsapp|dms?|lifts?|buys?"
                      r"|bought|gives?|gave|gifts?|presents?|alone|on my own|his (?:house|flat|car"
                      r"|office)|stay (?:over|behind)|favourite|kiss\w*|touch\w*|hugs?|photos?"
                      rf"|pics?|pictures?|at night|phone|{SPECIAL}|sit on|follows? me|stay after"
                      r"|after class|everyone'?s gone)\b")
# Contact that goes beyond a photo home or a message about kit: being alone, at night, touching.
_CLOSE = re.compile(r"\b(?:alone|on my own|on (?:her|his) own|(?:his|her) (?:house|flat|car|office)"
                    r"|stay (?:over|behind)|stay after|after class|everyone'?s gone|at night|kiss\w*"
                    r"|touch\w*|hugs?|sit on|follows? (?:me|her|him)|secret\w*|don'?t tell|gifts?"
                    rf"|presents?|bought|buys?|{SPECIAL}|favourite|meet\w*|outside (?:school|sessions?"
                    r"|club|lessons?)|messag\w*|texts?|snapchat|instagram|whatsapp|dms?)\b")
# Remarks on a child's looks or body from an adult who works with children.
_LOOKS = re.compile(r"\b(?:how (?:i|we|she|he) looks?|(?:my|her|his|our) (?:body|bodies|figure)"
                    r"|looks? (?:fit|hot|sexy|mature)|mature for)\b")
IMM, CON = "immediate", "concern"
Rule = Callable[[Facts], Hit | None]


def needs(*concepts: str, words: tuple[str, ...] = ()) -> Callable[[Rule], Rule]:
    """Mark a rule that can fire only on a clause holding one of these concepts or words.

    Most clauses hold none of what most rules look for; hits() skips those rules on a single
    bit test instead of asking each one. A rule must name every concept or word any of its
    branches starts from (tests check that skipping never changes a verdict).
    """
    def mark(rule: Rule) -> Rule:
        rule.needs = (concept_bits(concepts), words)
        return rule
    return mark


_SIBLING_ONLY = re.compile(r"^\W*my (?:little |big |older |younger )?(?:brother|sister)\b")


def _past(f: Facts, severity: str) -> str:
    """A historic account still needs a referral, but not an emergency one."""
    return CON if f.has("PAST") and not f.has("URGENT") else severity


@needs("SUICIDAL")
def suicidal(f: Facts) -> Hit | None:
    if not f.has("SUICIDAL") or f.opinion or f.accident or f.joking and not f.has("SELF_HARM"):
        return None
    if f.third_person and not f.first_person:
        # A friend's plan for tonight is as urgent as the writer's own.
        return ("other", IMM if f.has("HAPPENING_NOW") else CON, "says another child may be suicidal")
    return ("suicidal_thoughts", _past(f, IMM), "thoughts of ending their life")


@needs("SELF_HARM")
def self_harm(f: Facts) -> Hit | None:
    # Self-harm long stopped, with help ("haven't since year 9, therapy helped") is left to the
    # model, which has seen such accounts among ordinary comments.
    if not f.has("SELF_HARM") or f.opinion or f.accident or f.resolved and f.over:
        return None
    if f.third_person and not f.first_person:
        return ("other", CON, "says another child is harming themselves")
    urgent = f.has("BODY_DANGER") or any(w in f.text for w in ("took ", "swallow"))
    return ("self_harm", IMM if urgent else CON, "self-harm")


@needs("EATING")
def eating(f: Facts) -> Hit | None:
    if f.has("EATING") and f.first_person and not f.opinion and not f.joking and not f.resolved:
        return ("eating_disorder", IMM if f.has("BODY_DANGER") else CON, "signs of an eating disorder")
    return None


def _actor(f: Facts) -> str:
    """Name who acts: a trusted adult, an online contact, peers, or family and others."""
    if f.has("TRUSTED"):
        return "trusted"
    if f.has("ONLINE") and not f.has("HOUSEHOLD"):
        return "online"
    if f.has("PEERS") and not f.has("HOUSEHOLD"):
        return "peers"
    return "family"


_BY_ACTOR = {"trusted": "position_of_trust", "online": "online_grooming",
             "peers": "sexual_abuse", "family": "sexual_abuse"}


@needs("SEXUAL")
def sexual(f: Facts) -> Hit | None:
    if not f.has("SEXUAL") or f.opinion:
        return None
    if f.third_person and not f.first_person:
        return ("other", CON, "reports sexual harm to another child")
    actor = _actor(f)
    return (_BY_ACTOR[actor], _past(f, IMM), "sexual contact or abuse")


@needs("IMAGES")
def images(f: Facts) -> Hit | None:
    if not f.has("IMAGES") or f.opinion:
        return None
    if f.any("THREAT", "SECRECY", "ONLINE", "OLDER", "MEET") and f.first_person:
        category = "position_of_trust" if f.has("TRUSTED") else "online_grooming"
        return (category, IMM, "asked for or threatened with images")
    if f.has("PEERS") or f.first_person:
        # Images of the child going round now, or demanded under a deadline, cannot wait.
        severity = IMM if f.first_person and f.has("SPREADING") else CON
        return ("sexual_abuse", severity, "pressure or sharing of sexual images")
    return ("other", CON, "sexual images of a child")


@needs("ONLINE", words=("blackmail",))
def online_contact(f: Facts) -> Hit | None:
    if "blackmail" in f.text and f.first_person and not f.opinion:
        return ("online_grooming", CON, "being blackmailed")
    if f.has("ONLINE", "GIFTS", "WANT_BACK") and not f.opinion:
        return ("online_grooming", IMM if f.first_person else CON, "an online contact giving gifts")
    handled = f.resolved and not f.any("SEXUAL", "IMAGES", "GIFTS", "THREAT")
    if f.has("ONLINE") and f.any("MEET", "SECRECY") and not f.opinion and not handled:
        if f.has("TRUSTED"):
            return ("position_of_trust", IMM, "an adult who works with children, in secret")
        if f.has("OLDER") or f.has("MEET") or "secret" in f.text:
            return ("online_grooming", IMM, "an online contact seeking secrecy or a meeting")
    return None


@needs("TRUSTED")
def trusted_adult(f: Facts) -> Hit | None:
    if not f.has("TRUSTED") or not f.first_person or f.opinion or f.joking or f.accident:
        return None
    contact = _CONTACT.search(f.text)
    if f.any("SECRECY", "THREAT") and contact or _TREATS.search(f.text) or f.has("HURT") and _TO_ME.search(
            f.text) or contact and _LOOKS.search(f.text):
        return ("position_of_trust", IMM, "an adult who works with children")
    return None


@needs("MONEY_DRUGS", "WANT_BACK")
def exploitation(f: Facts) -> Hit | None:
    coerced = f.any("OLDER", "THREAT") or any(w in f.text for w in (
        "owe", "make me", "made me", "have to", "they ", "for them", "gets me to", "using him",
        "using her", "using me", "people we don't know", "made to", "making him", "making her",
        "in return", "where they tell"))
    if f.has("MONEY_DRUGS") and coerced and not f.opinion and (f.first_person or f.third_person):
        return ("exploitation", IMM if f.first_person else CON, "being made to carry, sell or pay back")
    if f.any("OLDER", "PARTNER") and f.has("WANT_BACK") and f.any("GIFTS", "SEXUAL", "THREAT"):
        return ("exploitation", IMM if f.first_person else CON,
                "older people giving things and wanting something back")
    return None


def _target_mum(f: Facts) -> bool:
    return any(f" {w}" in f.text for w in ("mum", "my mother", " her ", "her face", "her up"))


@needs("HURT", "INJURY")
def physical(f: Facts) -> Hit | None:
    if not f.any("HURT", "INJURY") or f.opinion or f.joking or f.accident:
        return None
    # "hurting myself" with nobody else named is self-harm, which its own rule reads.
    if f.has("SELF_HARM") and not f.any("HOUSEHOLD", "KIN", "PARTNER", "TRUSTED", "PEERS", "OLDER"):
        return None
    if f.has("HURT") and _target_mum(f) and f.any("HOUSEHOLD", "KIN", "PARTNER") and not f.has(
            "ADULT_HITS_ME"):
        return ("domestic_abuse", _past(f, IMM), "violence between adults at home")
    if f.third_person and not f.first_person:
        return ("other", CON, "reports an adult harming another child")
    if not f.first_person or not (_TO_ME.search(f.text) or f.has("INJURY")):
        return None
    actor = _actor(f)
    if actor == "peers":
        return None if f.resolved else ("severe_bullying", CON, "hurt by other children")
    category = "position_of_trust" if actor == "trusted" else "physical_abuse"
    return (category, _past(f, IMM), "physical harm by a person")


@needs("NEGLECT")
def neglect(f: Facts) -> Hit | None:
    if not f.has("NEGLECT") or f.opinion or f.joking:
        return None
    if any(w in f.text for w in ("for an hour", "half an hour", "it's fine", "i like it",
                                 "till mum gets back", "minutes", "to be left alone",
                                 "pocket money")):
        return None
    days = f.has("AWAY_DAYS") or "baby" in f.text
    return ("neglect", IMM if days else CON, "signs of neglect")


@needs("MISSING")
def missing(f: Facts) -> Hit | None:
    if not f.has("MISSING") or f.opinion or f.joking or f.accident:
        return None
    if not (f.first_person or f.third_person):
        return None
    urgent = f.any("URGENT", "AWAY_DAYS")
    return ("going_missing", IMM if urgent else CON, "running away or going missing")


@needs("MARRIAGE")
def harmful_practice(f: Facts) -> Hit | None:
    if chosen_wedding(f.whole):
        return None
    if f.has("MARRIAGE", "MARRIAGE_FORCE") and f.first_person and not f.opinion and not f.joking:
        return ("harmful_practices", IMM, "forced marriage, FGM or honour-based abuse")
    return None


@needs("RADICAL")
def radical(f: Facts) -> Hit | None:
    if f.has("RADICAL") and not f.opinion and (f.first_person or f.third_person):
        return ("radicalisation", CON, "drawn towards violent extremism")
    return None


@needs("CONTROL", "FIGHTING", words=("drunk",))
def domestic(f: Facts) -> Hit | None:
    # A weapon, a threat to kill or "right now" makes violence at home an emergency.
    acute = IMM if f.any("DANGER_WEAPON", "THREAT", "HAPPENING_NOW") else CON
    if f.has("CONTROL") and not f.opinion:
        return ("domestic_abuse", acute, "controlling or violent behaviour at home")
    fighting = f.has("FIGHTING") and f.any("HOUSEHOLD", "KIN", "PARTNER", "HOME")
    fear = f.has("DREAD")
    if fighting and fear and not f.joking:
        return ("domestic_abuse", acute, "conflict or violence at home")
    if "drunk" in f.text and f.any("HOUSEHOLD", "KIN", "PARTNER") and any(
            w in f.text for w in ("be at home", "be home", "scared", "hide", "go home")):
        return ("domestic_abuse", CON, "frightened of a drinking adult at home")
    return None


@needs("FII")
def fabricated(f: Facts) -> Hit | None:
    if f.has("FII") and f.any("HOUSEHOLD", "KIN") and not f.opinion:
        return ("physical_abuse", CON, "a carer making a child ill or saying they are")
    return None


@needs("BULLY")
def persistent_bullying(f: Facts) -> Hit | None:
    if f.has("BULLY", "PERSIST") and f.first_person and not f.has("PAST") and not f.resolved:
        return ("severe_bullying", CON, "persistent bullying")
    return None


@needs(words=("secret",))
def friend_secret(f: Facts) -> Hit | None:
    if "secret" in f.text and f.third_person and any(w in f.text for w in (
            "really bad", "promise", "worried", "scared")):
        return ("other", CON, "a friend's secret that worries them")
    return None


_THIRD_HARMS = ("HURT", "INJURY", "SEXUAL", "SELF_HARM", "SUICIDAL", "NEGLECT", "IMAGES",
                "EMOTIONAL", "MISSING", "MEET", "FII")


@needs(*_THIRD_HARMS, "TRUSTED", "MONEY_DRUGS", words=("groom",))
def third_party(f: Facts) -> Hit | None:
    """Someone else's harm, told by a friend, a sibling or a parent."""
    if not f.third_person or f.first_person or f.opinion or f.joking or f.accident:
        return None
    groomed = "groom" in f.text or f.has("TRUSTED") and (_CLOSE.search(f.text) or f.has("SECRECY"))
    if f.any(*_THIRD_HARMS) or groomed or f.has("MONEY_DRUGS") and "making" in f.text:
        return ("other", CON, "reports harm to another child")
    return None


@needs("EMOTIONAL")
def emotional(f: Facts) -> Hit | None:
    if f.has("EMOTIONAL") and not f.opinion and not f.joking and not _SIBLING_ONLY.search(f.text):
        if f.third_person and not f.first_person:
            return ("other", CON, "reports emotional harm to another child")
        return ("emotional_abuse", CON, "emotional harm by a parent or carer")
    return None


@needs("CARER")
def carer(f: Facts) -> Hit | None:
    strain = any(w in f.text for w in (" ill", "depress", "drink", "can't", "cant", "poorly",
                                       "meds", "tablets", "struggl", "exhaust", "never", "miss",
                                       "on my own", "i'm 1", "only 1", "every day", "everything",
                                       "bed", "disab", "seizure", "worry", "tired"))
    if f.has("CARER") and strain and f.first_person and not f.opinion:
        return ("young_carer", CON, "a young carer under strain")
    return None


@needs("ASK_SAFE")
def asks_safety(f: Facts) -> Hit | None:
    if not f.has("ASK_SAFE") or f.opinion:
        return None
    strong = any(w in f.text for w in ("taken away", "take me away", "not safe", "safe at home",
                                       "come and get me", "can't say what", "knowing", "will you tell",
                                       "about home", "what will happen",
                                       "safe in my house", "help me", "please help",
                                       "i need help", "scared to go", "going home", "go home"))
    about_home = f.any("HURT", "SEXUAL") or any(w in f.whole for w in (
        "happen", "kill me", "find out", "at home", "what he", "what she", "my step"))
    if strong or about_home:
        severity = IMM if f.has("FEAR_HOME") or any(w in f.text for w in ("kill me", "not safe")) \
            else CON
        return ("other", severity, "asks for help or whether telling is safe")
    return None


@needs(words=("kill yourself", "kill myself", "go die", "knife", "stab", "shoot", "gun",
                "jump me"))
def bullying(f: Facts) -> Hit | None:
    if any(w in f.text for w in ("kill yourself", "kill myself", "go die")) and \
            any(w in f.text for w in ("told me", "tell me", "telling me", "said", "called", "chat",
                                      "messages", "posted")):
        return ("severe_bullying", CON, "others tell them to kill themselves")
    weapon = any(w in f.text for w in ("knife", "stab", "shoot", "gun", "jump me"))
    if weapon and f.first_person and f.any("PEERS", "THREAT") and not f.opinion:
        return ("severe_bullying", IMM, "threatened with a weapon")
    return None


RULES: tuple[Rule, ...] = (
    suicidal, self_harm, sexual, images, online_contact, trusted_adult, exploitation,
    harmful_practice, physical, neglect, missing, radical, domestic, emotional, eating, carer,
    bullying, asks_safety, fabricated, persistent_bullying, friend_secret, third_party)
_GATED = tuple((rule, *rule.needs) for rule in RULES)


def hits(facts: Facts) -> list[Hit]:
    """Return every rule's verdict on one clause (a rule that cannot fire there is not asked)."""
    # Facts.could_hold, inlined: asked 22 times a clause (map(), not a generator, over the words)
    mask, holds = facts.mask, facts.text.__contains__
    return [hit for rule, bits, words in _GATED
            if (mask & bits or words and any(map(holds, words)))
            and (hit := rule(facts)) is not None]


def hits_ungated(facts: Facts) -> list[Hit]:
    """Ask every rule, needed concepts or not (the reference the gates are tested against)."""
    return [hit for rule in RULES if (hit := rule(facts)) is not None]
