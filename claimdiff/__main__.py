"""``python -m claimdiff``: the same as the ``claimdiff`` command."""

from claimdiff.cli import run

if __name__ == "__main__":
    run()
