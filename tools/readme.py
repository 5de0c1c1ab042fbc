"""Keep the README's transcripts true: re-run the commands in its generated blocks.

A generated block in README.md looks like::

    <!-- run: claimdiff compare samples/axios.txt samples/secondary.txt --width 100 | head -n 30 -->
    ```console
    $ claimdiff compare ...
    ...output...
    ```
    <!-- end -->

``python tools/readme.py`` rewrites every block with the command's current output;
``python tools/readme.py --check`` exits 1 when a block is stale (the test suite runs the check).
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
    programs = [shlex.split(stage)[0] for stage in cmd.split("|")]
    return all(p == "claimdiff" or shutil.which(p) for p in programs)


def render(text: str) -> str:
    def one(m: re.Match[str]) -> str:
        if not runnable(m.group("cmd")):
            return m.group(0)  # leave the block as it is
        return m.group(1) + run(m.group("cmd")) + m.group(4)

    return BLOCK.sub(one, text)


def main() -> int:
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    new = render(text)
    if "--check" in sys.argv:
        if new != text:
            sys.stderr.write("README.md transcripts are stale: run python tools/readme.py\n")
            return 1
        return 0
    readme.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
