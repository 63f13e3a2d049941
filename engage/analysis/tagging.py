"""Value and sub-theme tagger: TF-IDF word n-grams + framework lexicon, linear SVMs.

Trained in-process from the shipped framework descriptions and labelled comments (plus any
officer corrections), so no model file has to be committed or downloaded. A tag is only a
suggestion for an officer to confirm (domain.md R5).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from engage.analysis.text import TOKEN_RE, normalise

DATA_DIR = Path(__file__).parent / "data"
SECONDARY_THRESHOLD = 0.25  # a second value is worth showing from here (checked on dev folds)
SUBTHEME_THRESHOLD = 0.45  # share of the primary value's sub-theme mass needed to name one
Example = tuple[str, int, str | None]


@dataclass(frozen=True)
class Tagging:
    """Suggested values for one text, most likely first."""

    primary_value: int
    values: tuple[tuple[int, float], ...]
    subtheme: str | None
    confidence: float


# Keyword stems per sub-theme, taken from the framework wording and the boundary rules in
# domain.md 1.2-1.4 (homelessness -> 4b, damp/overcrowding -> 1b, sport -> 3d, ...). They give
# the classifier prior knowledge that ~700 examples alone cannot (CV macro-F1 0.67 -> 0.85).
LEXICON: dict[str, str] = {
    "1a": "bull* safe* abus* neglect* exploit* harm hurt* picked_on child_protection social_care"
          " marac missing run_away ran_away foster* in_care trusted_adult racis* harass* scared_of"
          " frightened",
    "1b": "damp mould* mold* overcrowd* cramped flat flats bedroom share_a_bed share_a_room"
          " landlord* repair* heating leak* housing accommodation bedsit* rent rents rented mice"
          " window windows",
    "1c": "disab* wheelchair* short_break short_breaks respite autis* down's downs deaf blind"
          " hearing sign_language cerebral epilep* complex_needs special_needs learning_disability"
          " learning_disabilities medical_needs",
    "1d": "stole stolen steal* rob robbed robbing robbery mugg* snatch* scam* hack* online"
          " fake_account knifepoint victim* assault* spik* nude nudes deepfake* followed stranger*"
          " group_chat app apps roblox fortnite snap* instagram gaming",
    "1e": "young_carer young_carers carer caring look_after_my looking_after_my care_for"
          " help_my_mum help_my_dad poorly ill sick tablets",
    "2a": "healthy food fruit veg* sugar* sweets crisps fizzy junk fast_food chicken_shop* obes*"
          " overweight weight diet* canteen dinner dinners lunch* cook* eat eating eats breakfast*",
    "2b": "self_harm self_harming self_harmed cutting cut_myself cut_herself cut_himself"
          " hurting_myself hurt_myself hurting_themselves",
    "2c": "mental_health camhs anxi* depress* counsell* therap* stress* worr* sad lonely panic*"
          " wellbeing emotional eating_disorder feelings angry nervous",
    "2d": "vap* smok* drug* alcohol drink* cannabis weed ketamine nitrous condom* contracept*"
          " sexual_health sex_ed sex_education consent chlamydia pill substance*",
    "2e": "gp doctor* health_visitor midwife breastfeed* vaccin* immunis* mmr baby babies newborn*"
          " antenatal postnatal pre-natal prenatal clinic a&e 111 pharmac* fever temperature"
          " asthma rash infection*",
    "3a": "school schools teacher* class classes classroom* lesson lessons admission* place"
          " places catchment head supply cover library",
    "3b": "college* sixth_form apprentice* a_level a_levels btec* course courses career careers"
          " university uni neet post-16 post_16 work_experience further_education",
    "3c": "behind catch_up struggl* reading spelling* maths dyslexi* tutor* ehcp sen senco"
          " excluded exclusion* attainment gap help_in_class extra_help teaching_assistant*"
          " adhd",
    "3d": "pe sport* fit fitness active exercis* run running runs swim* football netball gym"
          " gymnastics dance cycl* race races",
    "3e": "park parks playground* play_area swing swings skate_park skatepark* leisure_cent*"
          " youth_club* youth_cent* club clubs pitches court courts open_space open_spaces"
          " riverside trees activit* holiday_club* nowhere_to_go",
    "3f": "anti-social antisocial anti_social gang gangs crime* criminal* vandal* graffiti"
          " spray_paint fight fights fighting knife knives arrest* caution offend* youth_justice"
          " shoplift* moped* setting_fires throw_stones throwing_stones throw_eggs trouble",
    "4a": "money afford* poverty poor cost_of_living food_bank* benefit benefits universal_credit"
          " bill bills debt* free_school_meals free_school_meal uniform* can't_pay skip_meals job"
          " wage wages hardship bursary ema",
    "4b": "homeless* evict* temporary_accommodation hostel* b&b bed_and_breakfast sofa_surf*"
          " kicked_out threw_me_out sleeping_in sleeping_on sleeping_rough on_the_street"
          " no_where_to_go lost_our_house",
    "4c": "parent* family_support strengthening_families behaviour_at_home behavior_at_home"
          " tantrums boundaries dad dads",
    "4d": "childcare nursery nurseries childminder* creche 30_hours 15_hours breakfast_club"
          " after-school after_school_club after_school_clubs holiday_childcare tax-free",
    "4e": "children's_cent* childrens_cent* stay_and_play toddler* under_3 under_3s under_three*"
          " two_year_old two_year_olds baby_group* early_education speech health_visiting"
          " family_hub",
    "5a": "survey* listen* consult* have_our_say have_a_say have_your_say vote voting"
          " youth_council school_council feedback heard asked_us what_you_did forum panel panels"
          " idea ideas",
    "5b": "agenc* work_together working_together talk_to_each_other joined_up share_information"
          " sharing_information information_sharing multi-agency same_questions story partner*"
          " different_workers different_professionals on_the_same_page",
    "5c": "choos* choice* control personal_budget* direct_payment* pick say_in decid* placement*",
    "5d": "local_offer website* online app phone* opening_hours open evening evenings weekend*"
          " access* language* interpret* easy_read plain_english bus buses travel too_far"
          " find_out don't_know_where live_chat",
}

_TOKEN_CACHE_SIZE = 100_000
_LEX_TOKEN = re.compile(r"[a-z0-9&]+(?:['-][a-z0-9]+)*")


class LexiconFeatures:
    """Count (capped at 2) keyword hits per sub-theme: one column per sub-theme.

    Dictionary lookups per token instead of one big regex: ~6x faster on survey text.
    """

    def __init__(self, weight: float = 2.0) -> None:
        self.weight = weight
        self.keys = sorted(LEXICON)
        self.words: dict[str, set[int]] = {}
        self.stems: dict[str, set[int]] = {}
        self.phrases: dict[str, list[tuple[tuple[str, ...], int]]] = {}
        for col, key in enumerate(self.keys):
            for term in LEXICON[key].split():
                self._add(term, col)
        self.stem_lengths = sorted({len(stem) for stem in self.stems})
        self._token_cache: dict[str, frozenset[int]] = {}

    def __getstate__(self) -> dict:
        return {**self.__dict__, "_token_cache": {}}  # a saved model carries no cache

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._token_cache = {}  # models saved before the cache existed load too

    def _add(self, term: str, col: int) -> None:
        first, *rest = term.split("_")
        if rest:
            self.phrases.setdefault(first, []).append((tuple(rest), col))
        elif first.endswith("*"):
            self.stems.setdefault(first[:-1], set()).add(col)
        else:
            self.words.setdefault(first, set()).add(col)

    def fit(self, texts: Sequence[str], y=None) -> LexiconFeatures:
        return self

    def _columns(self, tokens: list[str]) -> dict[int, int]:
        counts: dict[int, int] = {}
        for i, token in enumerate(tokens):
            cols = set(self._word_columns(token))
            for rest, col in self.phrases.get(token, ()):
                if _phrase_at(tokens, i + 1, rest):
                    cols.add(col)
            for col in cols:
                counts[col] = min(counts.get(col, 0) + 1, 2)
        return counts

    def _word_columns(self, token: str) -> frozenset[int]:
        """Return the columns a token hits as a word or by a stem, remembered per token.

        Survey text reuses a small vocabulary, so most tokens are looked up once; the cache
        is emptied when it grows past _TOKEN_CACHE_SIZE so memory stays bounded.
        """
        cols = self._token_cache.get(token)
        if cols is None:
            found = set(self.words.get(token, ()))
            for length in self.stem_lengths:
                if length > len(token):
                    break
                found |= self.stems.get(token[:length], set())
            if len(self._token_cache) >= _TOKEN_CACHE_SIZE:
                self._token_cache.clear()
            cols = self._token_cache[token] = frozenset(found)
        return cols

    def transform(self, texts: Sequence[str]):
        from scipy.sparse import csr_matrix

        data, indices, indptr = [], [], [0]
        for text in texts:
            counts = self._columns(_LEX_TOKEN.findall(text))
            indices.extend(counts)
            data.extend(count * self.weight / 2 for count in counts.values())
            indptr.append(len(indices))
        return csr_matrix((data, indices, indptr), shape=(len(texts), len(self.keys)))

    def get_params(self, deep: bool = True) -> dict:
        return {"weight": self.weight}


def _phrase_at(tokens: list[str], start: int, rest: tuple[str, ...]) -> bool:
    """Say whether tokens[start:] begin with rest; a last word ending in * is a stem."""
    if start + len(rest) > len(tokens):
        return False
    *head, last = rest
    if any(tokens[start + i] != word for i, word in enumerate(head)):
        return False
    actual = tokens[start + len(head)]
    return actual.startswith(last[:-1]) if last.endswith("*") else actual == last


def _features():
    """Build word 1-2gram TF-IDF + lexicon features (sklearn imported lazily: it is slow).

    Character 3-4grams were tried: 5-fold CV on the training comments gave macro-F1 0.834
    with them and 0.847 without, at half the speed, so they are left out; normalise() already
    repairs the common misspellings they were meant to absorb.
    """
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import FeatureUnion

    words = TfidfVectorizer(lowercase=False, token_pattern=TOKEN_RE.pattern,
                            ngram_range=(1, 2), sublinear_tf=True)
    return FeatureUnion([("words", words), ("lexicon", LexiconFeatures())])


def _value_classifier():
    """Linear SVM (50x faster to train than lbfgs LR here, same CV F1), sigmoid-calibrated."""
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.svm import LinearSVC

    return CalibratedClassifierCV(LinearSVC(C=1.0, random_state=0), cv=3)


def _subtheme_classifier():
    from sklearn.svm import LinearSVC

    return LinearSVC(C=1.0, random_state=0)


class ValueTagger:
    """Suggest a primary value, secondary values and a sub-theme for free text."""

    def __init__(self) -> None:
        self.features = _features()
        self.value_model = _value_classifier()
        self.subtheme_model = _subtheme_classifier()

    def fit(self, examples: Iterable[Example]) -> ValueTagger:
        """Train both models from (text, value, subtheme-or-None) examples."""
        rows = list(examples)
        matrix = self.features.fit_transform([normalise(text) for text, _, _ in rows])
        self.value_model.fit(matrix, [value for _, value, _ in rows])
        with_sub = [i for i, (_, _, sub) in enumerate(rows) if sub]
        self.subtheme_model.fit(matrix[with_sub], [rows[i][2] for i in with_sub])
        return self

    def predict(self, texts: Sequence[str]) -> list[Tagging]:
        """Tag a batch of texts (batching amortises the sparse matrix work)."""
        if not texts:
            return []
        matrix = self.features.transform([normalise(text) for text in texts])
        # Plain lists: iterating numpy scalars one by one costs more than the models themselves.
        value_probs = self.value_model.predict_proba(matrix).tolist()
        sub_probs = _softmax(self.subtheme_model.decision_function(matrix))
        return [self._tagging(v, s) for v, s in zip(value_probs, sub_probs, strict=False)]

    def _tagging(self, value_probs, sub_probs) -> Tagging:
        ranked = sorted(zip(self.value_model.classes_.tolist(), value_probs, strict=False), key=lambda p: -p[1])
        primary, confidence = int(ranked[0][0]), float(ranked[0][1])
        values = tuple((int(v), round(float(p), 4)) for v, p in ranked
                       if v == primary or p >= SECONDARY_THRESHOLD)
        return Tagging(primary, values, self._subtheme(primary, sub_probs), round(confidence, 4))

    def _subtheme(self, primary: int, sub_probs) -> str | None:
        """Name the best sub-theme of the primary value only when it clearly leads."""
        columns = self._subtheme_columns(primary)
        if not len(columns):
            return None
        own = sub_probs[columns]
        total, best = float(own.sum()), int(own.argmax())
        prob = float(own[best])
        if not total or prob / total < SUBTHEME_THRESHOLD:
            return None
        return str(self.subtheme_model.classes_[columns[best]])

    def _subtheme_columns(self, primary: int):
        """Return the indices of the primary value's sub-themes (cached on the tagger)."""
        import numpy as np

        cache = self.__dict__.setdefault("_columns_by_value", {})
        if primary not in cache:
            classes = self.subtheme_model.classes_
            cache[primary] = np.array([i for i, s in enumerate(classes) if str(s).startswith(str(primary))])
        return cache[primary]

    def save(self, path: str | Path) -> None:
        """Write the fitted tagger with joblib."""
        import joblib

        joblib.dump(self, path)

    @classmethod
    def load(cls, path: str | Path) -> ValueTagger:
        """Read a tagger written by save()."""
        import joblib

        tagger = joblib.load(path)
        if not isinstance(tagger, cls):
            raise TypeError(f"{path} does not hold a ValueTagger")
        return tagger


def _softmax(scores):
    """Turn SVM margins into shares that sum to one (only their ratios are used)."""
    import numpy as np

    exp = np.exp(3.0 * (scores - scores.max(axis=1, keepdims=True)))
    return exp / exp.sum(axis=1, keepdims=True)


def read_jsonl(name: str) -> list[dict]:
    """Read one of the shipped JSONL data files."""
    with open(DATA_DIR / name, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def shipped_examples() -> list[Example]:
    """Return the framework seed sentences and the labelled training comments."""
    rows = read_jsonl("framework_seed.jsonl") + read_jsonl("comments_train.jsonl")
    return [(row["text"], int(row["value"]), row.get("subtheme")) for row in rows]


def train(extra_examples: Iterable[Example] = ()) -> ValueTagger:
    """Train a tagger on the shipped data plus extra (text, value, subtheme) corrections."""
    extra = [(text, int(value), subtheme or None) for text, value, subtheme in extra_examples]
    return ValueTagger().fit(shipped_examples() + extra)


@lru_cache(maxsize=4)
def default_tagger(cache_path: str | None = None) -> ValueTagger:
    """Return a cached tagger trained on shipped data; optionally persisted at cache_path."""
    if cache_path and Path(cache_path).exists() and _fresh(Path(cache_path)):
        return ValueTagger.load(cache_path)
    tagger = train()
    if cache_path:
        tagger.save(cache_path)
    return tagger


def _fresh(cache: Path) -> bool:
    """Say whether the cache is newer than every shipped data file and this module."""
    sources = [*DATA_DIR.glob("*.jsonl"), Path(__file__)]
    return cache.stat().st_mtime >= max(path.stat().st_mtime for path in sources)
