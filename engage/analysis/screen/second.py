"""A second look at the model's own flags below "immediate": is this text's nearest labelled
wording ordinary?

The first model is a bag of words: "my mum shouts when i dont tidy my room" shares every word
with disclosures. What it lacks is how close a text is to labelled texts as a whole: this one has
ordinary twins from other sources. The second stage reads that closeness (to the three nearest
disclosures and the three nearest ordinary comments), the first score, the screen's concepts and
a few cues of context, and is fitted on the region it will judge, with first scores and
neighbours that never saw the text (inner folds by source group), as a new text meets them.
"""

from __future__ import annotations

import math
import re
import zlib
from dataclasses import dataclass

import numpy as np

from engage.analysis.screen import model

INNER_FOLDS = 5
# The region it learns from: texts no rule caught that the first model scores at least this high.
REGION_FLOOR = 0.15
# Who speaks, when, about whom, in what frame. Alone none separates (on the folds each marks
# disclosures about as often as ordinary comments); beside the neighbours they add a little.
_CUES = {
    "parent": r"\b(?:my|our) (?:son|daughter|child|children|kids?|boy|girl|eldest|youngest|teen|teenager"
              r"|toddler|\d+ ?(?:yo|year old|yr old))\b|\bas a (?:parent|mum|dad|mother|father)\b",
    "professional": r"\bas a (?:teacher|social worker|nurse|foster carer|youth worker|professional|gp"
                    r"|counsellor)\b|\b(?:pupils|our students|staff|colleagues|practitioners|caseload"
                    r"|referrals?)\b",
    "lesson": r"\b(?:lessons?|pshe|rse|assembly|we learn\w*|learn\w* about|training|course|session"
              r"|taught|workshop|teach\w*)\b",
    "media": r"\b(?:film|movie|book|show|series|episode|news|article|video|tiktok|youtube|character"
             r"|story|novel|documentary|soap|drama|song)\b",
    "policy": r"\b(?:should|ban|law|policy|council|government|funding|services?|waiting lists?|waits?"
              r"|more (?:help|support)|needs? (?:more|to)|consultation|survey)\b",
    "hypothetical": r"\b(?:if|what if|would|could|might|in case|imagine)\b",
    "question": r"\?|^(?:what|how|can|do|does|is|will|would|should|who|why|are)\b",
    "hedge": r"\b(?:i think|maybe|probably|sort of|kind of|i guess|a bit|sometimes)\b",
    "joke": r"\b(?:lol|haha\w*|lmao|jk|literally|kidding|joking|dramatic|banter|tbh)\b",
    "warm": r"\b(?:love|happy|fun|great|enjoy\w*|proud|thank\w*|brilliant|amazing|nice|kind|safe|fair)\b",
    "over": r"\b(?:sorted|better now|fine now|it'?s fine|ok now|okay now|stopped|sober|clean for|free of"
            r"|got help|we talked|made up|said sorry|apologi\w+|dealt with|blocked|reported|over it"
            r"|all good|doing well|back to normal)\b",
    "long_ago": r"\b(?:when i was (?:\d+|little|younger|a kid|small)|years ago|used to|last year"
                r"|back then|as a (?:kid|child)|in year \d)\b",
    "going_on": r"\b(?:still|keeps?|every (?:day|night)|right now|tonight|at the moment|again|always"
                r"|won'?t stop)\b",
    "general": r"\b(?:people|young people|children|kids|everyone|some (?:kids|people|children)"
               r"|families|teenagers|anyone)\b",
    "someone_else": r"\bmy (?:best )?(?:friend|mate|cousin|neighbour)\b|\b(?:a|one) (?:girl|boy|kid)"
                    r" (?:in|at|from)\b",
    "me": r"\b(?:me|myself|my body)\b",
    "adult_acts": r"\b(?:my|our) (?:mum|mam|dad|step ?\w+|uncle|aunt\w*|grandad|grandpa|nan|gran|coach"
                  r"|teacher|tutor|boyfriend|partner|carer)\b|\b(?:he|she) (?:hits?|hurts?|touch\w*"
                  r"|grab\w*|says?|makes? me|tells? me)\b",
    "money_home": r"\b(?:money|bills?|rent|heating|cold|damp|food bank|cost of living|afford|housing)\b",
    "exclaim": r"!",
}
_COMPILED = tuple((f"x:{name}", re.compile(pattern)) for name, pattern in _CUES.items())


def cues(norm: str) -> list[str]:
    """Return the context cues of a normalised text, and its length as short, middling or long."""
    found = [name for name, pattern in _COMPILED if pattern.search(norm)]
    words = len(norm.split())
    return [*found, "x:short" if words < 12 else "x:middling" if words < 30 else "x:long"]


@dataclass
class Neighbours:
    """The labelled texts as unit vectors of word and character fragments."""

    words: object  # fitted TfidfVectorizer (words and pairs)
    chars: object  # fitted TfidfVectorizer (character 3-5-grams within words)
    matrix: object  # csr_matrix, one normalised row per labelled text
    labels: np.ndarray
    _columns: object = None  # the matrix transposed, made at first use

    def vectors(self, norms: list[str]):
        """Return unit vectors for normalised texts."""
        from scipy.sparse import hstack
        from sklearn.preprocessing import normalize

        return normalize(hstack([self.words.transform(norms), self.chars.transform(norms)]).tocsr())

    def nearest(self, vectors, among: np.ndarray | None = None) -> np.ndarray:
        """Return, per text, the closeness of its nearest and three nearest disclosures and ordinary
        comments, among the labelled rows given (all when None)."""
        if among is None:
            # Fragments by rows, made once: a product with the matrix's transpose view would
            # convert all of it on every call, ten times the cost of the look-up itself.
            if self._columns is None:
                self._columns = self.matrix.T.tocsr()
            sims, labels = (vectors @ self._columns).toarray(), self.labels
        else:
            sims, labels = (vectors @ self.matrix[among].T).toarray(), self.labels[among]
        near_yes = -np.sort(-np.where(labels, sims, -1.0), axis=1)[:, :3]
        near_no = -np.sort(-np.where(labels, -1.0, sims), axis=1)[:, :3]
        return np.stack([near_yes[:, 0], near_no[:, 0], near_yes.mean(1), near_no.mean(1)], axis=1)


def fit_neighbours(norms: list[str], labels: list[bool]) -> Neighbours:
    """Index labelled texts for nearest-neighbour closeness."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    words = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True, dtype=np.float32).fit(norms)
    chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), min_df=2, sublinear_tf=True,
                            dtype=np.float32).fit(norms)
    index = Neighbours(words, chars, None, np.asarray(labels, dtype=bool))
    index.matrix = index.vectors(norms)
    return index


def inputs(norm: str, probability: float, concepts: list[str], near: np.ndarray,
           signal: bool, explained: bool) -> dict[str, float]:
    """Return the second stage's inputs for one text."""
    found = dict.fromkeys([*cues(norm), *concepts], 1.0)
    logit = math.log(max(probability, 1e-4) / max(1 - probability, 1e-4))
    found["p:logit"] = logit / 4
    for floor in (0.35, 0.5, 0.7, 0.9):
        if probability >= floor:
            found[f"p:>{floor}"] = 1.0
    found["s:signal"], found["s:explained"] = float(signal), float(explained)
    yes1, no1, yes3, no3 = (float(x) for x in near)
    found.update({"n:yes1": yes1, "n:no1": no1, "n:yes3": yes3, "n:no3": no3,
                  "n:gap1": 3 * (yes1 - no1), "n:gap3": 3 * (yes3 - no3)})
    return found


@dataclass
class SecondStage:
    """Weights of the second stage's logistic regression, and the neighbours it reads."""

    weights: dict[str, float]
    bias: float
    neighbours: Neighbours

    def probability(self, norm: str, probability: float, concepts: list[str], signal: bool,
                    explained: bool) -> float:
        """Return P(disclosure) for a text the first model flagged below "immediate"."""
        near = self.neighbours.nearest(self.neighbours.vectors([norm]))[0]
        values = inputs(norm, probability, concepts, near, signal, explained)
        z = self.bias + sum(self.weights.get(name, 0.0) * value for name, value in values.items())
        return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


def inner_fold(source_id: str) -> int:
    """Put every text of one source group in the same inner fold (apart from the outer folds)."""
    return zlib.crc32(f"{source_id}#inner".encode()) % INNER_FOLDS


def train_second(rows: list[dict], norms: list[str], feats: list[list[str]], ruled: list[bool],
                 signal: list[bool], explained: list[bool]) -> SecondStage | None:
    """Fit the second stage on the texts no rule caught that an inner model scores high enough
    (None when the rows are too few to hold both kinds in every part)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    labels = np.asarray([bool(row["flag"]) for row in rows])
    folds = np.asarray([inner_fold(row["source_id"]) for row in rows])
    neighbours = fit_neighbours(norms, labels.tolist())
    examples, targets = [], []
    for k in range(INNER_FOLDS):
        held, kept = np.where(folds == k)[0], np.where(folds != k)[0]
        if len(set(labels[kept].tolist())) < 2:
            return None
        scorer = model.train_flag([feats[i] for i in kept], labels[kept].tolist())
        region = [i for i in held if not ruled[i] and scorer.probability(feats[i]) >= REGION_FLOOR]
        if not region:
            continue
        near = neighbours.nearest(neighbours.matrix[region], among=kept)
        for i, close in zip(region, near, strict=True):
            concepts = [f for f in feats[i] if f.startswith("k:")]
            examples.append(inputs(norms[i], scorer.probability(feats[i]), concepts, close,
                                   signal[i], explained[i]))
            targets.append(bool(labels[i]))
    if len(set(targets)) < 2:
        return None
    vectorizer = DictVectorizer()
    fit = LogisticRegression(C=1.0, class_weight="balanced", max_iter=3000)
    fit.fit(vectorizer.fit_transform(examples), targets)
    weights = {str(n): float(w) for n, w in zip(vectorizer.get_feature_names_out(), fit.coef_[0], strict=True)}
    return SecondStage(weights, float(fit.intercept_[0]), neighbours)
