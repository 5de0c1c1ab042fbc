"""A headless Chromium driven over the DevTools protocol on a pipe (``--remote-debugging-pipe``): no extra
package, no network. :func:`open_page` loads a file and returns what the page did: console messages, errors,
the value of an expression evaluated in it, and a screenshot.

Used by ``tests/test_browser.py`` and by ``python tests/browser.py REPORT.html OUT.png`` (the README's
screenshot)."""

from __future__ import annotations

import base64
import fcntl
import json
import os
import queue
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--hide-scrollbars",
    "--remote-debugging-pipe",
]


def find_chromium() -> str | None:
    found = os.environ.get("CLAIMDIFF_CHROMIUM")
    return found or next((p for p in map(shutil.which, CANDIDATES) if p), None)


@dataclass
class PageRun:
    console: list[dict[str, Any]] = field(default_factory=list)
    """Console API calls and log entries (each the event's params)."""
    exceptions: list[dict[str, Any]] = field(default_factory=list)
    value: Any = None
    screenshot: bytes = b""


class _Pipe:
    def __init__(self, binary: str, profile: str) -> None:
        to_r, to_w = os.pipe()
        from_r, from_w = os.pipe()
        # the browser reads commands on fd 3 and writes replies on fd 4
        hi_in, hi_out = fcntl.fcntl(to_r, fcntl.F_DUPFD, 100), fcntl.fcntl(from_w, fcntl.F_DUPFD, 100)

        def child() -> None:
            os.dup2(hi_in, 3)
            os.dup2(hi_out, 4)

        self.proc = subprocess.Popen(
            [binary, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            pass_fds=(3, 4),
            preexec_fn=child,
        )
        for fd in (to_r, from_w, hi_in, hi_out):
            os.close(fd)
        self.out = os.fdopen(to_w, "wb")
        self.inbox: queue.Queue[dict[str, Any]] = queue.Queue()
        self.next_id = 0
        self.reader = threading.Thread(target=self._read, args=(from_r,), daemon=True)
        self.reader.start()

    def _read(self, fd: int) -> None:
        buf = b""
        with os.fdopen(fd, "rb") as stream:
            while chunk := stream.read1(65536):
                buf += chunk
                while b"\0" in buf:
                    msg, buf = buf.split(b"\0", 1)
                    self.inbox.put(json.loads(msg))

    def send(self, method: str, params: dict[str, Any] | None = None, session: str | None = None) -> int:
        self.next_id += 1
        msg: dict[str, Any] = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        self.out.write(json.dumps(msg).encode() + b"\0")
        self.out.flush()
        return self.next_id

    def wait(self, pred: Any, events: list[dict[str, Any]], timeout: float = 30.0) -> dict[str, Any]:
        end = time.monotonic() + timeout
        while True:
            msg = self.inbox.get(timeout=max(0.01, end - time.monotonic()))
            if pred(msg):
                return msg
            events.append(msg)

    def call(self, method: str, events: list[dict[str, Any]], session: str | None = None, **params: Any) -> Any:
        n = self.send(method, params, session)
        reply = self.wait(lambda m: m.get("id") == n, events)
        if "error" in reply:
            raise RuntimeError(f"{method}: {reply['error']}")
        return reply.get("result", {})

    def close(self) -> None:
        try:
            self.send("Browser.close")
            self.proc.wait(timeout=10)
        except Exception:
            self.proc.kill()
            self.proc.wait()
        finally:
            self.out.close()
            self.reader.join(timeout=10)


def open_page(binary: str, path: Path, expression: str, width: int = 1200, height: int = 1400) -> PageRun:
    """Load ``path`` in a fresh headless browser; evaluate ``expression`` once loaded; take a screenshot."""
    run = PageRun()
    events: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as profile:
        pipe = _Pipe(binary, profile)
        try:
            target = pipe.call("Target.createTarget", events, url="about:blank")["targetId"]
            session = pipe.call("Target.attachToTarget", events, targetId=target, flatten=True)["sessionId"]
            for domain in ("Runtime", "Log", "Page"):
                pipe.call(f"{domain}.enable", events, session)
            pipe.call(
                "Emulation.setDeviceMetricsOverride",
                events,
                session,
                width=width,
                height=height,
                deviceScaleFactor=1,
                mobile=False,
            )
            pipe.call("Page.navigate", events, session, url=path.resolve().as_uri())
            pipe.wait(lambda m: m.get("method") == "Page.loadEventFired", events)
            time.sleep(0.3)  # let anything scheduled by the page (nothing should be) run and log
            result = pipe.call("Runtime.evaluate", events, session, expression=expression, returnByValue=True)
            run.value = result.get("result", {}).get("value")
            shot = pipe.call("Page.captureScreenshot", events, session, format="png")
            run.screenshot = base64.b64decode(shot["data"])
            while not pipe.inbox.empty():
                events.append(pipe.inbox.get())
        finally:
            pipe.close()
    for e in events:
        method = e.get("method")
        if method in ("Runtime.consoleAPICalled", "Log.entryAdded"):
            run.console.append(e["params"])
        elif method == "Runtime.exceptionThrown":
            run.exceptions.append(e["params"])
    return run


if __name__ == "__main__":
    binary = find_chromium()
    if binary is None:
        sys.exit("no chromium found (set CLAIMDIFF_CHROMIUM)")
    page = open_page(binary, Path(sys.argv[1]), "document.title", height=int(sys.argv[3]) if len(sys.argv) > 3 else 900)
    Path(sys.argv[2]).write_bytes(page.screenshot)
    print(f"{sys.argv[2]}: {len(page.screenshot)} bytes; console: {page.console}; exceptions: {page.exceptions}")
