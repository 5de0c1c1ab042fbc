"""Shared fixtures: sample paths and a CLI runner with a pinned environment."""

from __future__ import annotations

import os
from collections.abc import Generator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"

# Pin everything a terminal renderer reads from the environment so output is reproducible.
PINNED_ENV = {
    "COLUMNS": "100",
    "LINES": "50",
    "TERM": "dumb",
    "NO_COLOR": None,
    "FORCE_COLOR": None,
    "TTY_COMPATIBLE": None,
}


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner(env=PINNED_ENV)


@pytest.fixture
def axios() -> Path:
    return SAMPLES / "axios.txt"


@pytest.fixture
def secondary() -> Path:
    return SAMPLES / "secondary.txt"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Generator[None, Any, None]:
    """In CI (``CI`` set, as ``.ci/run`` runs), a skipped test is a failure: everything a test needs
    (``../shared``, the semantic extra, ``/dev/full``) is there, so a skip would hide a missing piece.
    Elsewhere a skip says why (``-rs`` in the pytest options)."""
    outcome = yield
    report = outcome.get_result()
    if report.skipped and os.environ.get("CI") and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.outcome = "failed"
        report.longrepr = f"skipped in CI, where every test must run: {reason}"
