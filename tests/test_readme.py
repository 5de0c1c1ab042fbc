"""The README stays true: its transcripts are what the commands print today."""

from __future__ import annotations

import subprocess
import sys

from .conftest import ROOT


def test_readme_transcripts_are_current() -> None:
    proc = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "readme.py"), "--check"], capture_output=True, text=True, timeout=600
    )
    assert proc.returncode == 0, proc.stderr


def test_readme_names_every_compare_option() -> None:
    import typer.main

    from claimdiff.cli import app

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = typer.main.get_command(app).commands["compare"]  # type: ignore[attr-defined]
    for param in command.params:
        if param.param_type_name == "option":
            assert any(opt in readme for opt in param.opts), param.opts
