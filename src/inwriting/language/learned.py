"""The reader's learned back-up: a linear model that backs up the phrase rules.

The phrase rules find the words and carry the reasons the user reads. A statement no rule
recognises would otherwise be `other`, and a missed delay, next step or no is worse than a hedged
guess; a statement the rules misread costs the user as much. This model, trained by
`scripts/train_reader_model.py` on the corpus's dev split and the team's tuning sets (never on the
frozen test split), guesses a kind where no rule spoke and gives a second opinion where one did
(`weigh`); a reading it decided says so and is not `confident`.

Inference is written here rather than loaded from scikit-learn: the model is a TF-IDF weighting
and one dot product per kind, and the runtime should not carry numpy, scipy and scikit-learn
(and their half-second import) for that. The training script uses scikit-learn and this module's
`features`, so the two agree token for token; a test checks the shipped weights against the
training data they came from.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files

from inwriting.language.deadlines import normalise

MODEL_FILE = "rules/learned.json"
# Kinds the model may give. A written offer needs the words of an offer with its terms, which
# only the phrase rules can show the user; a guess must never be read as an offer in writing.
GUESSABLE = frozenset(
    {"rejection", "verbal_offer", "delay", "next_step", "request", "promise", "enthusiasm"}
)

_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+")
_SPOKEN = "spoken"


def channel_token(channel: str | None) -> str:
    """How the statement came, as the model sees it: written (email, letter) or spoken."""
    return f"ch:{channel}" if channel in ("email", "letter", "message") else f"ch:{_SPOKEN}"


# Sentences that are only courtesy: a greeting, thanks, a sign-off. Rejection emails are full of
# them ("Thank you for your time."), so a model left to read them would hear a no in every thank
# you; they are left out of what it learns from and what it reads.
_SENTENCE = re.compile(r"[.!?;\n]+")
_COURTESY = re.compile(
    # A sentence that turns ("thank you for applying, but we have decided…") is not courtesy.
    r"(?![^.!?;\n]*\b(?:but|however|unfortunately|regret|regrettably|sadly|not|no\s+longer|decided"
    r"|although|though)\b|[^.!?;\n]*n't\b)"
    r"\s*(?:"
    r"(?:hi|hello|hey|dear|good\s+(?:morning|afternoon|evening))\b[\w\s,'-]{0,30}"
    r"|(?:many\s+)?thanks?(?:\s+you)?(?:\s+(?:so|very)\s+much)?(?:\s+again)?"
    r"(?:\s+for\s+[^.!?;\n]{0,120})?"
    r"|noted\b[\w\s,'-]{0,20}|well\s+received"
    r"|(?:happy|merry)\s+(?:new\s+year|holidays|christmas|diwali|eid|easter|friday|monday)\b[^.!?;\n]{0,80}"
    r"|have\s+a\s+(?:good|great|lovely|nice|restful|happy)\s+[^.!?;\n]{0,60}"
    r"|(?:we\s+|i\s+)?(?:regret|apologi[sz]e\s+for|(?:are\s+|am\s+)?sorry\s+for)\s+the\s+"
    r"(?:wait|delay|slow\s+reply|late\s+reply)[^.!?;\n]{0,60}"
    r"|(?:kind\s+|best\s+|warm\s+|warmest\s+)?regards\b[\w\s,'-]{0,40}"
    r"|best(?:\s+wishes)?\b[\w\s,'-]{0,30}|cheers\b[\w\s,'-]{0,30}|sincerely\b[\w\s,'-]{0,40}"
    r"|(?:and\s+)?(?:i\s+|we\s+)?hope\s+(?:you\s+are|you're|this\s+finds\s+you|you\s+had|you\s+get|you\s+have|you\s+enjoy)\b[\w\s,'-]{0,60}"
    r"|(?:we\s+|i\s+)?(?:really\s+)?appreciate\s+(?:your|you)\b[\w\s,'-]{0,60}"
    r"|(?:i\s+|we\s+)?look(?:ing)?\s+forward\s+to\s+hearing\s+from\s+you"
    r")\s*[,!]?\s*"
)

_DIGIT = re.compile(r"\d")


def features(text: str, channel: str | None = None) -> list[str]:
    """The model's features: lower-cased words (digits as `0`), word pairs, and the channel.

    Sentences of pure courtesy (greetings, thanks, sign-offs) are left out.
    """
    words = _words(text)
    pairs = [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]
    return [*words, *pairs, channel_token(channel)]


def _words(text: str, normalised: bool = False) -> list[str]:
    """The lower-cased words of `text` outside courtesy sentences, digits as `0`.

    `normalised`: the text is already as `deadlines.normalise` leaves it (the reader's own text).
    """
    content = " . ".join(
        sentence
        for sentence in _SENTENCE.split(text if normalised else normalise(text))
        if sentence.strip() and not _COURTESY.fullmatch(sentence)
    )
    tokens = _TOKEN.findall(content)
    # Most statements have no digit at all; they skip the pass that turns numbers into `0`.
    if _DIGIT.search(content) is None:
        return tokens
    return ["0" if token.isdigit() else token for token in tokens]


# A guess needs words the model knows: at least this many, and at least this share of the
# statement's words. Junk, another language or a string of codes gets no guess.
MIN_KNOWN_WORDS = 2
MIN_KNOWN_SHARE = 0.5


@dataclass(frozen=True)
class Guess:
    """The model's kind for a statement, how sure it is (0–1), and how much of it it knew."""

    kind: str
    probability: float
    known_share: float = 1.0
    known_words: int = 0
    # How the model came to give this kind (see `weigh`): "guess", "arbitrated", "overruled",
    # "no" or "not-written".
    how: str = "guess"


@dataclass(frozen=True)
class Model:
    """A multinomial logistic regression over sub-linear TF-IDF features."""

    kinds: tuple[str, ...]
    idf: dict[str, float]
    weights: dict[str, tuple[float, ...]]  # feature -> one weight per kind
    intercepts: tuple[float, ...]
    threshold: float
    # feature -> (its idf squared, then its weights times its idf, one per kind): built once, so
    # that a read costs one lookup per feature and one sum per column (the first column is the
    # squared length that TfidfVectorizer divides by). The reader asks about every statement.
    _table: dict[str, tuple[float, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        table = {
            feature: (idf * idf, *(idf * w for w in self.weights[feature]))
            for feature, idf in self.idf.items()
        }
        object.__setattr__(self, "_table", table)

    def guess(self, text: str, channel: str | None = None, normalised: bool = False) -> Guess:
        """The most likely kind of `text` and its probability."""
        probabilities, known_share, known = self._read(text, channel, normalised)
        best = max(probabilities, key=probabilities.__getitem__)
        return Guess(best, probabilities[best], known_share, known)

    def probabilities(self, text: str, channel: str | None = None) -> dict[str, float]:
        """The probability of each kind for `text`."""
        return self._read(text, channel)[0]

    def _read(
        self, text: str, channel: str | None, normalised: bool = False
    ) -> tuple[dict[str, float], float, int]:
        words = _words(text, normalised)
        table = self._table
        # The features the model knows, in the order TfidfVectorizer's sums add them: words,
        # then word pairs, then the channel.
        known = [word for word in words if word in table]
        pairs = map(" ".join, zip(words, words[1:], strict=False))
        features = known + [pair for pair in pairs if pair in table]
        via = channel_token(channel)
        if via in table:
            features.append(via)
        # Sub-linear term frequency times idf, then unit length, as TfidfVectorizer does: a
        # feature said once is its row as it stands, and most are said once, so the rows are
        # looked up in C and only a repeated feature's is worked out here. The unit length
        # divides each kind's sum once at the end.
        counts = Counter(features)
        rows = list(map(table.__getitem__, counts))
        if len(counts) < len(features):
            for i, (feature, n) in enumerate(counts.items()):
                if n > 1:
                    rows[i] = self._repeated(feature, n)
        if rows:
            # One sum per column over the transposed rows, all in C: the squared length and
            # each kind's sum add up the features in the same order.
            squares, *sums = map(sum, zip(*rows, strict=True))
            norm = math.sqrt(squares) or 1.0
            scores = [
                b + kind_sum / norm for b, kind_sum in zip(self.intercepts, sums, strict=True)
            ]
        else:
            scores = list(self.intercepts)
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        probabilities = dict(zip(self.kinds, [e / total for e in exps], strict=True))
        return probabilities, (len(known) / len(words) if words else 0.0), len(known)

    def _repeated(self, feature: str, n: int) -> tuple[float, ...]:
        """The row of a feature said `n` times: its term frequency is 1 + ln(n)."""
        idf = self.idf[feature]
        tf = 1.0 + math.log(n)
        return ((tf * idf) ** 2, *(w * tf for w in self._table[feature][1:]))


@cache
def model() -> Model | None:
    """The shipped model, or None when the package has none."""
    resource = files("inwriting.language").joinpath(MODEL_FILE)
    if not resource.is_file():
        return None
    data = json.loads(resource.read_text(encoding="utf-8"))
    kinds = tuple(data["kinds"])
    return Model(
        kinds=kinds,
        idf={f: float(v) for f, v in data["idf"].items()},
        weights={f: tuple(float(w) for w in ws) for f, ws in data["weights"].items()},
        intercepts=tuple(float(b) for b in data["intercepts"]),
        threshold=float(data["threshold"]),
    )


def guess(
    text: str, channel: str | None = None, using: Model | None = None, normalised: bool = False
) -> Guess | None:
    """The model's kind for a statement no rule recognised, when it is sure enough; else None.

    `using` replaces the shipped model (for tests)."""
    current = using or model()
    if current is None:
        return None
    result = current.guess(text, channel, normalised)
    if result.kind not in GUESSABLE or result.probability < current.threshold:
        return None
    if result.known_words < MIN_KNOWN_WORDS or result.known_share < MIN_KNOWN_SHARE:
        return None
    return result


# Kinds the model may choose between when the phrase rules found words of several of them, or
# put in place of the one kind the rules found. A no and an offer in writing are never given or
# taken away this way: the rules that find them are formulaic, and a false offer or a missed no
# costs the user most (a no has its own bar below; an offer in writing can only be doubted).
ARBITRABLE = frozenset({"verbal_offer", "delay", "next_step", "request", "promise", "enthusiasm"})

# How sure the model must be to put its kind in place of the one kind the rules found (among
# ARBITRABLE and `other`), to hear a no the rules missed, and how unsure of an offer in writing
# it must be to make it a verbal offer. Chosen on fresh data, never on the test split: the reader
# as it stood before each of rounds 2-5 of fresh batches was tuned on it read their 1,594 dev items
# at 0.885 with a model trained on the earlier data only; these three, with the guessing threshold
# at 0.3 and the regularisation at 16, read them at 0.905, with 1 no missed instead of 7 and no
# false offer in writing instead of 2, and the missed offers in writing unchanged (18). The sixth
# round, read before anything was tuned on it, confirmed it: 0.904 became 0.933, and its 3
# missed noes none.
SECOND_OPINION = 0.6
REJECTION_SECOND_OPINION = 0.5
WRITTEN_OFFER_DOUBT = 0.2


def weigh(
    text: str,
    channel: str | None,
    decided: str,
    fired: set[str],
    recognised: bool,
    using: Model | None = None,
    normalised: bool = False,
    no_denied: bool = False,
) -> Guess | None:
    """The model's say on the phrase rules' reading; None when the rules' kind stands.

    `decided` is the rules' kind, `fired` the kinds whose rules fired (an offer counted as the kind
    it was decided as), `recognised` whether any rule, neutral ones included, recognised the
    statement; `normalised` says `text` is already as `deadlines.normalise` leaves it;
    `no_denied` says the statement itself says it is not a no ("you have not been unsuccessful"),
    so the model never makes it one. In order:

    - no rule recognised it: the model's kind if it is sure enough (`guess`);
    - the rules found no no: a no when the model is at least 50% sure of one ("no");
    - the rules found an offer in writing that the model is less than 20% sure of: a verbal offer
      ("not-written");
    - the rules found words of several of ARBITRABLE: the likeliest of those ("arbitrated");
    - the rules found one of ARBITRABLE or nothing but neutral words: the model's kind when it is
      at least 60% sure of another of ARBITRABLE or `other` ("overruled").
    """
    current = using or model()
    if current is None:
        return None
    if not recognised:
        guessed = guess(text, channel, current, normalised)
        if no_denied and guessed is not None and guessed.kind == "rejection":
            return None
        return guessed
    if decided == "rejection":
        return None  # never taken away, so there is nothing to weigh
    probabilities, known_share, known = current._read(text, channel, normalised)
    knows_enough = known >= MIN_KNOWN_WORDS and known_share >= MIN_KNOWN_SHARE
    if decided != "written_offer" and known >= MIN_KNOWN_WORDS and not no_denied:
        no = probabilities.get("rejection", 0.0)
        if no >= REJECTION_SECOND_OPINION:
            return Guess("rejection", no, known_share, known, "no")
    if decided == "written_offer":
        sure = probabilities.get("written_offer", 0.0)
        if sure < WRITTEN_OFFER_DOUBT:
            return Guess("verbal_offer", sure, known_share, known, "not-written")
        return None
    kinds = fired & ARBITRABLE
    # An offer said in words ("Offer's approved!! the written offer follows by end of quarter") is
    # not weighed against the promise or next step that comes with it: a missed offer costs the
    # user the reminder that it is not yet in writing. (Rounds 10-15 of fresh batches, read as
    # before their tuning: 0.9214 against 0.9210 with the arbitration.)
    if (
        len(kinds) >= 2
        and len(kinds) == len(fired)
        and knows_enough
        and "verbal_offer" not in kinds
    ):
        best = max(kinds, key=lambda kind: probabilities.get(kind, 0.0))
        if best == decided:
            return None
        return Guess(best, probabilities.get(best, 0.0), known_share, known, "arbitrated")
    if decided in ARBITRABLE or decided == "other":
        best = max(probabilities, key=probabilities.__getitem__)
        if (
            best != decided
            and (best in ARBITRABLE or best == "other")
            and probabilities[best] >= SECOND_OPINION
            and knows_enough
        ):
            return Guess(best, probabilities[best], known_share, known, "overruled")
    return None
