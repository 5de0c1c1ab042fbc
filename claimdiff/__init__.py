"""claimdiff: compare what two reports claim.

>>> import claimdiff
>>> result = claimdiff.compare("The bill passed 52-48. Critics objected.", "The bill passed 52-48 on Tuesday.")
>>> [m.label.value for m in result.matches]
['shared']

Public API: :func:`compare`, :func:`segment`, :func:`similarity`, the result types in
:mod:`claimdiff.model` and :class:`Options`; :func:`check` (a :class:`CheckReport` under a :class:`Policy`);
:func:`matrix` (a :class:`Matrix`: the claims of two or more sources, row by row).

The names are loaded on first use (module ``__getattr__``), so that ``import claimdiff`` and the command
line's start-up do not pay for modules a run does not need.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

from claimdiff._version import __version__

if TYPE_CHECKING:
    from claimdiff.check import CheckReport, check
    from claimdiff.compare import Options, OptionsError, compare
    from claimdiff.matrix import Matrix, matrix
    from claimdiff.model import Comparison, Kind, Label, Match, Meta, Source, SourceKind, Status, Summary, Unit
    from claimdiff.policy import Policy
    from claimdiff.segment import Segmenter, segment
    from claimdiff.similarity.lexical import similarity

_WHERE = {
    "CheckReport": "claimdiff.check",
    "check": "claimdiff.check",
    "Options": "claimdiff.compare",
    "OptionsError": "claimdiff.compare",
    "compare": "claimdiff.compare",
    "Matrix": "claimdiff.matrix",
    "matrix": "claimdiff.matrix",
    "Comparison": "claimdiff.model",
    "Kind": "claimdiff.model",
    "Label": "claimdiff.model",
    "Match": "claimdiff.model",
    "Meta": "claimdiff.model",
    "Source": "claimdiff.model",
    "SourceKind": "claimdiff.model",
    "Status": "claimdiff.model",
    "Summary": "claimdiff.model",
    "Unit": "claimdiff.model",
    "Policy": "claimdiff.policy",
    "similarity": "claimdiff.similarity",  # the subpackage, callable as the lexical claim score
    "Segmenter": "claimdiff.segment",
    "segment": "claimdiff.segment",
}

__all__ = [
    "CheckReport",
    "Comparison",
    "Kind",
    "Label",
    "Match",
    "Matrix",
    "Meta",
    "Options",
    "OptionsError",
    "Policy",
    "Segmenter",
    "Source",
    "SourceKind",
    "Status",
    "Summary",
    "Unit",
    "__version__",
    "check",
    "compare",
    "matrix",
    "segment",
    "similarity",
]


class _Package(types.ModuleType):
    """The package module: importing the submodule ``claimdiff.compare`` (or ``check``, ``segment``)
    binds the package attribute to the function of that name, as the eager imports used to."""

    def __setattr__(self, name: str, value: Any) -> None:
        if isinstance(value, types.ModuleType) and _WHERE.get(name) == value.__name__:
            value = getattr(value, name, value)
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


def __getattr__(name: str) -> Any:
    where = _WHERE.get(name)
    if where is None:
        raise AttributeError(f"module 'claimdiff' has no attribute {name!r}")
    module = importlib.import_module(where)
    # the function of that name in its module; a module without one stands for itself (the subpackage
    # claimdiff.similarity, which is callable)
    value = getattr(module, name, module)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
