"""Explain where claimdiff disagrees with a gold alignment (a development tool).

Usage (from the repository root)::

    python tools/diagnose.py CASE_DIR [CASE_DIR ...]

A case is a folder with ``a.txt``, ``b.txt`` and ``gold.json`` in the format of
``../shared/tools/score_alignment.py``. For each case this prints, with the two texts:

* MISSED: a gold pair that must be aligned and is not, with its similarity;
* LABEL: a gold pair aligned with the other label, with the match's score and wording agreement;
* WRONG: an aligned pair that touches a gold unit the gold does not pair that way;
* BOILER: a gold boilerplate line that claimdiff reads as a claim.

The score script says how many; this says which, and why they might be.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import claimdiff
from claimdiff.compare import wording
from claimdiff.model import Comparison, Unit


def unit_at(units: tuple[Unit, ...], text: str, sub: str) -> int:
    """The unit holding the first character of ``sub`` (or the next character inside a unit)."""
    pos = text.index(sub)
    while pos < len(text):
        for k, u in enumerate(units):
            if u.start <= pos < u.end:
                return k
        pos += 1
    raise ValueError(f"no unit holds {sub!r}")


def clip(text: str, width: int = 160) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def diagnose(case: Path) -> list[str]:
    a = (case / "a.txt").read_text(encoding="utf-8")
    b = (case / "b.txt").read_text(encoding="utf-8")
    gold: dict[str, Any] = json.loads((case / "gold.json").read_text(encoding="utf-8"))
    c: Comparison = claimdiff.compare(a, b)
    ua, ub = c.a.units, c.b.units
    links = {(i, j): m for m in c.matches for i in m.a for j in m.b}
    out: list[str] = []
    pairs: dict[tuple[int, int], dict[str, Any]] = {}
    for pair in gold["pairs"]:
        i, j = unit_at(ua, a, pair["a"]), unit_at(ub, b, pair["b"])
        pairs[(i, j)] = pair
        m = links.get((i, j))
        if m is None:
            if pair.get("must", True):
                sim = claimdiff.similarity(ua[i].text, ub[j].text)
                out.append(f"MISSED a{i}-b{j} similarity {sim:.1f}")
                out += [f"   A: {clip(ua[i].text)}", f"   B: {clip(ub[j].text)}"]
            continue
        want = "shared" if pair["label"] == "shared" else "paraphrased"
        if m.label.value != want:
            agree = wording([ua[k].text for k in m.a], [ub[k].text for k in m.b])
            out.append(f"LABEL a{i}-b{j} {m.label.value}, gold {want}: score {m.score:.1f}, wording {agree:.1f}")
            out += [f"   A: {clip(ua[i].text)}", f"   B: {clip(ub[j].text)}"]
    named_a = gold.get("unique_a", []) + gold.get("boilerplate_a", [])
    named_b = gold.get("unique_b", []) + gold.get("boilerplate_b", [])
    gold_a = {i for i, _ in pairs} | {unit_at(ua, a, s) for s in named_a}
    gold_b = {j for _, j in pairs} | {unit_at(ub, b, s) for s in named_b}
    for (i, j), m in sorted(links.items()):
        if (i in gold_a or j in gold_b) and (i, j) not in pairs:
            out.append(f"WRONG a{i}-b{j} {m.label.value} score {m.score:.1f} (match {m.a} / {m.b})")
            out += [f"   A: {clip(ua[i].text)}", f"   B: {clip(ub[j].text)}"]
    for side, units, text in (("a", ua, a), ("b", ub, b)):
        for s in gold.get(f"boilerplate_{side}", []):
            k = unit_at(units, text, s)
            if not units[k].is_boilerplate:
                out.append(f"BOILER {side}{k} read as a {units[k].kind.value}: {clip(units[k].text, 120)!r}")
    return out


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    for name in argv:
        case = Path(name)
        lines = diagnose(case)
        count = sum(not line.startswith("   ") for line in lines)
        print(f"=== {case.name}: {count} disagreement(s)")
        print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
