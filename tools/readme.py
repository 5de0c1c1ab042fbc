"""Keep the transcripts of README.md and docs/*.md true: re-run the commands in their generated blocks.

A generated block in README.md looks like::

    <!-- run: claimdiff compare samples/axios.txt samples/secondary.txt --width 100 | head -n 30 -->
    ```console
    $ claimdiff compare ...
    ...output...
    ```
    <!-- end -->

``python tools/readme.py`` rewrites every block with the command's current output;
``python tools/readme.py --check`` exits 1 when a block is stale or a line ends in spaces (the test suite
runs the check).
The commands run through ``sh`` from the repository root with ``claimdiff`` on PATH, ``NO_COLOR=1``.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BLOCK = re.compile(r"(<!-- run: (?P<cmd>.+?) -->\n)(?P<body>.*?)(<!-- end -->)", re.S)


def run(cmd: str) -> str:
    env = dict(os.environ, NO_COLOR="1", COLUMNS="100", TERM="dumb")
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    proc = subprocess.run(cmd, shell=True, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    lines = [line.rstrip() for line in proc.stdout.splitlines()]
    return f"```console\n$ {cmd}\n" + "\n".join(lines) + "\n```\n"


def runnable(cmd: str) -> bool:
    """Whether every program of the pipeline is installed (jq may not be, on a new machine)."""
    lexer = shlex.shlex(cmd, posix=True, punctuation_chars=True)
    lexer.whitespace_split = True
    words = list(lexer)
    # the first word of the command and of each stage after a `|` outside quotes
    programs = [w for k, w in enumerate(words) if k == 0 or words[k - 1] == "|"]
    return all(p == "claimdiff" or shutil.which(p) for p in programs)


def render(text: str) -> str:
    def one(m: re.Match[str]) -> str:
        if not runnable(m.group("cmd")):
            return m.group(0)  # leave the block as it is
        return m.group(1) + run(m.group("cmd")) + m.group(4)

    return BLOCK.sub(one, text)


DOCUMENTS = ("README.md", *sorted(str(p.relative_to(ROOT)) for p in (ROOT / "docs").glob("*.md")))


def main() -> int:
    stale = []
    for name in DOCUMENTS:
        path = ROOT / name
        text = path.read_text(encoding="utf-8")
        new = render(text)
        trailing = [k for k, line in enumerate(new.splitlines(), 1) if line != line.rstrip()]
        if "--check" in sys.argv:
            if new != text:
                stale.append(f"{name}: transcripts are stale: run python tools/readme.py")
            stale += [f"{name}:{k}: trailing spaces" for k in trailing]
        elif new != text:
            path.write_text(new, encoding="utf-8")
    for line in stale:
        sys.stderr.write(line + "\n")
    return 1 if stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
