"""Evaluate scorer constants and compare options on the TRAIN and DEV splits (never on test).

Usage (from the repository root)::

    python benchmarks/tune.py                                  # the defaults
    python benchmarks/tune.py --set base=7.5 --set overlap=0.8 --opt threshold=50
    python benchmarks/tune.py --grid overlap=0.6,0.7,0.8 --grid threshold=40,45,50 --workers 2

``--fit-blend`` fits the semantic blend instead (see :func:`fit_blend`).

``--set`` takes a field of :class:`claimdiff.similarity.lexical.Weights`, ``--opt`` an option of
:func:`claimdiff.compare` (:class:`claimdiff.Options`); ``--grid`` takes either, once or twice, and
evaluates every combination. For each setting it prints:

* MRPC train accuracy and F1 of the decision "``compare(a, b, weights=...)`` finds a match";
* the similarity threshold that maximises MRPC train accuracy for :meth:`Scorer.score` alone, and that
  accuracy (in-sample: how far a threshold on the score could go);
* STS-B train and dev Spearman of :meth:`Scorer.score` (``Scorer(Weights(...))``, profile + score).

The test splits are ``benchmarks/quality.py``'s business; this script does not load them.
"""

from __future__ import annotations

import argparse
import itertools
import json
import multiprocessing
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any, get_type_hints

from _data import (
    DATA_DIR,
    DataError,
    GradedPair,
    LabelledPair,
    accuracy_f1,
    best_threshold,
    load_mrpc,
    load_sts,
    spearman,
)

import claimdiff
from claimdiff.similarity.lexical import Scorer, Weights

WEIGHT_TYPES: dict[str, Any] = get_type_hints(Weights)
OPTION_TYPES: dict[str, Any] = get_type_hints(claimdiff.Options)
WEIGHT_NAMES = tuple(f.name for f in fields(Weights))
OPTION_NAMES = claimdiff.Options.names()


@dataclass(frozen=True, slots=True)
class Data:
    """The splits this script may read: train and dev only."""

    mrpc_train: list[LabelledPair]
    sts_train: list[GradedPair]
    sts_dev: list[GradedPair]


@dataclass(frozen=True, slots=True)
class Setting:
    """One point to evaluate: scorer constants, compare options, and which parts to run."""

    weights: Weights
    options: dict[str, Any]
    mrpc: bool = True
    sts: bool = True


@dataclass(frozen=True, slots=True)
class Result:
    mrpc_acc: float | None = None
    mrpc_f1: float | None = None
    sim_threshold: float | None = None
    sim_acc: float | None = None
    sts_train: float | None = None
    sts_dev: float | None = None


@dataclass(frozen=True, slots=True)
class Task:
    """A unit of work. ``compare`` runs MRPC train through compare (depends on weights and options);
    ``score`` runs the scorer alone over MRPC train and STS-B (depends on weights only), so that a
    grid over options scores each pair once."""

    kind: str
    weights: Weights
    options: tuple[tuple[str, Any], ...] = ()
    mrpc: bool = True
    sts: bool = True


def run_task(task: Task, data: Data) -> Result:
    if task.kind == "compare":
        options = dict(task.options)
        predicted = [
            bool(claimdiff.compare(p.a, p.b, weights=task.weights, **options).matches) for p in data.mrpc_train
        ]
        acc, f1 = accuracy_f1(predicted, [p.label for p in data.mrpc_train])
        return Result(mrpc_acc=acc, mrpc_f1=f1)
    scorer = Scorer(task.weights)

    def score(a: str, b: str) -> float:
        return scorer.score(scorer.profile(a), scorer.profile(b))

    sim_t = sim_acc = sts_train = sts_dev = None
    if task.mrpc:
        gold = [p.label for p in data.mrpc_train]
        scores = [score(p.a, p.b) for p in data.mrpc_train]
        sim_t = best_threshold(scores, gold)
        sim_acc, _ = accuracy_f1([s >= sim_t for s in scores], gold)
    if task.sts:
        sts_train = spearman([score(p.a, p.b) for p in data.sts_train], [p.score for p in data.sts_train])
        sts_dev = spearman([score(p.a, p.b) for p in data.sts_dev], [p.score for p in data.sts_dev])
    return Result(sim_threshold=sim_t, sim_acc=sim_acc, sts_train=sts_train, sts_dev=sts_dev)


def tasks_of(setting: Setting) -> list[Task]:
    out = []
    if setting.mrpc:
        out.append(Task("compare", setting.weights, tuple(sorted(setting.options.items()))))
    out.append(Task("score", setting.weights, mrpc=setting.mrpc, sts=setting.sts))
    return out


_DATA: Data | None = None


def _init_worker(data: Data) -> None:
    global _DATA
    _DATA = data


def _run_in_worker(task: Task) -> Result:
    assert _DATA is not None, "worker not initialised"
    return run_task(task, _DATA)


def evaluate_all(settings: Sequence[Setting], data: Data, workers: int) -> list[Result]:
    """Figures for each setting, in order. Distinct tasks run once, in ``workers`` processes."""
    tasks = list(dict.fromkeys(t for s in settings for t in tasks_of(s)))
    if workers <= 1 or len(tasks) <= 1:
        done = [run_task(t, data) for t in tasks]
    else:
        # The slow compare tasks first, so that the pool ends evenly.
        tasks.sort(key=lambda t: t.kind != "compare")
        with multiprocessing.Pool(min(workers, len(tasks)), initializer=_init_worker, initargs=(data,)) as pool:
            done = pool.map(_run_in_worker, tasks, chunksize=1)
    by_task = dict(zip(tasks, done, strict=True))
    results = []
    for s in settings:
        merged: dict[str, Any] = {}
        for t in tasks_of(s):
            merged.update({k: v for k, v in asdict(by_task[t]).items() if v is not None})
        results.append(Result(**merged))
    return results


# --- command line --------------------------------------------------------------------------------


def parse_value(name: str, text: str, kind: Any) -> Any:
    """``text`` as the type of the field ``name`` (float, int or bool)."""
    try:
        if kind is bool:
            lowered = text.strip().lower()
            if lowered in ("1", "true", "yes", "on"):
                return True
            if lowered in ("0", "false", "no", "off"):
                return False
            raise ValueError(text)
        if kind is int:
            return int(text)
        return float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{name}: cannot read {text!r} as {getattr(kind, '__name__', kind)}") from None


def split_assignment(text: str) -> tuple[str, str]:
    name, sep, value = text.partition("=")
    if not sep or not name.strip():
        raise argparse.ArgumentTypeError(f"expected NAME=VALUE, got {text!r}")
    return name.strip(), value.strip()


def kind_of(name: str) -> tuple[str, Any]:
    """``("weight", type)`` or ``("option", type)`` for a parameter name."""
    if name in WEIGHT_TYPES:
        return "weight", WEIGHT_TYPES[name]
    if name in OPTION_TYPES:
        return "option", OPTION_TYPES[name]
    raise argparse.ArgumentTypeError(
        f"unknown parameter {name!r}; Weights fields: {', '.join(WEIGHT_NAMES)}; options: {', '.join(OPTION_NAMES)}"
    )


def parse_assignments(texts: list[str], types: dict[str, Any], flag: str, what: str) -> dict[str, Any]:
    """``NAME=VALUE`` strings to values, each name checked against ``types``."""
    out: dict[str, Any] = {}
    for text in texts:
        name, value = split_assignment(text)
        if name not in types:
            raise argparse.ArgumentTypeError(f"{flag} {name}: not {what} ({', '.join(types)})")
        out[name] = parse_value(name, value, types[name])
    return out


def build_settings(args: argparse.Namespace) -> tuple[Weights, dict[str, Any], list[dict[str, Any]]]:
    """The base weights and options, and one ``{name: value}`` per grid point."""
    base_w = parse_assignments(args.set, WEIGHT_TYPES, "--set", "a Weights field")
    options = parse_assignments(args.opt, OPTION_TYPES, "--opt", "a compare option")
    if len(args.grid) > 2:
        raise argparse.ArgumentTypeError("--grid takes one or two parameters")
    axes: list[list[tuple[str, Any]]] = []
    for text in args.grid:
        name, values = split_assignment(text)
        _, kind = kind_of(name)
        if name in {axis[0][0] for axis in axes}:
            raise argparse.ArgumentTypeError(f"--grid {name} given twice")
        parsed = [parse_value(name, v, kind) for v in values.split(",") if v.strip()]
        if not parsed:
            raise argparse.ArgumentTypeError(f"--grid {name}: no values")
        axes.append([(name, v) for v in parsed])
    points = [dict(combo) for combo in itertools.product(*axes)]
    return Weights(**base_w), options, points


def make_setting(base: Weights, options: dict[str, Any], point: dict[str, Any], *, mrpc: bool, sts: bool) -> Setting:
    w = {k: v for k, v in point.items() if k in WEIGHT_TYPES}
    o = {**options, **{k: v for k, v in point.items() if k in OPTION_TYPES}}
    claimdiff.Options(**o)  # validate now rather than in a worker
    return Setting(replace(base, **w), o, mrpc=mrpc, sts=sts)


def _fmt(value: Any) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def render(points: Sequence[dict[str, Any]], results: Sequence[Result], grid_names: Sequence[str]) -> str:
    header = [
        *grid_names,
        "MRPC acc",
        "MRPC F1",
        "sim thr",
        "sim acc",
        "STS train",
        "STS dev",
    ]
    rows = []
    for point, r in zip(points, results, strict=True):
        rows.append(
            [
                *(_fmt(point[n]) for n in grid_names),
                "-" if r.mrpc_acc is None else f"{r.mrpc_acc:.4f}",
                "-" if r.mrpc_f1 is None else f"{r.mrpc_f1:.4f}",
                "-" if r.sim_threshold is None else f"{r.sim_threshold:.2f}",
                "-" if r.sim_acc is None else f"{r.sim_acc:.4f}",
                "-" if r.sts_train is None else f"{r.sts_train:.4f}",
                "-" if r.sts_dev is None else f"{r.sts_dev:.4f}",
            ]
        )
    widths = [max(len(x) for x in col) for col in zip(header, *rows, strict=True)]
    lines = ["  ".join(c.rjust(w) for c, w in zip(row, widths, strict=True)) for row in [header, *rows]]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def best_lines(points: Sequence[dict[str, Any]], results: Sequence[Result]) -> list[str]:
    out = []
    for label, attr in (
        ("MRPC train acc", "mrpc_acc"),
        ("MRPC train F1", "mrpc_f1"),
        ("STS train", "sts_train"),
        ("STS dev", "sts_dev"),
    ):
        scored = [(getattr(r, attr), k) for k, r in enumerate(results) if getattr(r, attr) is not None]
        if scored:
            value, k = max(scored, key=lambda t: (t[0], -t[1]))
            # STS figures do not depend on compare options: name only the scorer constants.
            point = {n: v for n, v in points[k].items() if attr.startswith("mrpc") or n in WEIGHT_TYPES}
            where = ", ".join(f"{n}={_fmt(v)}" for n, v in point.items()) or "defaults"
            out.append(f"best {label}: {value:.4f} at {where}")
    return out


def fit_blend(data_dir: Path) -> int:
    """Fit the logistic model behind the semantic score on MRPC train: the logit of "paraphrase" as
    ``intercept + lexical * score / 100 + cosine * cos``, by Newton's method with a small L2 penalty
    (the ``semantic`` extra is needed: numpy and the model)."""
    import numpy as np

    from claimdiff.similarity.semantic import Blend, SemanticScorer

    try:
        train = load_mrpc("train", data_dir)
    except DataError as exc:
        print(f"tune.py: {exc}", file=sys.stderr)
        return 2
    scorer = SemanticScorer()
    lexical = Scorer()
    pa = [scorer.profile(p.a) for p in train]
    pb = [scorer.profile(p.b) for p in train]
    scorer.prepare(pa + pb)
    x = np.array([[1.0, lexical.score(p, q) / 100.0, scorer.cosine(p, q)] for p, q in zip(pa, pb, strict=True)])
    y = np.array([1.0 if p.label else 0.0 for p in train])
    w = np.zeros(3)
    for _ in range(50):
        prob = 1.0 / (1.0 + np.exp(-(x @ w)))
        gradient = x.T @ (prob - y) + 1e-3 * w
        hessian = (x * (prob * (1.0 - prob))[:, None]).T @ x + 1e-3 * np.eye(3)
        w -= np.linalg.solve(hessian, gradient)
    fitted = Blend(intercept=round(float(w[0]), 4), lexical=round(float(w[1]), 4), cosine=round(float(w[2]), 4))
    accuracy = float(np.mean(((x @ w) >= 0.0) == (y == 1.0)))
    print(f"MRPC train: {len(train)} pairs; accuracy at the decision boundary {accuracy:.4f}")
    print(f"fitted: {fitted}")
    print(f"in use: {Blend()}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Evaluate claimdiff scorer constants on MRPC/STS-B train and dev.")
    parser.add_argument("--data", type=Path, default=DATA_DIR, help="shared benchmarks folder (default: %(default)s)")
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE", help="a Weights field")
    parser.add_argument("--opt", action="append", default=[], metavar="NAME=VALUE", help="a compare option")
    parser.add_argument(
        "--grid", action="append", default=[], metavar="NAME=V1,V2,...", help="a Weights field or option (1 or 2)"
    )
    parser.add_argument("--only", choices=("mrpc", "sts"), help="evaluate only one benchmark")
    parser.add_argument("--workers", type=int, default=2, help="processes for a grid (default: %(default)s)")
    parser.add_argument("--json", action="store_true", help="print the results as JSON lines")
    parser.add_argument(
        "--fit-blend",
        action="store_true",
        help="fit the semantic blend (claimdiff.similarity.semantic.Blend) on MRPC train and print it",
    )
    args = parser.parse_args(argv)
    if args.fit_blend:
        return fit_blend(args.data)
    try:
        base, options, points = build_settings(args)
        settings = [make_setting(base, options, p, mrpc=args.only != "sts", sts=args.only != "mrpc") for p in points]
    except (argparse.ArgumentTypeError, ValueError, TypeError) as exc:
        parser.error(str(exc))

    started = time.perf_counter()
    try:
        data = Data(
            mrpc_train=load_mrpc("train", args.data) if args.only != "sts" else [],
            sts_train=load_sts("train", args.data) if args.only != "mrpc" else [],
            sts_dev=load_sts("dev", args.data) if args.only != "mrpc" else [],
        )
    except DataError as exc:
        print(f"tune.py: {exc}", file=sys.stderr)
        return 2
    results = evaluate_all(settings, data, args.workers)
    total = time.perf_counter() - started

    if args.json:
        for point, setting, result in zip(points, settings, results, strict=True):
            doc = {"point": point, "weights": asdict(setting.weights), "options": setting.options, **asdict(result)}
            print(json.dumps(doc))
        return 0
    changed = {
        f.name: getattr(base, f.name) for f in fields(Weights) if getattr(base, f.name) != getattr(Weights(), f.name)
    }
    print("weights: " + (", ".join(f"{k}={_fmt(v)}" for k, v in changed.items()) or "defaults"))
    print("options: " + (", ".join(f"{k}={_fmt(v)}" for k, v in options.items()) or "defaults"))
    print(f"data: MRPC train {len(data.mrpc_train)} pairs, STS-B train {len(data.sts_train)} / dev {len(data.sts_dev)}")
    print()
    grid_names = list(points[0]) if points else []
    print(render(points, results, grid_names))
    if len(points) > 1:
        print()
        print("\n".join(best_lines(points, results)))
    print()
    print(f"{len(points)} setting(s) in {total:.1f} s ({max(1, args.workers)} worker(s) at most)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
