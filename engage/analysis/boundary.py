"""The boundary rules of domain.md 1.4 as features: what a comment is about versus how it went.

"Waited nine months for CAMHS" is about a service failing (value 5) although it names a health
service; "more mental health support in school" is about health (value 2). Words alone blur the
two, so each comment gets a few counts: cues that a service was hard to reach, slow, disjointed
or deaf to the family, that a service is named, and that the topic is value 4's (money, losing
a home, help for parents, childcare), plus the products of the service cues with a named
service, which let a linear model learn "a service cue outweighs the topic it names".
Looked up per token like the lexicon (a regex per cue was twice as slow).
"""

from __future__ import annotations

from collections.abc import Sequence

from engage.analysis.lexicon import _LEX_TOKEN, LexiconFeatures

CUE_TERMS: dict[str, str] = {
    # waiting, reaching and navigating a service (5d)
    "access": "wait* queue* referr* appointment* discharg* threshold criteria took_ages took_months"
              " took_weeks took_a_year months weeks never_heard never_rang never_called nobody_told"
              " never_got ring* rang phone* letter letters website* online portal form forms opening"
              " closed evening evenings weekend* bus buses transport miles too_far fully_booked"
              " entitled list lists",
    # passed between agencies, changing workers, the move to adult services (5b)
    "joined": "agenc* each_other passed_between passed_on passed_around bounced story again changed"
              " keeps_changing new_worker new_social_worker new_team caseworker* handover notes"
              " adult_services adult_team adult_social_care adult_clinic turned_18 turn_18 18th"
              " transition",
    # being asked, heard and told what happened; choice and control (5a, 5c)
    "voice": "listen* asked ask_us ask_me a_say our_say no_say view views survey* consult* heard"
             " explain* feedback vote* decide* decision* choose choice* judged ignored",
    # a named service, which the cues above may be about
    "service": "camhs gp gps doctor doctors hospital* clinic* counsell* nurse* social_worker*"
               " council dentist* a_and_e service services team teams ehcp health_visitor*"
               " housing_office housing_team",
    # value 4's topics: money, losing a home, help for parents, childcare
    "family": "afford* money cost* bill bills food_bank* benefit* universal_credit debt* hungry"
              " evict* homeless* hostel* temporary_accommodation sofa_surf* kicked_out kicked_me_out"
              " parenting family_worker family_support early_help childcare nursery nurseries"
              " childminder* breakfast_club",
}
PRODUCTS = ("access", "joined", "voice")
_CUE = "~"  # cue columns' prefix in the shared lookup; sorts after every sub-theme id


class RuleFeatures:
    """The lexicon's sub-theme columns, the boundary cues and the cue x service products.

    One token lookup serves both (a second pass cost a fifth of the tagger's time): counts
    are capped at 2; sub-theme columns are weighted lexicon_weight / 2 per hit and cue
    columns cue_weight / 2 per hit, as when they were two transformers.
    """

    def __init__(self, lexicon_weight: float = 2.0, cue_weight: float = 3.0) -> None:
        from engage.analysis.lexicon import LEXICON

        self.lexicon_weight, self.cue_weight = lexicon_weight, cue_weight
        self.lookup = LexiconFeatures(weight=1.0, lexicon={**LEXICON, **{_CUE + k: v for k, v in CUE_TERMS.items()}})
        keys = self.lookup.keys
        self.scale = [cue_weight if k.startswith(_CUE) else lexicon_weight for k in keys]
        self.cues = {k[len(_CUE):]: i for i, k in enumerate(keys) if k.startswith(_CUE)}

    def fit(self, texts: Sequence[str], y=None) -> RuleFeatures:
        return self

    @property
    def width(self) -> int:
        """Say how many columns the features have."""
        return len(self.scale) + len(PRODUCTS)

    def transform(self, texts: Sequence[str]):
        from scipy.sparse import csr_matrix

        return csr_matrix(self.rows(texts), shape=(len(texts), self.width))

    def rows(self, texts: Sequence[str]) -> tuple[list[float], list[int], list[int]]:
        """Return transform(texts) as the lists of a CSR matrix: data, indices and indptr."""
        data: list[float] = []
        indices: list[int] = []
        indptr = [0]
        for text in texts:
            row = self._row(self.lookup._columns(_LEX_TOKEN.findall(text)))
            indices += row
            data += row.values()
            indptr.append(len(indices))
        return data, indices, indptr

    def _row(self, counts: dict[int, int]) -> dict[int, float]:
        """Return one text's columns in order: each count scaled, then the cue x service products.

        Built in plain Python for each text: the same numbers, in the same order, as the scaled
        counts hstacked with the products of their sparse columns, without the sparse calls
        (most of the cost of tagging one or two texts). Each value is 0.5 or 1 times 2 or 3, or
        a product of such, so every one is exact whichever way it is worked out.
        """
        half = {col: count * self.lookup.weight / 2 for col, count in counts.items()}  # 0.5 a hit
        row = {col: half[col] * self.scale[col] for col in sorted(half)}
        service = half.get(self.cues["service"])
        if service:
            for offset, name in enumerate(PRODUCTS, start=len(self.scale)):
                cue = half.get(self.cues[name])
                if cue:
                    row[offset] = cue * service * self.cue_weight
        return row

    def get_params(self, deep: bool = True) -> dict:
        return {"lexicon_weight": self.lexicon_weight, "cue_weight": self.cue_weight}

    def cue_values(self, text: str) -> dict[str, float]:
        """Return one text's cue and product columns by name (for tests and for reading)."""
        row = self.transform([text]).toarray()[0]
        named = {name: row[index] for name, index in self.cues.items()}
        named.update(zip((f"{n}*service" for n in PRODUCTS), row[-len(PRODUCTS):], strict=True))
        return named
