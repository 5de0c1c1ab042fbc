"""The HTML report in a real browser (issue 12): headless Chromium loads it, no script runs (injected
``<script>`` and ``onerror`` payloads stay text), nothing is logged to the console, and a screenshot is taken.

Chromium comes from the distribution (``apt-get install chromium``, as ``.ci/run`` does); ``CLAIMDIFF_CHROMIUM``
names another binary. Without one the tests skip, which CI counts as a failure."""

from __future__ import annotations

from pathlib import Path

import pytest

import claimdiff
from claimdiff.matrix import matrix
from claimdiff.render.html import render_html, render_matrix_html

from .browser import PageRun, find_chromium, open_page
from .conftest import SAMPLES
from .test_reports import hostile_texts

PROBE = """JSON.stringify({
  pwned: typeof window.__pwned,
  scripts: document.scripts.length,
  images: document.images.length,
  links: document.links.length,
  rows: document.querySelectorAll('tbody tr').length,
  text: document.body.innerText,
})"""


@pytest.fixture(scope="module")
def chromium() -> str:
    found = find_chromium()
    if found is None:
        pytest.skip("no chromium (apt-get install chromium, or set CLAIMDIFF_CHROMIUM)")
    return found


def load(chromium: str, tmp_path: Path, doc: str) -> tuple[PageRun, dict[str, object]]:
    import json

    page = tmp_path / "report.html"
    page.write_text(doc, encoding="utf-8")
    run = open_page(chromium, page, PROBE)
    assert isinstance(run.value, str)
    probe: dict[str, object] = json.loads(run.value)
    return run, probe


def test_the_harness_sees_a_script_the_policy_blocks(chromium: str, tmp_path: Path) -> None:
    """Guard for the tests below: a script in a page under the report's policy is refused, and logged."""
    doc = render_html(claimdiff.compare("Prices rose.", "Prices rose."))
    doc = doc.replace("<body>", "<body><script>window.__pwned = 1</script>")
    run, probe = load(chromium, tmp_path, doc)
    assert probe["pwned"] == "undefined" and probe["scripts"] == 1
    assert any("Content Security Policy" in str(e) for e in run.console), run.console


def test_the_samples_report_loads_with_no_script_and_no_console_message(chromium: str, tmp_path: Path) -> None:
    a, b = (SAMPLES / "axios.txt").read_text(encoding="utf-8"), (SAMPLES / "secondary.txt").read_text(encoding="utf-8")
    c = claimdiff.compare(a, b, names=("samples/axios.txt", "samples/secondary.txt"))
    run, probe = load(chromium, tmp_path, render_html(c))
    assert run.console == [] and run.exceptions == []
    assert probe["scripts"] == probe["images"] == probe["links"] == 0
    assert isinstance(probe["rows"], int) and probe["rows"] > 20
    assert run.screenshot.startswith(b"\x89PNG") and len(run.screenshot) > 10_000


@pytest.mark.parametrize("kind", ["compare", "matrix"])
def test_hostile_input_stays_text_in_the_browser(chromium: str, tmp_path: Path, kind: str) -> None:
    a, b = hostile_texts()
    names = ("<script>window.__pwned = 3</script>", '"><img src=x onerror="window.__pwned = 4">')
    if kind == "compare":
        doc = render_html(claimdiff.compare(a, b, names=names))
    else:
        doc = render_matrix_html(matrix([a, b, "Prices rose."], names=[*names, "<svg onload=alert(1)>"]))
    run, probe = load(chromium, tmp_path, doc)
    assert probe["pwned"] == "undefined"
    assert probe["scripts"] == probe["images"] == probe["links"] == 0
    assert run.console == [] and run.exceptions == []
    text = str(probe["text"])
    assert "<script>window.__pwned = 1</script>" in text
    assert '<img src=x onerror="window.__pwned = 2">' in text
    assert run.screenshot.startswith(b"\x89PNG")
