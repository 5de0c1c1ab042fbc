"""Regular expressions compiled on first use.

Compiling a pattern is paid in every process that imports its module, and a comparison needs only some of
them (quotations in single marks only for ``check``, hedges only around figures, ...). :func:`lazy` wraps a
pattern that many runs never need: the first call compiles it, later calls return the same object.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

__all__ = ["lazy"]


def lazy(pattern: str, flags: int = 0) -> Callable[[], re.Pattern[str]]:
    """A function that returns ``re.compile(pattern, flags)``, compiled on its first call.

    >>> word = lazy(r"\\w+")
    >>> word().findall("two words"), word() is word()
    (['two', 'words'], True)
    """

    @cache
    def compiled() -> re.Pattern[str]:
        return re.compile(pattern, flags)

    return compiled
