"""Which language a free-text answer is written in, and a keyword screen for the ones we ship.

Pure and offline. The English models (value tags, sentiment, the safeguarding rules) cannot
read other languages, so a text in another language is left for a person: never tagged, and
always sent to the safeguarding queue (see screen_other). Detection is deliberately simple:
the script tells Arabic (and Urdu, by its extra letters) from Latin text, and for Latin text a
count of common little words tells Polish from English, because a Polish speaker may well
write in English and then the English screen reads it.
"""
import re
import unicodedata

from engage.analysis.safeguarding import NOT_SCREENED, Screening

ENGLISH = "en"
ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
URDU_LETTERS = re.compile(r"[\u0679\u0688\u0691\u06ba\u06be\u06c1\u06d2]")  # ٹ ڈ ڑ ں ھ ہ ے
LETTER = re.compile(r"[^\W\d_]")
WORD = re.compile(r"[^\W\d_]+")
POLISH_LETTERS = set("ąćęłńśźż")
POLISH_WORDS = {
    "i", "w", "na", "nie", "jest", "się", "sie", "że", "ze", "to", "do", "mnie", "mi", "jak", "ale",
    "co", "mam", "bo", "tak", "być", "byc", "więcej", "wiecej", "chcę", "chce", "szkoła", "szkola",
    "szkole", "lubię", "lubie", "moja", "mój", "moj", "jestem", "czy", "za", "od", "dla", "by",
    "żeby", "zeby", "tylko", "bardzo", "też", "tez", "ja", "oraz", "gdzie", "kiedy", "dzieci",
}
ENGLISH_WORDS = {
    "the", "a", "and", "is", "to", "of", "in", "it", "i", "my", "me", "we", "you", "more", "not",
    "are", "be", "for", "that", "with", "have", "like", "school", "at", "on", "do", "there", "they",
    "would", "want", "please", "should", "can", "help", "people", "because", "so", "but", "no",
}
NAMES = {"ar": "Arabic", "ur": "Urdu", "pl": "Polish", "und": "a language we cannot read"}


def detect(text: str) -> str:
    """Return en, ar, ur, pl, or und (letters of another script we do not read)."""
    letters = LETTER.findall(text or "")
    if not letters:
        return ENGLISH
    arabic = sum(1 for ch in letters if ARABIC_SCRIPT.match(ch))
    if arabic * 3 >= len(letters):
        return "ur" if URDU_LETTERS.search(text) else "ar"
    latin = sum(1 for ch in letters if "LATIN" in unicodedata.name(ch, ""))
    if latin * 2 < len(letters):
        return "und"
    return _polish_or_english(text.lower())


def _polish_or_english(lowered: str) -> str:
    words = WORD.findall(lowered)
    polish = sum(1 for w in words if w in POLISH_WORDS or POLISH_LETTERS & set(w))
    english = sum(1 for w in words if w in ENGLISH_WORDS)
    return "pl" if polish > english else ENGLISH


def language_name(code: str) -> str:
    """Say a detected language in words, for a safeguarding lead."""
    return NAMES.get(code, code)


# Recall first, like the English screen: short stems in the forms children type (Polish
# without its accents, Arabic without vowel marks and with one alef). A hit is a flag like any
# other; the lead reads the text itself, with a translator if needed.
KEYWORDS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "pl": (
        ("zabic sie", "suicidal_thoughts", "immediate"), ("zabije sie", "suicidal_thoughts", "immediate"),
        ("sie zabic", "suicidal_thoughts", "immediate"),
        ("samoboj", "suicidal_thoughts", "immediate"), ("nie chce zyc", "suicidal_thoughts", "immediate"),
        ("tne sie", "self_harm", "immediate"), ("krzywdze sie", "self_harm", "immediate"),
        ("bije mnie", "physical_abuse", "immediate"), ("bija mnie", "physical_abuse", "immediate"),
        ("bil mnie", "physical_abuse", "immediate"), ("uderza mnie", "physical_abuse", "immediate"),
        ("kopie mnie", "physical_abuse", "immediate"), ("krzywdzi mnie", "physical_abuse", "immediate"),
        ("dotyka mnie", "sexual_abuse", "immediate"), ("dotykal mnie", "sexual_abuse", "immediate"),
        ("molest", "sexual_abuse", "immediate"), ("gwalt", "sexual_abuse", "immediate"),
        ("zgwalc", "sexual_abuse", "immediate"), ("nagie zdjec", "online_grooming", "immediate"),
        ("nagich zdjec", "online_grooming", "immediate"), ("nudes", "online_grooming", "immediate"),
        ("boje sie wracac", "other", "concern"), ("boje sie taty", "domestic_abuse", "concern"),
        ("boje sie mamy", "domestic_abuse", "concern"), ("glodn", "neglect", "concern"),
        ("uciekne z domu", "going_missing", "concern"), ("nekaj", "severe_bullying", "concern"),
    ),
    "ar": (
        ("انتحر", "suicidal_thoughts", "immediate"), ("انتحار", "suicidal_thoughts", "immediate"),
        ("اقتل نفسي", "suicidal_thoughts", "immediate"), ("لا اريد ان اعيش", "suicidal_thoughts", "immediate"),
        ("اوذي نفسي", "self_harm", "immediate"), ("اجرح نفسي", "self_harm", "immediate"),
        ("يضربني", "physical_abuse", "immediate"), ("ضربني", "physical_abuse", "immediate"),
        ("تضربني", "physical_abuse", "immediate"), ("يوذيني", "physical_abuse", "immediate"),
        ("يؤذيني", "physical_abuse", "immediate"), ("اذاني", "physical_abuse", "immediate"),
        ("يلمسني", "sexual_abuse", "immediate"), ("لمسني", "sexual_abuse", "immediate"),
        ("اغتصب", "sexual_abuse", "immediate"), ("تحرش", "sexual_abuse", "immediate"),
        ("صور عاري", "online_grooming", "immediate"), ("يهددني", "other", "concern"),
        ("خائف", "other", "concern"), ("خايف", "other", "concern"), ("جائع", "neglect", "concern"),
    ),
}
ARABIC_MARKS = re.compile(r"[\u064b-\u065f\u0670\u0640]")  # vowel marks and the stretching tatweel


def normalise(text: str, lang: str) -> str:
    """Fold a text the way KEYWORDS are written for its language."""
    lowered = text.lower()
    if lang == "ar":
        folded = ARABIC_MARKS.sub("", lowered)
        return folded.translate(str.maketrans("أإآٱ", "اااا"))
    stripped = unicodedata.normalize("NFKD", lowered.replace("ł", "l"))
    return "".join(ch for ch in stripped if not unicodedata.combining(ch))


def screen_other(text: str, lang: str) -> Screening:
    """Screen a text the English rules cannot read: a keyword hit, or 'not screened' for a person.

    Either way the result is a flag, so the text reaches a safeguarding lead rather than sitting
    unread; `not_screened` tells the two apart (only a keyword hit shows the child the help page).
    """
    folded = normalise(text, lang)
    hits = [(stem, category, severity) for stem, category, severity in KEYWORDS.get(lang, ())
            if stem in folded]
    if hits:
        severity = "immediate" if any(s == "immediate" for _, _, s in hits) else "concern"
        reasons = tuple(f"{language_name(lang)} keyword: {stem}" for stem, _, _ in hits)
        return Screening(True, severity, hits[0][1], reasons)
    return Screening(True, "concern", NOT_SCREENED, (not_screened(lang),))


def not_screened(lang: str) -> str:
    """The reason a safeguarding lead sees on a text no screen could read."""
    return f"not screened: written in {language_name(lang)}"


def is_not_screened(screening: Screening) -> bool:
    """Say whether a screening only says 'no screen could read this'."""
    return any(reason.startswith("not screened:") for reason in screening.matched)
