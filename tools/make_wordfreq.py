"""Regenerate claimdiff/data/wordfreq_en.txt from the wordfreq package (a development-only tool).

The table lists the most frequent English words with their Zipf frequency (log10 of occurrences per
billion words) in two lines: the words in code-point order separated by spaces, then one character
per word, ``chr(33 + round(zipf * 10))``. claimdiff turns it into informativeness weights for
scoring. The data is derived from wordfreq's data files (CC BY-SA 4.0, Robyn Speer and
contributors); see claimdiff/data/README.md.

Usage: pip install wordfreq && python tools/make_wordfreq.py [N]
"""

import sys
from pathlib import Path

from wordfreq import top_n_list, zipf_frequency


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 40000
    out = Path(__file__).resolve().parents[1] / "claimdiff" / "data" / "wordfreq_en.txt"
    values: dict[str, int] = {}
    for word in top_n_list("en", n):
        if word in values or not any(c.isalpha() for c in word) or any(c.isspace() for c in word):
            continue
        values[word] = round(zipf_frequency(word, "en") * 10)
    words = sorted(values)
    codes = "".join(chr(33 + values[w]) for w in words)
    out.write_text(" ".join(words) + "\n" + codes + "\n", encoding="utf-8")
    print(f"wrote {len(words)} words to {out}")


if __name__ == "__main__":
    main()
