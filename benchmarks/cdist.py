"""The issue's baseline for long documents: exhaustive ``rapidfuzz.process.cdist`` over every sentence pair.

Used by ``benchmarks/speed.py`` (its docstring says what is measured); :func:`baseline` runs in the measuring
child process, :func:`versus_cdist` in the parent.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any


def baseline(docs: Any) -> dict[str, Any]:
    """The exhaustive rapidfuzz baseline: both texts split into sentences (claimdiff's segmenter, timed too),
    then every pair scored by ``rapidfuzz.process.cdist`` (``token_sort_ratio``, rapidfuzz's
    ``default_process``, all cores). Its matches are the mutual best pairs at or above the default threshold;
    ``planted`` are those that are pairs :mod:`synth` planted (one sentence of B taken from one of A)."""
    import numpy as np
    from rapidfuzz import fuzz, process, utils

    from claimdiff.compare import Options
    from claimdiff.segment import Segmenter

    start = time.perf_counter()
    segmenter = Segmenter()
    units_a, units_b = segmenter.segment(docs.a), segmenter.segment(docs.b)
    matrix = process.cdist(
        [u.text for u in units_a],
        [u.text for u in units_b],
        scorer=fuzz.token_sort_ratio,
        processor=utils.default_process,
        workers=-1,
        dtype=np.uint8,
    )
    elapsed = time.perf_counter() - start
    best_b, best_a = matrix.argmax(axis=1), matrix.argmax(axis=0)
    threshold = Options().threshold
    links = [(i, int(j)) for i, j in enumerate(best_b) if matrix[i, j] >= threshold and best_a[j] == i]
    # synth's sentences are the units, one to one (its sentence boundaries are unambiguous)
    exact = [u.text for u in units_a] == list(docs.a_sentences) and [u.text for u in units_b] == list(docs.b_sentences)
    planted = {(i, j) for i, j, _ in docs.copied}
    return {
        "time": elapsed,
        "pairs": len(units_a) * len(units_b),
        "links": links,
        "planted": [link for link in links if link in planted] if exact else None,
    }


CDIST_SIZES = (1_000, 5_000)
"""Sizes at which the exhaustive rapidfuzz baseline runs (above them it is extrapolated, x N²)."""


def versus_cdist(
    n: int, got: set[tuple[int, ...]], measured: dict[int, float], run: Callable[[int], dict[str, Any]]
) -> dict[str, Any]:
    """The baseline at ``n`` (``run(n)``, a fresh process running :func:`baseline`, at the sizes of
    :data:`CDIST_SIZES`; above them extrapolated from the largest size ``measured``, x N²) and the share of its
    real matches (planted pairs it aligns) that claimdiff aligns too (``got``)."""
    try:
        import numpy  # noqa: F401  (rapidfuzz's cdist returns an array)
    except ImportError:
        return {"cdist": None, "cdist_note": "needs numpy", "cdist_found": None}
    if n in CDIST_SIZES:
        ref = run(n)
        measured[n] = ref["time"]
        planted = ref["planted"]
        found = None if planted is None else len({tuple(x) for x in planted} & got) / len(planted) if planted else 1.0
        return {"cdist": ref["time"], "cdist_note": "", "cdist_found": found}
    if not measured or n < max(measured):
        return {"cdist": None, "cdist_note": "", "cdist_found": None}
    base_n = max(measured)
    time_n = measured[base_n] * (n / base_n) ** 2
    return {"cdist": time_n, "cdist_note": f"extrapolated from {base_n:,} (x N²)", "cdist_found": None}
