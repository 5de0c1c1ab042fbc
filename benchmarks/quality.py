"""How good is claimdiff? One table: each claimdiff figure beside anchors measured in the same run and
published figures, with the project's targets.

Usage (from the repository root)::

    python benchmarks/quality.py [--data ../shared/benchmarks] [--eval ../shared/eval] [--markdown | --json]
                                 [--similarity semantic]

Sections:

* Sentence splitting: the 48 English golden rules through :func:`claimdiff.segment`, beside pySBD.
* Paraphrase decision: MRPC test, a pair is positive when :func:`claimdiff.compare` finds a match;
  anchors are string ratios whose threshold is tuned on MRPC train.
* Similarity calibration: STS-B test, Spearman correlation of :func:`claimdiff.similarity` with gold.
* Document alignment: ``../shared/tools/score_alignment.py`` over the hand-aligned cases, beside the
  naive aligners of ``benchmarks/baselines.py``; then over the independently written pairs alone
  (``outlets_*``, ``independent_*``: two outlets' own reports of one event), the issue's target.

``--similarity semantic`` (the ``semantic`` extra) adds the semantic rows: MRPC and STS-B through the
blended score, the MiniLM cosine alone measured as an anchor, and alignment with ``--similarity semantic``.

Test splits are only read here, never tuned on (``benchmarks/tune.py`` uses train and dev).
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import platform
import shlex
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from _data import (
    DATA_DIR,
    EVAL_DIR,
    REPO,
    SCORER,
    DataError,
    LabelledPair,
    accuracy_f1,
    best_threshold,
    find_result,
    load_mrpc,
    load_published,
    load_rules,
    load_sts,
    spearman,
)
from rapidfuzz import fuzz, utils

import claimdiff

# Targets of the project (see the task brief / README).
RULES_TARGET = 47
MRPC_ACC_TARGET = 0.74
MRPC_F1_TARGET = 0.82
STS_TARGET = 0.70
SEED_F1_TARGET = 1.0
SEMANTIC_MRPC_F1_TARGET = 0.84
SEMANTIC_STS_TARGET = 0.83
INDEPENDENT_TARGET = {"lexical": 0.85, "semantic": 0.90}
INDEPENDENT_PRECISION = 0.92

MET, NOT_MET = "met", "NOT met"


@dataclass(slots=True)
class Row:
    """One line of the table."""

    system: str
    source: str
    """``measured`` (in this run) or ``published``."""
    result: str
    target: str = ""
    status: str = ""
    values: dict[str, Any] = field(default_factory=dict)
    """The figures behind ``result``, for ``--json``."""


@dataclass(slots=True)
class Section:
    title: str
    rows: list[Row]
    seconds: float = 0.0


def _status(ok: bool) -> str:
    return MET if ok else NOT_MET


def token_sort(x: str, y: str) -> float:
    return float(fuzz.token_sort_ratio(x, y, processor=utils.default_process))


def difflib_ratio(x: str, y: str) -> float:
    return difflib.SequenceMatcher(None, x, y).ratio()


# --- sentence splitting --------------------------------------------------------------------------


def _rules_result(passed: int, total: int, failed: Sequence[int]) -> tuple[str, dict[str, Any]]:
    percent = 100.0 * passed / total if total else 0.0
    text = f"{passed}/{total} = {percent:.2f}%"
    if failed:
        text += " (fails " + ", ".join(str(i) for i in failed) + ")"
    return text, {"passed": passed, "total": total, "percent": round(percent, 2), "failed": list(failed)}


def sentence_section(data_dir: Path) -> Section:
    rules = load_rules(data_dir)

    def run(split: Callable[[str], list[str]]) -> tuple[str, dict[str, Any], int]:
        failed = [r.id for r in rules if split(r.text) != list(r.sentences)]
        text, values = _rules_result(len(rules) - len(failed), len(rules), failed)
        return text, values, len(rules) - len(failed)

    text, values, passed = run(lambda t: [u.text.strip() for u in claimdiff.segment(t)])
    rows = [
        Row(
            "claimdiff.segment",
            "measured",
            text,
            f">= {RULES_TARGET}/{len(rules)}",
            _status(passed >= RULES_TARGET),
            values,
        )
    ]
    try:
        import pysbd
    except ImportError:
        rows.append(Row("pySBD (clean=False)", "measured", "not installed"))
    else:
        segmenter = pysbd.Segmenter(language="en", clean=False)
        text, values, _ = run(lambda t: [str(s).strip() for s in segmenter.segment(t)])
        name = " ".join(filter(None, ("pySBD", getattr(pysbd, "__version__", ""), "(clean=False)")))
        rows.append(Row(name, "measured", text, values=values))
    published = load_published("sbd_golden_rules", data_dir)["results"]
    for key, name in (("pysbd", "pySBD"), ("blingfire", "blingfire"), ("nltk_punkt", "NLTK punkt")):
        grs = float(published[key]["grs"])
        rows.append(Row(name, "published", f"{grs:.2f}%", values={"percent": grs}))
    return Section(f"Sentence splitting: golden rules ({len(rules)})", rows)


# --- paraphrase decision -------------------------------------------------------------------------


def _acc_f1_row(system: str, source: str, acc: float, f1: float, **extra: Any) -> Row:
    return Row(
        system, source, f"acc {acc:.4f}  F1 {f1:.4f}", values={"acc": round(acc, 4), "f1": round(f1, 4), **extra}
    )


def _tuned_row(
    name: str, score: Callable[[str, str], float], train: list[LabelledPair], test: list[LabelledPair]
) -> Row:
    gold_train = [p.label for p in train]
    t = best_threshold([score(p.a, p.b) for p in train], gold_train)
    predicted = [score(p.a, p.b) >= t for p in test]
    acc, f1 = accuracy_f1(predicted, [p.label for p in test])
    return _acc_f1_row(f"{name} >= {t:.4g}, tuned on train", "measured", acc, f1, threshold=t)


def _cosine() -> Callable[[str, str], float]:
    """The MiniLM cosine of two claims as claimdiff embeds them (their folded, attribution-free text)."""
    from claimdiff.similarity.semantic import SemanticScorer

    scorer = SemanticScorer()
    return lambda x, y: scorer.cosine(scorer.profile(x), scorer.profile(y))


def _semantic_score() -> Callable[[str, str], float]:
    from claimdiff.similarity.semantic import SemanticScorer

    scorer = SemanticScorer()
    return lambda x, y: scorer.score(scorer.profile(x), scorer.profile(y))


def paraphrase_section(data_dir: Path, semantic: bool = False) -> Section:
    train, test = load_mrpc("train", data_dir), load_mrpc("test", data_dir)
    gold = [p.label for p in test]
    predicted = [bool(claimdiff.compare(p.a, p.b).matches) for p in test]
    acc, f1 = accuracy_f1(predicted, gold)
    mine = _acc_f1_row("claimdiff.compare has a match", "measured", acc, f1)
    mine.target = f"acc >= {MRPC_ACC_TARGET:.2f}, F1 >= {MRPC_F1_TARGET:.2f}"
    mine.status = _status(acc >= MRPC_ACC_TARGET and f1 >= MRPC_F1_TARGET)
    rows = [
        mine,
        _tuned_row("claimdiff.similarity", claimdiff.similarity, train, test),
        _tuned_row("rapidfuzz token_sort_ratio", token_sort, train, test),
        _tuned_row("difflib ratio", difflib_ratio, train, test),
    ]
    if semantic:
        predicted = [bool(claimdiff.compare(p.a, p.b, similarity="semantic").matches) for p in test]
        acc, f1 = accuracy_f1(predicted, gold)
        row = _acc_f1_row("claimdiff.compare --similarity semantic has a match", "measured", acc, f1)
        row.target = f"F1 >= {SEMANTIC_MRPC_F1_TARGET:.2f}"
        row.status = _status(f1 >= SEMANTIC_MRPC_F1_TARGET)
        rows += [row, _tuned_row("MiniLM cosine alone", _cosine(), train, test)]
    published = load_published("mrpc", data_dir)
    extra = (("Ji & Eisenstein", "TF-KLD (Ji & Eisenstein 2013)"),) if semantic else ()
    for prefix, name in (
        ("term-frequency TF-IDF", "TF-IDF cosine, threshold"),
        ("majority class", "majority class"),
        *extra,
    ):
        entry = find_result(published, prefix)
        rows.append(_acc_f1_row(name, "published", float(entry["acc"]) / 100.0, float(entry["f1"]) / 100.0))
    return Section(f"Paraphrase: MRPC test ({len(test)} pairs)", rows)


# --- similarity calibration ----------------------------------------------------------------------


def similarity_section(data_dir: Path, semantic: bool = False) -> Section:
    test = load_sts("test", data_dir)
    gold = [p.score for p in test]
    news = [k for k, p in enumerate(test) if p.genre == "main-news"]
    rows = []
    systems: list[tuple[str, Callable[[str, str], float]]] = [
        ("claimdiff.similarity", claimdiff.similarity),
        ("rapidfuzz token_sort_ratio", token_sort),
        ("difflib ratio", difflib_ratio),
    ]
    if semantic:
        systems += [("claimdiff semantic score", _semantic_score()), ("MiniLM cosine alone", _cosine())]
    for name, score in systems:
        predicted = [score(p.a, p.b) for p in test]
        rho = spearman(predicted, gold)
        rho_news = spearman([predicted[k] for k in news], [gold[k] for k in news])
        rows.append(
            Row(
                name,
                "measured",
                f"Spearman {rho:.3f} (news {rho_news:.3f})",
                values={"spearman": round(rho, 4), "spearman_news": round(rho_news, 4)},
            )
        )
    rows[0].target = f">= {STS_TARGET:.2f}"
    rows[0].status = _status(rows[0].values["spearman"] >= STS_TARGET)
    if semantic:
        rows[3].target = f">= {SEMANTIC_STS_TARGET:.2f}"
        rows[3].status = _status(rows[3].values["spearman"] >= SEMANTIC_STS_TARGET)
    published = load_published("stsb", data_dir)
    anchors = [
        ("avg GloVe", "avg GloVe embeddings"),
        ("InferSent", "InferSent-GloVe"),
        ("Universal Sentence Encoder", "Universal Sentence Encoder"),
    ]
    if semantic:
        anchors.append(("sentence-transformers/all-MiniLM-L6-v2", "all-MiniLM-L6-v2 cosine (fp32)"))
    for prefix, name in anchors:
        entry = find_result(published, prefix)
        value = float(entry["test"]) / (100.0 if entry.get("metric") == "spearman_x100" else 1.0)
        rows.append(Row(name, "published", f"Spearman {value:.3f}", values={"spearman": value}))
    return Section(f"Similarity: STS-B test ({len(test)} pairs)", rows)


# --- document alignment --------------------------------------------------------------------------


def alignment_cases(eval_dir: Path) -> list[Path]:
    """Case folders (with a.txt, b.txt, gold.json) under ``eval_dir`` and the repository's ``tests/eval``."""
    cases = []
    for base in (eval_dir, REPO / "tests" / "eval"):
        if base.is_dir():
            cases += sorted(
                d
                for d in base.iterdir()
                if d.is_dir() and all((d / f).is_file() for f in ("a.txt", "b.txt", "gold.json"))
            )
    return cases


def _case_f1(case: dict[str, Any]) -> float:
    recall = case["found"] / case["must"] if case["must"] else 1.0
    precision = case["right_links"] / case["judged_links"] if case["judged_links"] else 1.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def independent_cases(cases: Sequence[Path]) -> list[Path]:
    """The cases of two outlets' own reports of one event."""
    return [c for c in cases if c.name.startswith(("outlets_", "independent_"))]


def independent_section(eval_dir: Path, scorer: Path, semantic: bool) -> Section:
    cases = independent_cases(alignment_cases(eval_dir))
    title = f"Independent reports: {len(cases)} case(s)"
    rows = []
    for mode in ("lexical", "semantic") if semantic else ("lexical",):
        cmd = f"{shlex.quote(sys.executable)} -m claimdiff.cli compare {{a}} {{b}} --format json --similarity {mode}"
        proc = subprocess.run(
            [sys.executable, str(scorer), *map(str, cases), "--json", "--cmd", cmd],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=900,
        )
        if proc.returncode != 0:
            rows.append(Row(f"claimdiff compare --similarity {mode}", "measured", "failed"))
            continue
        pooled = json.loads(proc.stdout)["pooled"]
        row = Row(
            f"claimdiff compare --similarity {mode}",
            "measured",
            f"P {pooled['precision']:.3f}  R {pooled['recall']:.3f}  F1 {pooled['f1']:.3f}"
            f"  label {pooled['label']:.3f}",
            f"F1 >= {INDEPENDENT_TARGET[mode]:.2f}, P >= {INDEPENDENT_PRECISION:.2f}",
            values=pooled,
        )
        row.status = _status(pooled["f1"] >= INDEPENDENT_TARGET[mode] and pooled["precision"] >= INDEPENDENT_PRECISION)
        rows.append(row)
    return Section(title, rows)


CONFLICT_PRECISION = 0.95
CONFLICT_RECALL = {"figure": 0.85, "negation": 0.85, "modality": 0.70, "attribution": 0.70}
QUOTE_PRECISION, QUOTE_RECALL = 0.98, 0.95
HELDOUT = REPO / "tests" / "heldout"


def conflict_section() -> Section:
    """Conflicting claims per kind on the labelled sentence pairs: dev (tuned on) and held-out (measured)."""
    import conflicteval

    rows = []
    for split, path in (("dev", conflicteval.DEV), ("held-out", HELDOUT / "conflicts" / "pairs.jsonl")):
        if not path.exists():
            continue
        cases = conflicteval.load(path)
        result = conflicteval.evaluate(cases)
        for kind, v in result["kinds"].items():
            p, r = v["precision"], v["recall"]
            row = Row(
                f"{kind} ({split}, {len(cases)} pairs)",
                "measured",
                f"P {p if p is not None else '-'}  R {r}  (tp {v['tp']} fp {v['fp']} fn {v['fn']})",
                f"P >= {CONFLICT_PRECISION:.2f}, R >= {CONFLICT_RECALL[kind]:.2f}",
                values=v,
            )
            row.status = _status((p is None or p >= CONFLICT_PRECISION) and (r or 0.0) >= CONFLICT_RECALL[kind])
            rows.append(row)
        clean = result["harmless_clean"]
        rows.append(
            Row(
                f"harmless rewordings left alone ({split})",
                "measured",
                f"{clean} of {result['harmless']}",
                "1.00",
                _status(clean == 1.0),
                values={"harmless_clean": clean},
            )
        )
    return Section("Conflicting claims: labelled sentence pairs", rows)


def quotation_section() -> Section:
    """Quotation findings and span reading on the labelled quotation set: dev and held-out."""
    import quoteeval

    rows = []
    for split, path in (("dev", quoteeval.DEV), ("held-out", HELDOUT / "quotes" / "heldout.jsonl")):
        if not path.exists():
            continue
        cases = quoteeval.load(path)
        result = quoteeval.evaluate(cases)
        for key, what in (("quotations", "quotation errors"), ("quote_altered", "quote-altered only")):
            v = result[key]
            row = Row(
                f"{what} ({split}, {len(cases)} cases)",
                "measured",
                f"P {v['precision']}  R {v['recall']}  (tp {v['tp']} fp {v['fp']} fn {v['fn']})",
                f"P >= {QUOTE_PRECISION:.2f}, R >= {QUOTE_RECALL:.2f}",
                values=v,
            )
            row.status = _status((v["precision"] or 0.0) >= QUOTE_PRECISION and (v["recall"] or 0.0) >= QUOTE_RECALL)
            rows.append(row)
        spans = result["spans"]
        rows.append(
            Row(
                f"quotation spans read exactly ({split})",
                "measured",
                f"{spans['quotations_exact']} of quotations, {spans['cases_exact']} of cases",
                "all",
                _status(spans["cases_exact"] == 1.0),
                values=spans,
            )
        )
    return Section("Quotations: labelled edits and harmless changes", rows)


def alignment_section(eval_dir: Path, scorer: Path, semantic: bool = False) -> Section:
    cases = alignment_cases(eval_dir)
    title = f"Alignment: {len(cases)} case(s)"
    if not cases:
        target = f"seed F1 {SEED_F1_TARGET:.3f}"
        return Section(title, [Row("claimdiff compare", "measured", f"no cases under {eval_dir}", target, NOT_MET)])
    python = shlex.quote(sys.executable)
    baselines = shlex.quote(str(Path(__file__).resolve().parent / "baselines.py"))
    commands = {
        "claimdiff compare": f"{python} -m claimdiff.cli compare {{a}} {{b}} --format json",
        **(
            {
                "claimdiff compare --similarity semantic": (
                    f"{python} -m claimdiff.cli compare {{a}} {{b}} --format json --similarity semantic"
                )
            }
            if semantic
            else {}
        ),
        "token_set greedy >= 60": f"{python} {baselines} tokenset {{a}} {{b}}",
        "difflib greedy >= 0.6": f"{python} {baselines} difflib {{a}} {{b}}",
    }
    argv = [sys.executable, str(scorer), *map(str, cases), "--json", "--cmd"]
    # The three runs are independent subprocesses: start them together.
    procs = {
        name: subprocess.Popen([*argv, cmd], cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for name, cmd in commands.items()
    }
    rows = []
    for name, proc in procs.items():
        out, err = proc.communicate(timeout=900)
        if proc.returncode != 0:
            rows.append(Row(name, "measured", "failed: " + " ".join(err.strip().splitlines()[-1:])))
            continue
        report = json.loads(out)
        pooled = report["pooled"]
        seed = [c for c in report["cases"] if c["case"] == "seed"]
        seed_f1 = round(_case_f1(seed[0]), 3) if seed else None
        result = (
            f"P {pooled['precision']:.3f}  R {pooled['recall']:.3f}  F1 {pooled['f1']:.3f}  "
            f"unique {pooled['unique']:.3f}  label {pooled['label']:.3f}"
        )
        if seed_f1 is not None and len(cases) > 1:
            result += f"  (seed F1 {seed_f1:.3f})"
        rows.append(Row(name, "measured", result, values={**pooled, "seed_f1": seed_f1}))
    mine = rows[0]
    mine.target = f"seed F1 {SEED_F1_TARGET:.3f}"
    seed_f1 = mine.values.get("seed_f1")
    mine.status = "n/a (no seed case)" if seed_f1 is None and mine.values else _status(seed_f1 == SEED_F1_TARGET)
    return Section(title, rows)


# --- output --------------------------------------------------------------------------------------

HEADER = ("Benchmark", "System", "Source", "Result", "Target", "Status")


def table_rows(sections: Sequence[Section]) -> list[tuple[str, ...]]:
    out: list[tuple[str, ...]] = []
    for section in sections:
        for k, row in enumerate(section.rows):
            out.append((section.title if k == 0 else "", row.system, row.source, row.result, row.target, row.status))
    return out


def plain_table(sections: Sequence[Section]) -> str:
    rows = table_rows(sections)
    widths = [max(len(r[c]) for r in [HEADER, *rows]) for c in range(len(HEADER))]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(cell.ljust(w) for cell, w in zip(cells, widths, strict=True)).rstrip()

    rule = "  ".join("-" * w for w in widths)
    lines = [line(HEADER), rule]
    for k, r in enumerate(rows):
        if k and r[0]:
            lines.append("")
        lines.append(line(r))
    return "\n".join(lines)


def markdown_table(sections: Sequence[Section]) -> str:
    def line(cells: Sequence[str]) -> str:
        return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"

    return "\n".join([line(HEADER), line(["---"] * len(HEADER)), *(line(r) for r in table_rows(sections))])


def machine() -> str:
    return (
        f"{platform.platform()}, {platform.python_implementation()} {platform.python_version()}, "
        f"{os.cpu_count()} CPU(s)"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="claimdiff quality benchmarks (one table).")
    parser.add_argument("--data", type=Path, default=DATA_DIR, help="shared benchmarks folder (default: %(default)s)")
    parser.add_argument("--eval", type=Path, default=EVAL_DIR, help="alignment cases folder (default: %(default)s)")
    parser.add_argument("--scorer", type=Path, default=SCORER, help="score_alignment.py (default: %(default)s)")
    fmt = parser.add_mutually_exclusive_group()
    fmt.add_argument("--markdown", action="store_true", help="print a markdown table")
    fmt.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--similarity", choices=("lexical", "semantic"), default="lexical", help="semantic: add the semantic rows"
    )
    args = parser.parse_args(argv)
    semantic = args.similarity == "semantic"

    started = time.perf_counter()
    sections = []
    runs: list[Callable[[], Section]] = [
        lambda: sentence_section(args.data),
        lambda: paraphrase_section(args.data, semantic),
        lambda: similarity_section(args.data, semantic),
        lambda: alignment_section(args.eval, args.scorer, semantic),
        lambda: independent_section(args.eval, args.scorer, semantic),
        conflict_section,
        quotation_section,
    ]
    try:
        for run in runs:
            t0 = time.perf_counter()
            section = run()
            section.seconds = time.perf_counter() - t0
            sections.append(section)
    except DataError as exc:
        print(f"quality.py: {exc}", file=sys.stderr)
        return 2
    total = time.perf_counter() - started

    if args.json:
        doc = {
            "sections": [asdict(s) for s in sections],
            "total_seconds": round(total, 2),
            "machine": machine(),
            "claimdiff": claimdiff.__version__,
        }
        print(json.dumps(doc, indent=1))
        return 0
    print(markdown_table(sections) if args.markdown else plain_table(sections))
    print()
    times = ", ".join(f"{s.title.split(':')[0].lower()} {s.seconds:.1f} s" for s in sections)
    print(f"Wall time: {times}; total {total:.1f} s")
    print(f"Machine: {machine()}; claimdiff {claimdiff.__version__}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
