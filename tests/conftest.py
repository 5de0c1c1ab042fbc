"""Shared fixtures: sample paths and a CLI runner with a pinned environment."""

from __future__ import annotations

from pathlib import Path

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
