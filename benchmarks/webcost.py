"""What reading a web page costs (``python benchmarks/speed.py --web``; the ``web`` extra).

A page of typical size is generated from a seed: an article of about 30 paragraphs (``synth.py`` sentences)
inside the furniture real news pages carry, about 100 KB of HTML in all (a stylesheet and scripts in the head,
JSON-LD, navigation of 150 links, a consent banner, a newsletter box and a related-stories list inside the
article, 20 reader comments, a footer of 80 links). In one process, with everything imported beforehand:

* the baseline: :func:`claimdiff.inputs.read_input` of the article's text saved as a text file;
* the saved page: ``read_input`` of the page saved as ``.html`` (decoding, extraction, assembling the text);
* the page over HTTP: ``read_input`` of its URL on a local :mod:`http.server` (fetching added);

each the median of ``runs`` calls after one warm-up call, and the seconds each page adds to a run. The import
of the extractor, paid once per run whatever the number of pages, is measured in a fresh interpreter
(median of five). The issue's target: at most 0.1 s added per page.
"""

from __future__ import annotations

import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
TARGET_BYTES = 100_000


def page(seed: int = 0) -> tuple[str, list[str]]:
    """A news-like page of about :data:`TARGET_BYTES` bytes and its article's paragraphs."""
    sys.path.insert(0, str(HERE))
    from synth import pair

    rng = random.Random(seed)
    paragraphs = [p.replace("\n", " ") for p in pair(120, seed=seed).a.split("\n\n") if p.strip()][:30]
    words = " ".join(paragraphs).split()

    def phrase(n: int) -> str:
        start = rng.randrange(0, max(1, len(words) - n))
        return " ".join(words[start : start + n])

    nav = "".join(f'<li><a href="/section/{k}">{phrase(2)}</a></li>' for k in range(150))
    related = "".join(f'<li><a href="/story/{k}">{phrase(8)}</a></li>' for k in range(30))
    comments = "".join(
        f'<div class="comment"><p class="author">reader{k}</p><p>{phrase(25)}</p></div>' for k in range(20)
    )
    footer = "".join(f'<li><a href="/about/{k}">{phrase(2)}</a></li>' for k in range(80))
    body = "".join(f"<p>{p}</p>" for p in paragraphs[:12])
    body += '<aside class="newsletter-signup"><h3>Get the briefing</h3><p>Sign up to our free newsletter.</p></aside>'
    body += "".join(f"<p>{p}</p>" for p in paragraphs[12:20])
    body += f'<div class="related-stories"><h3>People are also reading</h3><ul>{related}</ul></div>'
    body += "".join(f"<p>{p}</p>" for p in paragraphs[20:])
    head = (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>A generated story | Example News</title>"
        "<meta property='og:site_name' content='Example News'><meta name='author' content='A. Writer'>"
        "<meta property='article:published_time' content='2024-05-01T08:00:00Z'>"
    )
    shell_start = (
        "</head><body><div class='cookie-consent'><p>We use cookies to improve your experience.</p>"
        f"<button>Accept all</button></div><header><nav class='main-nav'><ul>{nav}</ul></nav></header>"
        f"<main><article><h1>A generated story</h1><div class='story-body'>{body}</div></article>"
        f"<section id='comments' class='comments'>{comments}</section></main>"
        f"<footer class='site-footer'><ul>{footer}</ul></footer>"
    )
    filler: list[str] = []
    size = len(head) + len(shell_start) + 20
    k = 0
    while size < TARGET_BYTES:  # stylesheet rules and script, as real pages carry
        rule = f".c{k} {{ margin: {k % 17}px; color: #{k * 2654435761 % 0xFFFFFF:06x}; }}\n"
        script = f"window.cfg{k} = {{id: {k}, slot: 'ad-{k}', sizes: [[300, 250], [728, 90]]}};\n"
        filler.append(rule + script)
        size += len(rule) + len(script)
        k += 1
    styles = "".join(f.split("\n")[0] + "\n" for f in filler)
    scripts = "".join(f.split("\n")[1] + "\n" for f in filler)
    html = f"{head}<style>{styles}</style><script>{scripts}</script>{shell_start}</body></html>"
    return html, paragraphs


def _median(fn: Callable[[], Any], runs: int) -> float:
    fn()  # warm-up: caches, the extractor's first use
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def import_cost(runs: int = 5) -> float:
    """Median seconds ``import trafilatura`` adds to a fresh interpreter (against one that imports nothing)."""

    def run(code: str) -> float:
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        return time.perf_counter() - t0

    with_it = statistics.median(run("import trafilatura") for _ in range(runs))
    without = statistics.median(run("pass") for _ in range(runs))
    return with_it - without


def web_costs(runs: int = 20, seed: int = 0) -> dict[str, float]:
    """Per-page seconds: the text baseline, the saved page, the page over local HTTP; and the import cost."""
    from claimdiff.inputs import read_input

    html, paragraphs = page(seed)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "page.html").write_text(html, encoding="utf-8")
        extracted = read_input(str(root / "page.html")).text
        (root / "page.txt").write_text(extracted, encoding="utf-8")
        kept = sum(1 for p in paragraphs if p[:60] in extracted) / len(paragraphs)

        class Quiet(SimpleHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                pass

        server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=tmp))
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            url = f"http://127.0.0.1:{server.server_address[1]}/page.html"
            text = _median(lambda: read_input(str(root / "page.txt")), runs)
            saved = _median(lambda: read_input(str(root / "page.html")), runs)
            fetched = _median(lambda: read_input(url), runs)
        finally:
            server.shutdown()
            server.server_close()
    return {
        "html_bytes": float(len(html.encode("utf-8"))),
        "text_chars": float(len(extracted)),
        "paragraphs_kept": kept,
        "text": text,
        "saved": saved,
        "fetched": fetched,
        "import": import_cost(),
    }


def report(c: dict[str, float]) -> str:
    added = c["saved"] - c["text"]
    return "\n".join(
        [
            f"web: a generated page of {c['html_bytes'] / 1000:.0f} KB of HTML, {c['text_chars'] / 1000:.1f} KB of"
            f" article text extracted ({c['paragraphs_kept']:.0%} of its paragraphs kept); median per page:",
            f"  read as a text file (baseline)  {c['text'] * 1000:8.2f} ms   1.0x",
            f"  read as a saved .html page      {c['saved'] * 1000:8.2f} ms   {c['saved'] / c['text']:,.0f}x",
            f"  fetched over local HTTP          {c['fetched'] * 1000:8.2f} ms   {c['fetched'] / c['text']:,.0f}x",
            f"  added per page: {added:+.3f} s (target: at most 0.1 s); once per run, importing the extractor:"
            f" {c['import']:+.3f} s",
        ]
    )
