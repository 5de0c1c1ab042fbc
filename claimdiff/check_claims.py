"""The claim checks of ``claimdiff check``: the conflicts :func:`claimdiff.compare` found between aligned
claims (``number-mismatch``, ``negation-flipped``, ``modality-changed``, ``attribution-changed``) and, with
a coverage floor, ``claim-dropped`` (see :mod:`claimdiff.check` for the rules)."""

from __future__ import annotations

from claimdiff.locate import RawFinding, TextIndex
from claimdiff.model import Comparison, Conflict, ConflictKind, Match, Status
from claimdiff.policy import FindingKind, Policy

__all__ = ["check_conflicts", "check_coverage"]

KIND_OF = {
    ConflictKind.FIGURE: FindingKind.NUMBER_MISMATCH,
    ConflictKind.NEGATION: FindingKind.NEGATION_FLIPPED,
    ConflictKind.MODALITY: FindingKind.MODALITY_CHANGED,
    ConflictKind.ATTRIBUTION: FindingKind.ATTRIBUTION_CHANGED,
}
"""The finding each kind of conflict gives."""
_WHAT = {
    ConflictKind.NEGATION: "negation flipped",
    ConflictKind.MODALITY: "modality changed",
    ConflictKind.ATTRIBUTION: "attribution changed",
}


def _q(text: str) -> str:
    return "\u2018" + " ".join(text.split()) + "\u2019"


def check_conflicts(
    c: Comparison, src: TextIndex, der: TextIndex, altered: list[tuple[int, int]]
) -> tuple[list[RawFinding], int]:
    """One finding per kind of conflict in each conflicting match, at the derived claims, with the words
    that disagree highlighted on both sides. A change inside a quotation already reported as altered is
    not reported again. Returns the findings and the number of aligned pairs read."""
    out: list[RawFinding] = []
    for m in c.matches:
        if not m.conflicts:
            continue
        for kind in ConflictKind:
            found = [x for x in m.conflicts if x.kind is kind]
            found = [x for x in found if not any(a <= x.b.start and x.b.end <= b for a, b in altered)]
            if found:
                out.append(_finding(c, m, kind, found, src, der))
    return out, len(c.matches)


def _finding(
    c: Comparison, m: Match, kind: ConflictKind, found: list[Conflict], src: TextIndex, der: TextIndex
) -> RawFinding:
    a_units = [c.a.units[i] for i in m.a]
    b_units = [c.b.units[j] for j in m.b]
    s_start, s_end = a_units[0].start, a_units[-1].end
    d_start, d_end = b_units[0].start, b_units[-1].end
    said_a = ", ".join(_q(src.text[x.a.start : x.a.end]) for x in found)
    said_b = ", ".join(_q(der.text[x.b.start : x.b.end]) for x in found)
    if kind is ConflictKind.FIGURE:
        message = f"figures differ: SOURCE has {said_a}, DERIVED has {said_b}"
    elif kind is ConflictKind.ATTRIBUTION:
        message = f"attribution changed: SOURCE credits {said_a}, DERIVED credits {said_b}"
    else:
        message = f"{_WHAT[kind]}: SOURCE says {said_a}, DERIVED says {said_b}"
    return RawFinding(
        KIND_OF[kind],
        True,
        src.location(s_start, s_end, [(x.a.start, x.a.end) for x in found], unit=c.a.unit_id(m.a[0])),
        der.location(d_start, d_end, [(x.b.start, x.b.end) for x in found], unit=c.b.unit_id(m.b[0])),
        message,
        (d_start, 2),
    )


def check_coverage(c: Comparison, src: TextIndex, policy: Policy) -> list[RawFinding]:
    if policy.min_coverage is None:
        return []
    statuses = c.statuses("a")
    dropped = [i for i, st in enumerate(statuses) if st is Status.UNIQUE]
    claims = sum(1 for st in statuses if st is not Status.BOILERPLATE)
    coverage = c.summary.coverage_a
    out: list[RawFinding] = []
    if coverage < policy.min_coverage:
        out.append(
            RawFinding(
                FindingKind.CLAIM_DROPPED,
                True,
                None,
                None,
                f"DERIVED carries {coverage:.0%} of SOURCE's {claims} claims, below the minimum of "
                f"{policy.min_coverage:.0%}: {len(dropped)} dropped",
                (-1, 3),
            )
        )
    for i in dropped:
        u = c.a.units[i]
        out.append(
            RawFinding(
                FindingKind.CLAIM_DROPPED,
                False,
                src.location(u.start, u.end, unit=c.a.unit_id(i)),
                None,
                "SOURCE claim with no counterpart in DERIVED",
                (u.start, 3),
            )
        )
    return out
