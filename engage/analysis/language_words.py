"""Word lists the language rules count: Polish and Roman Urdu little words, English words."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

POLISH_WORDS = {
    "i", "w", "na", "nie", "jest", "się", "sie", "że", "ze", "to", "do", "mnie", "mi", "jak", "ale",
    "co", "mam", "bo", "tak", "być", "byc", "więcej", "wiecej", "chcę", "chce", "szkoła", "szkola",
    "szkole", "lubię", "lubie", "moja", "mój", "moj", "jestem", "czy", "za", "od", "dla", "by",
    "żeby", "zeby", "tylko", "bardzo", "też", "tez", "ja", "oraz", "gdzie", "kiedy", "dzieci",
}
# Urdu and Hindi typed in English letters, as many British South Asian children write them:
# words that are not English words, two of them and no English little word make a text Roman Urdu.
ROMAN_URDU_WORDS = {
    "mera", "meri", "mere", "mujhe", "mujhko", "hai", "hain", "nahi", "nahin", "kya", "kyun",
    "baap", "abba", "abbu", "ammi", "ammu", "ghar", "mein", "bhai", "behen", "marta", "marti",
    "marte", "karta", "karti", "hum", "tum", "aap", "bohat", "bahut", "acha", "accha", "dar",
    "lagta", "lagti", "chahta", "chahti", "jaana", "jana", "woh", "yeh", "kuch",
}
# Texting and slang young people in England write in short answers: English, though no word list
# holds them and the language model cannot tell them from another language's words.
TEXT_SPEAK = frozenset("""
idk tbh tbf smh ngl imo imho lol lmao lmfao rofl omg omd wtf btw fyi asap pls plz thx ty np nvm
ikr irl jk ily cba gr8 l8r m8 b4 sk8 gd gud h8 skl skul nuffin nuthin nowt owt summat innit init
ye yeh yea yh ya nah naw nope yep yup aye dunno gonna wanna gotta kinda sorta hmm meh ugh oi ok kk
peng bare mandem wagwan bruv fam ting peak mint canny lush deffo defo prolly probs obvs sus lit
rizz bussin lowkey highkey xoxo xx wifi ta mam nan grandad telly footy uni sixth
""".split())
# Labels the model gives English and English-based writing: Nigerian Pidgin, and "no language".
ENGLISH_LIKE = {"en", "pcm", "zxx"}
SPELLING = Path(__import__("textblob").__file__).parent / "en" / "en-spelling.txt"
MIN_COUNT = 5  # a word seen at least this often in TextBlob's English frequency list


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Return English words from the frequency list that ships inside TextBlob."""
    words = set()
    for line in SPELLING.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) == 2 and not line.startswith(";") and int(parts[1]) >= MIN_COUNT:
            words.add(parts[0].lower())
    return frozenset(words)


def english_share(words: list[str]) -> float:
    """Return the share of these (lower-case) words that are English words; 1.0 for none."""
    if not words:
        return 1.0
    known = english_words()
    return sum(map(known.__contains__, words)) / len(words)
