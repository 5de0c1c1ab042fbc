"""What reading aligned claims for conflicts costs ``compare`` and ``check`` on the samples.

``python benchmarks/speed.py --conflicts`` runs :func:`claimdiff.compare` and :func:`claimdiff.check` on
``samples/axios.txt`` and ``samples/secondary.txt`` with the conflict detector as shipped and with it switched
off (the claims not read, no conflict reported), interleaved in one process so that a noisy machine slows both
alike, and prints the median of each and their ratio.
"""

from __future__ import annotations

import importlib
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]


@contextmanager
def detector_off() -> Iterator[None]:
    """No claim is read and no conflict found: ``compare`` as it labelled matches before conflicts."""
    from claimdiff.cues import Reading

    module: Any = importlib.import_module("claimdiff.compare")
    saved = module.read
    module.read = lambda *args, **kwargs: Reading((), (), ())
    try:
        yield
    finally:
        module.read = saved


def detector_costs(runs: int = 41) -> dict[str, float]:
    from claimdiff.check import check
    from claimdiff.compare import compare

    a = (REPO / "samples" / "axios.txt").read_text(encoding="utf-8")
    b = (REPO / "samples" / "secondary.txt").read_text(encoding="utf-8")
    calls: dict[str, Callable[[], object]] = {"compare": lambda: compare(a, b), "check": lambda: check(a, b)}
    out: dict[str, float] = {}
    for name, call in calls.items():
        on: list[float] = []
        off: list[float] = []
        call()
        for _ in range(runs):
            t0 = time.perf_counter()
            call()
            on.append(time.perf_counter() - t0)
            with detector_off():
                t0 = time.perf_counter()
                call()
                off.append(time.perf_counter() - t0)
        out[f"{name}_on"] = statistics.median(on)
        out[f"{name}_off"] = statistics.median(off)
        out[f"{name}_ratio"] = out[f"{name}_on"] / out[f"{name}_off"]
    return out


def report(c: dict[str, float]) -> str:
    lines = ["Conflict detector on the samples (median of interleaved runs, one process):"]
    for name in ("compare", "check"):
        lines.append(
            f"  {name}: {c[f'{name}_on'] * 1000:.2f} ms with the detector, {c[f'{name}_off'] * 1000:.2f} ms without"
            f" (ratio {c[f'{name}_ratio']:.2f})"
        )
    return "\n".join(lines)
