"""Claim similarity: how far two claims state the same thing, on a 0-100 scale.

Two kinds, chosen with ``--similarity`` (library: ``compare(..., similarity=...)``):

* ``lexical`` (:mod:`claimdiff.similarity.lexical`, the default): informativeness-weighted word
  overlap blended with rapidfuzz; needs nothing beyond the core dependencies.
* ``semantic`` (:mod:`claimdiff.similarity.semantic`, the ``semantic`` extra): the lexical score
  blended with the cosine of sentence embeddings (all-MiniLM-L6-v2, int8, on onnxruntime), and
  candidates drawn from embedding nearest neighbours too, so that the same fact told in other words
  is found.

This module imports neither: a lexical run never loads numpy or onnxruntime.

The package is also the function ``claimdiff.similarity(x, y)`` (the lexical claim score): calling it calls
:func:`claimdiff.similarity.lexical.similarity`, loaded on first call, so that both ``claimdiff.similarity("a",
"b")`` and ``import claimdiff.similarity.lexical`` work.
"""

from __future__ import annotations

import sys
import types
from enum import StrEnum

__all__ = ["INSTALL_HINT", "SemanticUnavailable", "Similarity"]

INSTALL_HINT = "pip install '.[semantic]'"
"""How to add the semantic extra (from a clone of claimdiff)."""


class Similarity(StrEnum):
    """Which similarity a comparison uses."""

    LEXICAL = "lexical"
    SEMANTIC = "semantic"


class SemanticUnavailable(RuntimeError):
    """The semantic similarity cannot run here: the extra is not installed, or its model file is
    missing or not the pinned one. The message is one line and says what to do."""


class _CallablePackage(types.ModuleType):
    """This package, callable as :func:`claimdiff.similarity.lexical.similarity`."""

    def __call__(self, x: str, y: str) -> float:
        from claimdiff.similarity.lexical import similarity

        return similarity(x, y)


sys.modules[__name__].__class__ = _CallablePackage
