"""The reader's learned back-up: a linear model for statements no phrase rule recognises.

The phrase rules decide whenever one of them fires; they carry the reasons the user reads. A
statement that no rule recognises would otherwise be `other`, and a missed delay, next step or no
is worse than a hedged guess. This model, trained by `scripts/train_reader_model.py` on the
corpus's dev split and the team's tuning sets (never on the frozen test split), gives its kind for
those statements when it is sure enough; the reading then says it is a guess and is not
`confident`.

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
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

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


def features(text: str, channel: str | None = None) -> list[str]:
    """The model's features: lower-cased words (digits as `0`), word pairs, and the channel."""
    words = ["0" if token.isdigit() else token for token in _TOKEN.findall(text.lower())]
    pairs = [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]
    return [*words, *pairs, channel_token(channel)]


@dataclass(frozen=True)
class Guess:
    """The model's kind for a statement, and how sure it is (0–1)."""

    kind: str
    probability: float


@dataclass(frozen=True)
class Model:
    """A multinomial logistic regression over sub-linear TF-IDF features."""

    kinds: tuple[str, ...]
    idf: dict[str, float]
    weights: dict[str, tuple[float, ...]]  # feature -> one weight per kind
    intercepts: tuple[float, ...]
    threshold: float

    def guess(self, text: str, channel: str | None = None) -> Guess:
        """The most likely kind of `text` and its probability."""
        counts: dict[str, int] = {}
        for feature in features(text, channel):
            if feature in self.idf:
                counts[feature] = counts.get(feature, 0) + 1
        # Sub-linear term frequency times idf, then unit length: as TfidfVectorizer does.
        values = {f: (1.0 + math.log(n)) * self.idf[f] for f, n in counts.items()}
        norm = math.sqrt(sum(v * v for v in values.values())) or 1.0
        scores = list(self.intercepts)
        for feature, value in values.items():
            for i, weight in enumerate(self.weights[feature]):
                scores[i] += weight * value / norm
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        best = max(range(len(scores)), key=scores.__getitem__)
        return Guess(self.kinds[best], exps[best] / sum(exps))


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


def guess(text: str, channel: str | None = None) -> Guess | None:
    """The model's kind for a statement no rule recognised, when it is sure enough; else None."""
    current = model()
    if current is None:
        return None
    result = current.guess(text, channel)
    if result.kind not in GUESSABLE or result.probability < current.threshold:
        return None
    return result
