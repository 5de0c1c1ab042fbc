"""Loaders for the shared benchmark data and the metrics the benchmark scripts report.

The data lives outside the repository, in ``../shared/benchmarks`` (see its README): MRPC and STS-B
text may not be bundled with claimdiff. Every loader checks the fields it reads and fails with the
file and line at fault.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DATA_DIR = SHARED / "benchmarks"
EVAL_DIR = SHARED / "eval"
SCORER = SHARED / "tools" / "score_alignment.py"


class DataError(RuntimeError):
    """A benchmark file is missing or does not have the expected fields."""


@dataclass(frozen=True, slots=True)
class Rule:
    """One golden rule: a text and the exact sentences a splitter should return."""

    id: int
    name: str
    text: str
    sentences: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class LabelledPair:
    """An MRPC pair: ``label`` is true when people judged the sentences paraphrases."""

    a: str
    b: str
    label: bool


@dataclass(frozen=True, slots=True)
class GradedPair:
    """An STS-B pair with its human similarity grade, 0 (unrelated) to 5 (equivalent)."""

    a: str
    b: str
    score: float
    genre: str
    """``main-news``, ``main-captions``, ``main-forums`` (``main-forum`` in train)."""


def read_jsonl(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield ``(line number, object)`` for each non-blank line of a JSON-lines file."""
    if not path.is_file():
        raise DataError(f"{path}: not found (see ../shared/benchmarks/README.md)")
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            obj = json.loads(line)
            if not isinstance(obj, dict):
                raise DataError(f"{path}:{number}: expected a JSON object")
            yield number, obj


def _field(path: Path, number: int, obj: dict[str, Any], name: str, kind: type) -> Any:
    value = obj.get(name)
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
        raise DataError(f"{path}:{number}: field {name!r} should be {kind.__name__}, got {value!r}")
    return value


def load_rules(data_dir: Path = DATA_DIR) -> list[Rule]:
    """The 48 English golden rules of pySBD's benchmark."""
    path = data_dir / "sbd_golden_rules" / "golden_rules_en.jsonl"
    rules = []
    for n, obj in read_jsonl(path):
        sentences = _field(path, n, obj, "sentences", list)
        if not all(isinstance(s, str) for s in sentences):
            raise DataError(f"{path}:{n}: 'sentences' should be a list of strings")
        rules.append(
            Rule(
                id=_field(path, n, obj, "id", int),
                name=_field(path, n, obj, "name", str),
                text=_field(path, n, obj, "text", str),
                sentences=tuple(sentences),
            )
        )
    return rules


def load_mrpc(split: Literal["train", "test"], data_dir: Path = DATA_DIR) -> list[LabelledPair]:
    """An MRPC split (train: 4076 pairs, test: 1725)."""
    path = data_dir / "mrpc" / f"msr_paraphrase_{split}.jsonl"
    pairs = []
    for n, obj in read_jsonl(path):
        label = _field(path, n, obj, "label", int)
        if label not in (0, 1):
            raise DataError(f"{path}:{n}: label should be 0 or 1, got {label!r}")
        pairs.append(LabelledPair(_field(path, n, obj, "a", str), _field(path, n, obj, "b", str), label == 1))
    return pairs


def load_sts(split: Literal["train", "dev", "test"], data_dir: Path = DATA_DIR) -> list[GradedPair]:
    """An STS-B split (train: 5749 pairs, dev: 1500, test: 1379)."""
    path = data_dir / "stsb" / f"sts_{split}.jsonl"
    pairs = []
    for n, obj in read_jsonl(path):
        score = obj.get("score")
        if not isinstance(score, int | float) or isinstance(score, bool):
            raise DataError(f"{path}:{n}: field 'score' should be a number, got {score!r}")
        a, b = _field(path, n, obj, "a", str), _field(path, n, obj, "b", str)
        pairs.append(GradedPair(a, b, float(score), str(obj.get("genre", ""))))
    return pairs


def load_published(benchmark: str, data_dir: Path = DATA_DIR) -> dict[str, Any]:
    """The ``published.json`` of one benchmark folder (``mrpc``, ``stsb``, ``sbd_golden_rules``)."""
    path = data_dir / benchmark / "published.json"
    if not path.is_file():
        raise DataError(f"{path}: not found")
    obj = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(obj, dict):
        raise DataError(f"{path}: expected a JSON object")
    return obj


def find_result(published: dict[str, Any], system_prefix: str) -> dict[str, Any]:
    """The entry of a ``published.json`` results list whose system name starts with ``system_prefix``."""
    results = published.get("results")
    if isinstance(results, list):
        for entry in results:
            if isinstance(entry, dict) and str(entry.get("system", "")).startswith(system_prefix):
                return entry
    raise DataError(f"no published result for a system named {system_prefix!r}")


# --- metrics -------------------------------------------------------------------------------------


def accuracy_f1(predicted: Sequence[bool], gold: Sequence[bool]) -> tuple[float, float]:
    """Accuracy and F1 of the positive class, both 0 to 1."""
    if len(predicted) != len(gold):
        raise ValueError("predicted and gold differ in length")
    if not gold:
        return math.nan, math.nan
    tp = sum(p and g for p, g in zip(predicted, gold, strict=True))
    fp = sum(p and not g for p, g in zip(predicted, gold, strict=True))
    fn = sum(g and not p for p, g in zip(predicted, gold, strict=True))
    tn = len(gold) - tp - fp - fn
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return (tp + tn) / len(gold), f1


def best_threshold(scores: Sequence[float], gold: Sequence[bool]) -> float:
    """The threshold ``t`` for which ``score >= t`` predicts ``gold`` with the highest accuracy.

    Every cut between two distinct scores is tried (``t`` is the midpoint); on equal accuracy the
    lowest threshold wins. Runs in O(n log n).
    """
    if len(scores) != len(gold):
        raise ValueError("scores and gold differ in length")
    if not scores:
        return 0.0
    order = sorted(range(len(scores)), key=lambda k: scores[k])
    # Start with the cut below every score: all predicted positive.
    correct = sum(gold)
    best, best_t = correct, scores[order[0]] - 1.0
    k = 0
    while k < len(order):
        value = scores[order[k]]
        # Move every pair with this score to the negative side.
        while k < len(order) and scores[order[k]] == value:
            correct += -1 if gold[order[k]] else 1
            k += 1
        if correct > best:
            best = correct
            best_t = (value + scores[order[k]]) / 2.0 if k < len(order) else value + 1.0
    return best_t


def ranks(values: Sequence[float]) -> list[float]:
    """1-based ranks, tied values sharing the mean of the ranks they span."""
    order = sorted(range(len(values)), key=lambda k: values[k])
    out = [0.0] * len(values)
    start = 0
    while start < len(order):
        end = start
        while end + 1 < len(order) and values[order[end + 1]] == values[order[start]]:
            end += 1
        mean = (start + end) / 2.0 + 1.0
        for k in range(start, end + 1):
            out[order[k]] = mean
        start = end + 1
    return out


def pearson(x: Sequence[float], y: Sequence[float]) -> float:
    """Pearson correlation; NaN when either side is constant or empty."""
    if len(x) != len(y):
        raise ValueError("x and y differ in length")
    n = len(x)
    if n == 0:
        return math.nan
    mx, my = sum(x) / n, sum(y) / n
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y, strict=True))
    sxx = sum((a - mx) ** 2 for a in x)
    syy = sum((b - my) ** 2 for b in y)
    if sxx == 0.0 or syy == 0.0:
        return math.nan
    return sxy / math.sqrt(sxx * syy)


def spearman(x: Sequence[float], y: Sequence[float]) -> float:
    """Spearman's rho: the Pearson correlation of average ranks (ties handled)."""
    return pearson(ranks(x), ranks(y))
