"""Regenerate claimdiff/data/wordfreq_en.tsv from the wordfreq package (a development-only tool).

The table lists the most frequent English words by their Zipf frequency (log10 of occurrences per
billion words) times ten, as integers: one line per value, ``<value> TAB <words separated by
spaces>``. claimdiff turns it into informativeness weights for scoring. The data is derived from
wordfreq's data files (CC BY-SA 4.0, Robyn Speer and contributors); see claimdiff/data/README.md.

Usage: pip install wordfreq && python tools/make_wordfreq.py [N]
"""

import sys
from pathlib import Path

from wordfreq import top_n_list, zipf_frequency


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 40000
    out = Path(__file__).resolve().parents[1] / "claimdiff" / "data" / "wordfreq_en.tsv"
    seen: set[str] = set()
    groups: dict[int, list[str]] = {}
    for word in top_n_list("en", n):
        if word in seen or not any(c.isalpha() for c in word) or " " in word or "\t" in word:
            continue
        seen.add(word)
        groups.setdefault(round(zipf_frequency(word, "en") * 10), []).append(word)
    lines = [f"{value}\t{' '.join(words)}" for value, words in sorted(groups.items(), reverse=True)]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(seen)} words to {out}")


if __name__ == "__main__":
    main()
