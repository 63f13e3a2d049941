"""Rule-based screen of free text for possible disclosures of harm (recall first).

Every flag goes to a human safeguarding reviewer (domain.md R30); the screen never decides
anything by itself. Patterns run on normalised text (see text.normalise) and demand a first
person or a named/related person as the one harmed, so opinions about services, lessons and
hyperbole ("PE kills me") pass. All regexes are compiled once at import.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from engage.analysis.first_chars import compile_fast
from engage.analysis.text import normalise

CATEGORIES: dict[str, str] = {
    "physical_abuse": "Physical abuse", "sexual_abuse": "Sexual abuse",
    "emotional_abuse": "Emotional abuse", "neglect": "Neglect",
    "domestic_abuse": "Domestic abuse at home", "self_harm": "Self-harm",
    "suicidal_thoughts": "Suicidal thoughts or plans", "online_grooming": "Online grooming",
    "exploitation": "Criminal or sexual exploitation", "severe_bullying": "Severe bullying",
    "going_missing": "Running away or going missing",
    "position_of_trust": "Concern about an adult in a position of trust (LADO)",
    "other": "Other worry about safety",
    "not_screened": "Not screened: written in a language the screen cannot read",
}
# A flag that only says no screen could read the text's language (see analysis.language): once a
# lead has read it and closed it with no further action, it is an ordinary comment again.
NOT_SCREENED = "not_screened"


@dataclass(frozen=True)
class Screening:
    """Outcome of screening one text."""

    flag: bool
    severity: str  # "immediate" | "concern" | "none"
    category: str | None
    matched: tuple[str, ...] = ()


NONE = Screening(False, "none", None, ())
_RANK = {"none": 0, "concern": 1, "immediate": 2}

# --- vocabulary shared by the rules ------------------------------------------------------
_KIN = (r"(?:step )?(?:mum|dad|father|mother|parents?|nan|nanny|gran|grandma|grandad|grandpa"
        r"|uncle|aunt|aunty|auntie|brother|sister|cousin|carer|foster \w+|boyfriend|girlfriend"
        r"|partner|friend|neighbour)")
_ADULT = rf"(?:(?:my|our|mum's|mums|dad's|dads|nan's|nans|a|the) (?:\w+ )?{_KIN}(?:'s \w+|s \w+)?)"
_SUBJ = (rf"(?:{_ADULT}|\b(?:he|she|they|someone|somebody|a man|a woman|an adult|a grown up"
         rf"|people|mum|dad|{_KIN}))")
_HARM = (r"(?:hit|hits|hitting|smack\w*|slap\w*|punch\w*|kick\w*|beat|beats|beating|batter\w*"
         r"|chok\w+|strangl\w+|hurt|hurts|hurting|pinch\w*|burn\w*|grab\w*|push\w*|shov\w*"
         r"|whip\w*|bit|bites|twist\w*|attack\w*|throws? \w+ at|pulls? my hair)")
_FILLER = r"(?:\s+[\w']+){0,4}?\s+"
_THIRD = rf"(?:{_HARM}|touch\w*|does (?:stuff|things) to) (?:him|her|them)\b"
_TOUCH = (r"(?:touch\w*|fondl\w*|grop\w*) (?:me|my (?:private|bum|bottom|breast|chest|leg|thigh"
          r"|body))")
_AT_MUM = rf"(?:{_HARM}|beats? (?:her|my mum) up|threaten\w* to kill) (?:my mum|mum|my mother|her)\b"
_AT_ME = rf"{_HARM} (?:me|us)\b"
_ONLINE = (r"(?:online|snapchat|snap|instagram|insta|tiktok|discord|roblox|fortnite|game|xbox"
           r"|whatsapp|facebook|internet|on camera|video call)")
_GROOM = (r"(?:nudes?|pictures? of (?:my|me)|photos? (?:of me|in my)|send (?:more|him)|no clothes"
          r"|take my (?:top|clothes)|underwear|my body|meet (?:me|up)|to meet|come to his|secret"
          r"|don't tell|not to tell|post (?:it|them)|share my|sends? me (?:money|gift)|loves me"
          r"|asks? for pictures|sen[dt]s? me (?:a )?pictures?|my address|where i live)")
_BULLY = (r"(?:bull\w+|picked on|call\w* (?:me )?names|make fun of me|beat me up|hit me|push me"
          r"|take my|posting|hates me|threaten)")
_PERSIST = (r"(?:every day|every single day|all the time|so much|so bad|don't want to (?:go|come)"
            r"|scared to come|pretend to be ill|cry|move school|film it|stairs|nobody does)")
_NEG = re.compile(r"\b(?:nobody|no one|no-one|never|not|n't|nothing|none)\b|n't\b")
_GAME = re.compile(r"[^.!?]{0,30}?\b(?:at|in|on|playing|when we play\w*|play fight\w*)\s+"
                   r"(?:\w+\s+){0,2}?(?:fifa|fortnite|mario|minecraft|roblox|chess|cards|games?"
                   r"|football|rugby|tag|xbox|ps\d|play ?station|dodgeball|monopoly|kart)\b"
                   r"|[^.!?]{0,20}\bplay fight")
_PAST = re.compile(r"\bused to\b|\bwhen i was (?:little|younger|small|\d+)|\blast year\b"
                   r"|\byears ago\b|\b(?:better|fine|okay|safe|stopped|sorry|clean) now\b"
                   r"|\bsaid sorry\b|\bmoved (?:away|out)\b|\bnot anymore\b|\bany ?more\b.{0,9}$"
                   r"|\bgot help\b|\bclean for\b|\bstopped\b")
_URGENT = re.compile(r"\b(?:tonight|right now|today|tomorrow|this weekend|when every(?:one|body)"
                     r" is asleep)\b")


def _rule(category: str, severity: str, pattern: str, reason: str, negatable: bool = False,
          guard: str | None = None) -> tuple:
    """Compile one rule; negatable rules are dropped when "nobody/never/not" governs them.

    guard is a part of the pattern that every match must contain; searching it first skips
    texts that cannot match before the slow subject-first pattern runs (same results).
    """
    return (category, severity, compile_fast(pattern), reason, negatable,
            compile_fast(guard) if guard else None)


_I, _C = "immediate", "concern"
RULES: tuple[tuple, ...] = (
    # Third-party reports first so "her dad hits her" is filed as a friend's disclosure.
    _rule("other", _C, rf"\b(?:his|her|their) {_KIN}{_FILLER}{_THIRD}", "reports an adult harming"
          " another child", True, _THIRD),
    _rule("other", _C, r"\b(?:friend|mate|bestie|sister|brother|in my class)\b[^.!?]{0,40}?"
          r"\b(?:is|being|gets?) (?:being )?(?:abused|hit|hurt|beaten|touched)\b|\b(?:kill|cut|cuts"
          r"|harm\w*|hurt\w*) (?:herself|himself)\b|\b(?:she|he) (?:wants|says she wants"
          r"|says he wants)? ?to die\b|\bsomeone is touching my\b|\bbruises\b[^.!?]{0,40}\b(?:dad"
          r"|mum)",
          "reports harm to another child", True),
    _rule("other", _C, r"\b(?:friend|mate|bestie)\b[^.!?]{0,30}\bnever (?:has|gets) (?:any )?food",
          "reports a friend going without food"),
    _rule("severe_bullying", _C, r"\b(?:telling|tells|told|tell) me to (?:kill myself|die|go die)\b",
          "others tell them to kill themselves"),
    _rule("sexual_abuse", _I, rf"{_SUBJ}{_FILLER}{_TOUCH}", "sexual contact or abuse", True, _TOUCH),
    _rule("sexual_abuse", _I, r"\bput\w* (?:his|her) hands? (?:in|down|up) my"
          r"|\b(?:raped?|sexually (?:assaulted|abused)|molested)\b|\bforc\w* me to (?:have sex|do)"
          r"|\bmakes? me (?:touch|watch|do (?:sexual|rude)|sit on his lap)|\bshow\w* me (?:his|her)"
          r" privates|\bshow\w* me (?:rude|porn|dirty|sexy)|\b(?:photos?|pictures?|videos?) of me"
          r" (?:with no clothes|naked|in my underwear)|\bcomes? (?:in|into) my (?:room"
          r"|bed) at night"
          r"|\bdoes (?:stuff|things) to me\b|\bmade me do sexual", "sexual contact or abuse", True),
    _rule("position_of_trust", _I, r"\b(?:teacher|teaching assistant|tutor|coach|youth worker"
          r"|dinner lady|lunch lady|caretaker|instructor|leader|minister|priest|imam|vicar"
          r"|man who runs|woman who runs|social worker|childminder"
          r"|babysitter)\b(?:\s+(?!i\b)[\w']+)"
          rf"{{0,6}}?\s+(?:{_HARM}|touch\w*|kiss\w*) (?:me|my)\b|\b(?:teacher|tutor|coach"
          rf"|youth worker"
          r"|leader|man who runs)\b[^.!?]{0,60}\b(?:secret|delete|favourite|not to tell|alone"
          r"|on my own|his house|her house|presents|photos of himself|late at night)",
          "an adult who works with children", True),
    _rule("suicidal_thoughts", _I, r"\b(?:kill\w*|end\w*|hang\w*) myself\b|\bend (?:it all|my life)"
          r"|\bending (?:it|my life)\b|\bi\b[^.!?]{0,25}?\bsuicid\w*|\bmy suicid\w*|\bi (?:really "
          r"|just |honestly |still )?(?:want|wish|need) to die\b|\bi'd rather (?:be dead|die)\b"
          r"|\bwish i (?:was|were) dead|\bnever"
          r" wake up|\bdon't want to (?:be alive|live|be here)|\b(?:no|see the) point (?:in |of )?"
          r"(?:living|being alive|going on)|\bbetter off (?:without me|if i was dead|dead)"
          r"|\bways to"
          r" die|\btake all (?:[\w']+ ){0,2}(?:pills|tablets)|\bsaving (?:up )?(?:pills"
          r"|tablets)|\bjump off (?:the|a) (?:bridge|building|roof)|\bdisappear forever|\bnot exist"
          r"|\bplan to end|\b(?:tried|try|trying|going|want|wanted|thinking|think) (?:of |about "
          r"|to )?end(?:ing)? (?:it|things|everything)\b"
          r"|\bwrote a note", "thoughts of ending their life"),
    _rule("self_harm", _C, r"\bi\b[^.!?]{0,25}?\b(?:cut|cutting|burn|burning|scratch\w*|harm|harming"
          r"|hurt|hurting) myself|\bi\b[^.!?]{0,25}?\b(?:cut|cutting|burn|burning"
          r"|scratch\w*) my (?:arms?|legs?|wrists?|skin|thighs?)|\bi (?:used to|started|keep"
          r"|still) (?:cut|self harm)|\bi\b[^.!?]{0,25}?\bself"
          r" harm|\bpunch walls|\bbang my head|\bpull my hair out", "self-harm"),
    _rule("self_harm", _I, r"\bcut too deep|\bstitches\b|\bwon't stop bleeding|\boverdose|\btook"
          r" (?:loads of|all) (?:my |the )?(?:pills|tablets)", "self-harm needing medical help now"),
    _rule("online_grooming", _I, rf"(?:^|(?<=[.!?]))(?=[^.!?]*\b{_ONLINE}\b)[^.!?]*\b{_GROOM}"
          r"|\bi sent (?:a )?nude|\bnude\b[^.!?]*\b(?:post"
          r"|send more)", "an adult or stranger online"
          " asking for images, secrecy or a meeting", guard=rf"\b{_ONLINE}\b|\bnude"),
    _rule("exploitation", _I, r"\b(?:older|olders|gang|lads|guys|men|they)\b[^.!?]{0,40}?\b(?:make"
          r"|makes|made|making|force\w*|told|tell)\b[^.!?]{0,15}?\b(?:carry|hold|deliver|drop off"
          r"|take stuff|keep drugs|sell|deal|run drugs|do jobs|go to parties)|\b(?:have"
          r"|got made) to"
          r" (?:sell|deal|work for|go to another|do jobs)|\bi owe them|\bsay i owe|\busing my"
          r" (?:flat|house) to|\b(?:give|gives|buy|buys) (?:me|us)\b[^.!?]{0,40}\b(?:make|makes"
          r"|want|wants|say)"
          r" (?:me|us|we)\b",
          "being made to do things by older people", True),
    _rule("going_missing", _C, r"\bi(?:'m|'ve| am| have| keep| will| want to)?\b[^.!?]{0,20}?\b(?:run"
          r"|running|ran) away\b(?! from (?!(?:home|care|my (?:home|house|foster\w*|care|placement"
          r"|family|step \w+|dad|mum|parents)|the (?:care|children's) home)\b))"
          r"|\bleav\w* home\b|\bnot coming back\b|\bwent missing\b|\bstay out all night|\bdon't go"
          r" home\b|\bnobody will find me", "running away or going missing"),
    _rule("domestic_abuse", _I, rf"{_SUBJ}{_FILLER}{_AT_MUM}", "violence between adults at home",
          True, _AT_MUM),
    _rule("domestic_abuse", _C, r"\b(?:fight|fighting|argu\w+|scream\w* at each other|shout\w* at"
          r" each other|smash\w*|throw things)\b[^.!?]{0,40}\b(?:scar\w+|can't sleep|hide|cry|every"
          r"|all the time|a lot|so much|police|temper)|\b(?:lots|loads) of (?:shouting|fighting"
          r"|screaming)|\b(?:shouts?|shouting|screams?) at my mum\b|\b(?:drinking|drunk"
          r"|drinks)\b[^.!?]{0,30}\b"
          r"(?:scar\w+|angry|hide|smash\w*|cries|shout\w*)|\b(?:don't like|hate"
          r"|scared of) going home"
          r"|\b(?:scream\w*|throw\w*|hit\w*|shout\w*) (?:\w+ )?at each other|\bblack eye"
          r"|\bpolice come to our house|\bso much fighting", "conflict or violence at home"),
    _rule("neglect", _C, r"\b(?:no|never any|isn't any|nothing to) (?:food|eat)\b|\bhungry\b[^.!?]{0,20}"
          r"(?:at home|a lot|all the time|every|most)|\balways hungry"
          r"|\bdon't get (?:no )?(?:breakfast"
          r"|dinner|tea|food|fed)|\bnobody (?:makes|cooks|feeds|washes|buys)|\bforget to feed"
          r"|\bleaves?"
          r" (?:me|us)\b[^.!?]{0,25}(?:on my own|alone)|\bleft (?:me )?(?:on my own|alone)"
          r"|\bon my own"
          r" for days|\bsleep on the floor|\bno (?:electricity|beds?|heating)\b|\bclothes are\b"
          r"[^.!?]{0,15}(?:dirty|too small)|\bsay i smell|\boff (?:her|his) face|\balways drunk"
          r"|\blook after myself|\bget myself to school|\bgone for \w+ days", "signs of neglect"),
    _rule("neglect", _I, r"\b(?:left|leaves?|been gone|gone out)\b[^.!?]{0,40}\bfor (?:\d+|two|three|four"
          r"|five|several|a few) days\b", "left without care for days"),
    _rule("emotional_abuse", _C, r"\b(?:says|said|tells|told|calls?|called) (?:me )?(?:i'm |i am |a |that"
          r" i'm )?(?:stupid|worthless|useless|a waste|waste of space|nothing|a mistake)"
          r"|\bwish\w* i"
          r" was never born|\bnever have been born|\bnobody (?:wants|loves) me|\b(?:she"
          r"|he) hates me"
          r"|\blocks? me (?:out|in)|\block\w* me out|\bsleep in the (?:shed|garden|car)|\bignore me"
          r" for days|\bthreaten\w* to (?:send me away|kick me out)|\bsend me away"
          r"|\bscreams? at me",
          "emotional harm by a parent or carer"),
    _rule("emotional_abuse", _I, r"\bkill me if i (?:tell|say|speak)", "threatened if they tell"),
    _rule("severe_bullying", _I, r"\b(?:stab|shoot|knife)\b[^.!?]{0,20}\bme\b|\bto stab me",
          "threatened with a weapon"),
    _rule("severe_bullying", _C, r"\b(?:too )?(?:scared|frightened|afraid) to (?:come|go) (?:in|to school)\b",
          "too frightened to come to school"),
    _rule("severe_bullying", _C, rf"(?:^|(?<=[.!?]))(?=[^.!?]*\b{_BULLY}\b)[^.!?]*\b{_PERSIST}",
          "persistent bullying", guard=rf"\b{_BULLY}\b"),
    _rule("physical_abuse", _I, rf"{_SUBJ}{_FILLER}?{_AT_ME}", "physical harm by a person", True,
          _AT_ME),
    _rule("physical_abuse", _I, r"\bi (?:get|got|am|'m|was"
          r"|keep getting|getting) (?:getting )?(?:hit|beaten|hurt|kicked|punched|smacked|battered)"
          r" (?:at home|by (?:my|him|her))|\bi'm getting (?:hit|hurt|beaten)\b|\bmarks on my"
          r" \w+ from|\bleav\w* marks\b", "physical harm by a person", True),
    _rule("other", _I, r"\b(?:abused me|i was abused|i am being abused|i'm being abused)\b",
          "says they are or were abused", True),
    _rule("other", _C, r"\b(?:scared|frightened|afraid|terrified)\b[^.!?]{0,10}\b(?:to go|of going)"
          r" home|\b(?:don't|never) feel safe (?:at|in) (?:home|my house)|\bnot safe (?:at"
          r"|in) (?:home"
          r"|my house)|\bsomething bad is happening|\bnot allowed to tell|\bhelp but i can't say"
          r"|\bplease help me|\bhelp me please|\bwhat happens at home|\bmarry|\bmarried and i don't"
          r"|\b(?:man|someone|somebody)\b[^.!?]{0,20}\bfollow\w* me|\bwaits outside school"
          r"|\bi think (?:my|our) \w+ (?:\w+ )?is being", "a worry about safety at home or outside"),
)

# Categories where "used to ... but it's better now" lowers the urgency; sexual abuse and
# suicidal thoughts stay immediate because a past event still needs a referral.
_DOWNGRADE = {"physical_abuse", "self_harm", "going_missing", "domestic_abuse", "neglect"}
_UPGRADE = {"going_missing", "other", "self_harm"}
_TWO_WORDS_BEFORE = re.compile(r"([\w']+\W+){0,2}$")
_JOKE = re.compile(r"\b(?:lol|haha\w*|jk)\b|\bto the circus\b|\bjoin a band\b")


def _negated(text: str, start: int, end: int) -> bool:
    """Say whether a negation sits in the match or in the two words before it."""
    before = _TWO_WORDS_BEFORE.search(text, max(0, start - 40), start)
    # Only the subject and verb end of the match: "says not to tell" later on is content.
    head = " ".join(text[start:end].split()[:5])
    window = (before.group(0) if before else "") + head
    return bool(_NEG.search(window))


def _sentence_at(text: str, start: int, end: int) -> str:
    """Return the sentence around a match, so context checks stay local."""
    left = max(text.rfind(mark, 0, start) for mark in ".!?\n")
    rights = [i for i in (text.find(mark, end) for mark in ".!?\n") if i != -1]
    return text[left + 1:min(rights) if rights else len(text)]


def _severity(category: str, base: str, sentence: str) -> str:
    """Adjust a rule's severity for resolved-past wording and for tonight/now urgency."""
    if category in _DOWNGRADE and base == _I and _PAST.search(sentence):
        return _C
    if category in _UPGRADE and _URGENT.search(sentence):
        return _I
    return base


def _vetoed(category: str, text: str, match: re.Match[str], negatable: bool) -> bool:
    """Drop matches that are negated, about games, or jokes about running off."""
    if negatable and _negated(text, *match.span()):
        return True
    if category in {"physical_abuse", "position_of_trust"} and _GAME.match(text, match.end()):
        return True
    return category == "going_missing" and bool(_JOKE.search(_sentence_at(text, *match.span())))


def _hits(text: str) -> list[tuple[str, str, str]]:
    """Return (category, severity, reason) for every rule that matches and is not vetoed."""
    hits = []
    for category, base, pattern, reason, negatable, guard in RULES:
        if guard is not None and not guard.search(text):
            continue
        for match in pattern.finditer(text):
            if not _vetoed(category, text, match, negatable):
                sentence = _sentence_at(text, *match.span())
                hits.append((category, _severity(category, base, sentence), reason))
                break
    return hits


def screen(text: str) -> Screening:
    """Screen one free-text answer; any flag must be read by a safeguarding reviewer."""
    if not text or not text.strip():
        return NONE
    norm = normalise(text)
    hits = _hits(norm)
    if not hits:
        return NONE
    top = max(hits, key=lambda hit: _RANK[hit[1]])
    reasons = tuple(dict.fromkeys(reason for _, _, reason in hits))
    return Screening(True, top[1], top[0], reasons)
