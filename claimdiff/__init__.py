"""claimdiff: compare what two reports claim.

>>> import claimdiff
>>> result = claimdiff.compare("The bill passed 52-48. Critics objected.", "The bill passed 52-48 on Tuesday.")
>>> [m.label.value for m in result.matches]
['shared']

Public API: :func:`compare`, :func:`segment`, :func:`similarity`, the result types in
:mod:`claimdiff.model` and :class:`Options`; :func:`check` (a :class:`CheckReport` under a :class:`Policy`).
"""

from claimdiff._version import __version__
from claimdiff.check import CheckReport, check
from claimdiff.compare import Options, OptionsError, compare
from claimdiff.model import Comparison, Kind, Label, Match, Source, Status, Summary, Unit
from claimdiff.policy import Policy
from claimdiff.score import similarity
from claimdiff.segment import Segmenter, segment

__all__ = [
    "CheckReport",
    "Comparison",
    "Kind",
    "Label",
    "Match",
    "Options",
    "OptionsError",
    "Policy",
    "Segmenter",
    "Source",
    "Status",
    "Summary",
    "Unit",
    "__version__",
    "check",
    "compare",
    "segment",
    "similarity",
]
