"""The learned back-up: its shipped weights, its inference, and how the reader uses it."""

from __future__ import annotations

import importlib.util
import json
import sys
from datetime import datetime
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inwriting.language import learned, read

ROOT = Path(__file__).resolve().parents[2]
AT = datetime(2026, 11, 18, 10, 0)


def _trainer() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "train_reader_model", ROOT / "scripts" / "train_reader_model.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_the_shipped_model_was_trained_on_the_current_training_data() -> None:
    trainer = _trainer()
    shipped = json.loads(trainer.OUTPUT.read_text(encoding="utf-8"))
    assert shipped["data_digest"] == trainer.digest(trainer.training_files()), (
        "the corpus dev split or a tuning set changed: run scripts/train_reader_model.py"
    )
    assert "tests/corpus/test.jsonl" not in shipped["trained_on"]


def test_training_leaves_out_every_text_of_the_frozen_test_split() -> None:
    trainer = _trainer()
    test_texts = {
        json.loads(line)["text"].strip().lower()
        for line in (trainer.CORPUS / "test.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    }
    items = trainer.training_items()
    assert items
    assert not [i["id"] for i in items if i["text"].strip().lower() in test_texts]


def test_hand_written_inference_gives_scikit_learns_probabilities() -> None:
    pytest.importorskip("sklearn")
    trainer = _trainer()
    items = trainer.training_items()
    weights = trainer.train(items)
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = TfidfVectorizer(
        analyzer=lambda pair: learned.features(*pair), sublinear_tf=True, min_df=2
    )
    matrix = vectorizer.fit_transform([(i["text"], i.get("channel")) for i in items])
    classifier = LogisticRegression(C=trainer.REGULARISATION, max_iter=5000)
    classifier.fit(matrix, [i["kind"] for i in items])
    model = learned.Model(
        kinds=tuple(weights["kinds"]),
        idf=weights["idf"],
        weights={f: tuple(w) for f, w in weights["weights"].items()},
        intercepts=tuple(weights["intercepts"]),
        threshold=weights["threshold"],
    )
    samples = [
        ("Sadly the hiring manager went with someone internal.", "email"),
        ("Hang tight, finance still has to sign off on the headcount.", "phone"),
        ("Can you do a quick call with our CTO on Thursday?", "message"),
        ("", None),
    ]
    for text, channel in samples:
        expected = classifier.predict_proba(vectorizer.transform([(text, channel)]))[0]
        mine = model.guess(text, channel)
        best = int(expected.argmax())
        assert mine.kind == classifier.classes_[best]
        # Weights are stored to four decimals, so probabilities agree to about 1e-3.
        assert mine.probability == pytest.approx(expected[best], abs=5e-3)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300), st.sampled_from(["email", "letter", "phone", "message", None]))
def test_a_guess_is_never_an_offer_in_writing(text: str, channel: str | None) -> None:
    result = learned.guess(text, channel)
    assert result is None or (result.kind in learned.GUESSABLE and result.kind != "written_offer")


def test_a_statement_no_rule_knows_is_marked_as_a_guess() -> None:
    model = learned.model()
    assert model is not None
    # Find, among ordinary statements, one that the rules leave as `other` and the model takes:
    # the reading must then say it is a guess and must not claim confidence.
    candidates = [
        "Sadly the hiring manager went with someone internal.",
        "Hang tight, finance still has to sign off on the headcount.",
        "Leadership is still chewing on it.",
        "The panel went another way.",
        "Thursday works for the second round with Dana.",
    ]
    guessed = [
        (text, reading)
        for text, reading in ((t, read(t, AT, "email")) for t in candidates)
        if any(s.startswith("learned.") for s in reading.signals)
    ]
    assert guessed, "none of the sample statements was left to the learned back-up"
    for text, reading in guessed:
        assert not reading.confident
        assert "It is a guess" in reading.explanation
        assert reading.kind in learned.GUESSABLE
        assert read(text, AT, "email", guesses=False).kind == "other"


def test_neutral_language_is_never_guessed() -> None:
    reading = read("If selected, you would report to the head of finance.", AT, "email")
    assert reading.kind == "other"
    assert not any(s.startswith("learned.") for s in reading.signals)


def test_a_sentence_that_turns_is_not_courtesy() -> None:
    assert learned.features("Thank you for your time.", "email") == ["ch:email"]
    turned = learned.features("Thanks for applying, but we went another way.", "email")
    assert "went" in turned and "another" in turned


def _three_kinds(rejection: float, delay: float) -> learned.Model:
    """A model whose only word, "hmm", gives these scores (softmax over three kinds)."""
    return learned.Model(
        kinds=("delay", "other", "rejection"),
        idf={"hmm": 1.0, "ok": 1.0},
        weights={"hmm": (delay, 0.0, rejection), "ok": (0.0, 0.0, 0.0)},
        intercepts=(0.0, 0.0, 0.0),
        threshold=0.3,
    )


def test_a_guess_needs_the_models_threshold() -> None:
    # Probabilities near 0.36 / 0.33 / 0.31: above the 30% bar a no is guessed...
    text = "hmm ok"
    as_no = learned.guess(text, "email", using=_three_kinds(rejection=0.15, delay=0.0))
    assert as_no is not None and as_no.kind == "rejection" and as_no.how == "guess"
    # ...and with every kind about as likely (a third each, less a little), nothing is.
    unsure = learned.guess(text, "email", using=_three_kinds(rejection=-0.02, delay=-0.02))
    assert unsure is None


KINDS = ("delay", "next_step", "other", "promise", "rejection", "verbal_offer", "written_offer")


def _leaning(
    kind: str, text: str = "Everybody's out for the holiday, so I'll call you Monday."
) -> learned.Model:
    """A model that reads every statement as `kind` (83% sure), knowing every word of `text`."""
    words = [f for f in learned.features(text, "email") if " " not in f and ":" not in f]
    return learned.Model(
        kinds=KINDS,
        idf={w: 1.0 for w in words},
        weights={w: (0.0,) * len(KINDS) for w in words},
        intercepts=tuple(3.0 if k == kind else 0.0 for k in KINDS),
        threshold=0.3,
    )


def test_the_model_chooses_between_kinds_whose_rules_both_fired(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = "Everybody's out for the holiday, so I'll call you Monday."
    by_rules = read(text, AT, "email", guesses=False)
    assert by_rules.kind == "delay"  # the contract's order: a delay's words come first
    monkeypatch.setattr(learned, "model", lambda: _leaning("promise"))
    reading = read(text, AT, "email")
    assert reading.kind == "promise"
    assert "learned.arbitrated" in reading.signals
    assert not reading.confident
    assert "words of another kind" in reading.explanation
    monkeypatch.setattr(learned, "model", lambda: _leaning("delay"))
    assert not any(s.startswith("learned.") for s in read(text, AT, "email").signals)


def test_a_sure_model_overrules_the_one_kind_the_rules_found(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = "Thanks again, I'll give you a ring on Monday."
    assert read(text, AT, "email", guesses=False).kind == "promise"
    monkeypatch.setattr(learned, "model", lambda: _leaning("next_step", text))
    reading = read(text, AT, "email")
    assert reading.kind == "next_step"
    assert "learned.overruled" in reading.signals
    assert not reading.confident
    assert "points to another kind" in reading.explanation


def test_a_no_the_rules_missed_is_heard(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "The panel has met, and I'll call you Monday to talk it through."
    assert read(text, AT, "phone", guesses=False).kind != "rejection"
    monkeypatch.setattr(learned, "model", lambda: _leaning("rejection", text))
    reading = read(text, AT, "phone")
    assert reading.kind == "rejection"
    assert "learned.no" in reading.signals
    assert not reading.confident


def test_a_written_offer_the_model_doubts_is_a_verbal_offer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = (
        "We are pleased to offer you the role of analyst at $70,000 a year; the contract is "
        "attached for your signature."
    )
    assert read(text, AT, "email").kind == "written_offer"
    monkeypatch.setattr(learned, "model", lambda: _leaning("promise", text))
    reading = read(text, AT, "email")
    assert reading.kind == "verbal_offer"
    assert "learned.not-written" in reading.signals
    assert "does not read like an offer letter" in reading.explanation


@settings(max_examples=60, deadline=None)
@given(
    leaning=st.sampled_from(KINDS),
    decided=st.sampled_from((*KINDS, "request", "enthusiasm")),
    fired=st.sets(st.sampled_from((*KINDS, "request", "enthusiasm"))),
    recognised=st.booleans(),
)
def test_a_no_is_never_overruled_and_no_offer_is_ever_written_by_the_model(
    leaning: str, decided: str, fired: set[str], recognised: bool
) -> None:
    text = "Everybody's out for the holiday, so I'll call you Monday."
    weighed = learned.weigh(text, "email", decided, fired, recognised, using=_leaning(leaning))
    if decided == "rejection" and recognised:
        assert weighed is None
    if weighed is not None:
        assert weighed.kind != "written_offer"
        if decided == "written_offer" and recognised:
            assert weighed.kind == "verbal_offer"
