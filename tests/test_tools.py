"""The development tools run and say what they should."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from .conftest import ROOT


def test_diagnose_names_each_kind_of_disagreement(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "The plant will cut 550 jobs in March, the company said.\n\nGo deeper\n\nShares rose 4% on Monday.\n",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text(
        "The plant will cut 500 jobs in March, the company said.\n\nThe mayor called the decision a betrayal.\n",
        encoding="utf-8",
    )
    gold = {
        "pairs": [
            {"a": "The plant will cut", "b": "The plant will cut", "label": "shared", "must": True},
            {"a": "Shares rose", "b": "The mayor called", "label": "paraphrase", "must": True},
        ],
        "unique_a": [],
        "unique_b": [],
        "boilerplate_a": ["Shares rose"],
    }
    (tmp_path / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    command = [sys.executable, str(ROOT / "tools" / "diagnose.py"), str(tmp_path)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    heads = [line.split()[0] for line in done.stdout.splitlines() if not line.startswith((" ", "==="))]
    # the figures differ, so the pair is paraphrased; the unrelated pair is missed; "Shares rose" is a claim
    assert heads == ["LABEL", "MISSED", "BOILER"]  # in the order of the gold pairs, then boilerplate
    assert "3 disagreement(s)" in done.stdout
