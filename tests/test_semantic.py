"""The semantic similarity (the ``semantic`` extra): the model, the blend, the command line, and that a
lexical run never loads it. Tests that run the model skip where the extra is not installed; CI installs it
(see .ci/run)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import claimdiff
from claimdiff.cli import app
from claimdiff.similarity import INSTALL_HINT
from claimdiff.similarity.semantic import Blend

from .conftest import ROOT, SAMPLES

AXIOS, SECONDARY = SAMPLES / "axios.txt", SAMPLES / "secondary.txt"


def run_cli(
    args: list[str], env: dict[str, str] | None = None, code: str | None = None
) -> subprocess.CompletedProcess[str]:
    prog = code or "from claimdiff.cli import run; run()"
    return subprocess.run(
        [sys.executable, "-c", f"import sys; sys.argv = ['claimdiff', *sys.argv[1:]]; {prog}", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        timeout=300,
    )


def test_a_lexical_run_imports_nothing_heavy() -> None:
    code = (
        "import sys, claimdiff; "
        "a = open('samples/axios.txt').read(); b = open('samples/secondary.txt').read(); "
        "claimdiff.compare(a, b); "
        "print(sorted(m for m in ('numpy', 'onnxruntime', 'tokenizers') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "[]"


def test_without_the_extra_semantic_exits_2_naming_the_install_command() -> None:
    # onnxruntime made unimportable, as on a core install
    prog = "sys.modules['onnxruntime'] = None; from claimdiff.cli import run; run()"
    p = run_cli(["compare", str(AXIOS), str(SECONDARY), "--similarity", "semantic"], code=prog)
    assert p.returncode == 2
    assert p.stdout == ""
    lines = p.stderr.splitlines()
    assert len(lines) == 1 and INSTALL_HINT in lines[0], p.stderr


def test_a_model_file_that_is_not_the_pinned_one_is_refused(tmp_path: Path) -> None:
    pytest.importorskip("onnxruntime")
    fake = tmp_path / "model.onnx"
    fake.write_bytes(b"not a model")
    p = run_cli(
        ["compare", str(AXIOS), str(SECONDARY), "--similarity", "semantic"], env={"CLAIMDIFF_SEMANTIC_MODEL": str(fake)}
    )
    assert p.returncode == 2
    assert p.stderr.count("\n") == 1 and "size differs" in p.stderr and "Traceback" not in p.stderr
    from claimdiff.similarity.semantic import MODEL_SIZE

    fake.write_bytes(bytes(MODEL_SIZE))  # the right size, not the right file
    same_size = run_cli(
        ["compare", str(AXIOS), str(SECONDARY), "--similarity", "semantic"], env={"CLAIMDIFF_SEMANTIC_MODEL": str(fake)}
    )
    assert same_size.returncode == 2 and same_size.stderr.count("\n") == 1 and "sha256 differs" in same_size.stderr
    missing = run_cli(
        ["compare", str(AXIOS), str(SECONDARY), "--similarity", "semantic"],
        env={"CLAIMDIFF_SEMANTIC_MODEL": str(tmp_path / "absent.onnx")},
    )
    assert missing.returncode == 2 and "not found" in missing.stderr


def test_unknown_similarity_is_an_options_error() -> None:
    with pytest.raises(claimdiff.OptionsError, match="similarity"):
        claimdiff.Options(similarity="fuzzy")  # type: ignore[arg-type]
    result = CliRunner().invoke(app, ["compare", str(AXIOS), str(SECONDARY), "--similarity", "fuzzy"])
    assert result.exit_code == 2


@pytest.mark.parametrize(("lexical", "cosine"), [(100.0, 1.0), (60.0, 0.8), (20.0, 0.3), (0.0, 0.0)])
def test_blend_scale(lexical: float, cosine: float) -> None:
    blend = Blend()
    value = blend(lexical, cosine)
    assert 0.0 <= value <= 100.0
    if lexical == 100.0 and cosine == 1.0:
        assert value == 100.0
    # more of either kind of evidence never lowers the score
    assert blend(min(100.0, lexical + 10.0), cosine) >= value
    assert blend(lexical, min(1.0, cosine + 0.1)) >= value


def test_lexical_floor_is_the_least_lexical_score_that_can_reach_a_threshold() -> None:
    blend = Blend()
    for threshold in (30.0, 39.0, 52.0, 70.0):
        floor = blend.lexical_floor(threshold)
        assert blend(floor + 0.01, 1.0) >= threshold - 1e-3
        if floor > 0.5:
            assert blend(floor - 0.5, 1.0) < threshold


def test_embeddings_are_unit_vectors_and_see_meaning() -> None:
    pytest.importorskip("onnxruntime")
    from claimdiff.similarity.semantic import load_embedder

    e = load_embedder().embed(
        [
            "schools will stay closed until monday",
            "county schools remain shut through monday",
            "",
            "shares of the utility fell",
        ]
    )
    norms = (e * e).sum(axis=1)
    assert abs(norms[0] - 1.0) < 1e-4 and abs(norms[1] - 1.0) < 1e-4 and norms[2] == 0.0
    assert float(e[0] @ e[1]) > float(e[0] @ e[3]) + 0.3


def test_semantic_json_records_the_similarity_and_mirrors() -> None:
    pytest.importorskip("onnxruntime")
    runner = CliRunner()
    ab = runner.invoke(app, ["compare", str(AXIOS), str(SECONDARY), "--similarity", "semantic", "--format", "json"])
    ba = runner.invoke(app, ["compare", str(SECONDARY), str(AXIOS), "--similarity", "semantic", "--format", "json"])
    assert ab.exit_code == 0 and ba.exit_code == 0, ab.stderr
    d_ab, d_ba = json.loads(ab.stdout), json.loads(ba.stdout)
    assert d_ab["options"]["similarity"] == "semantic"

    def links(doc: dict[str, object], first: str, second: str) -> list[tuple[tuple[str, ...], tuple[str, ...], str]]:
        return sorted(
            (tuple(u[1:] for u in m["units"][first]), tuple(u[1:] for u in m["units"][second]), m["label"])
            for m in doc["matches"]  # type: ignore[attr-defined]
        )

    assert links(d_ab, "a", "b") == links(d_ba, "b", "a")


def test_nearest_neighbours_bring_pairs_that_share_no_informative_word() -> None:
    pytest.importorskip("onnxruntime")
    from claimdiff.similarity.semantic import SemanticScorer

    s = SemanticScorer()
    pa = [s.profile(t) for t in ("The plane landed safely.", "Ticket prices rose again.", "The pilot was praised.")]
    pb = [s.profile(t) for t in ("Airfares went up once more.", "The aircraft touched down without incident.")]
    pairs = s.nearest(pa, pb, 1, 0.3)
    assert (1, 0) in pairs and (0, 1) in pairs
    assert s.overlap(pa[1], pb[0]) == 0.0


def test_the_seed_pair_stays_perfect_with_semantic() -> None:
    pytest.importorskip("onnxruntime")
    from .test_compare import SEED, check_gold

    if not SEED.exists():
        pytest.skip("../shared/eval/seed not present")
    check_gold(SEED, "semantic")


def test_similarity_from_tool_claimdiff_and_the_check_table(tmp_path: Path) -> None:
    from claimdiff.policy import PolicyError, load_policy, project_similarity
    from claimdiff.similarity import Similarity

    (tmp_path / "pyproject.toml").write_text('[tool.claimdiff]\nsimilarity = "semantic"\n', encoding="utf-8")
    assert project_similarity(tmp_path) is Similarity.SEMANTIC
    assert load_policy(tmp_path / "pyproject.toml").similarity is Similarity.SEMANTIC
    (tmp_path / "pyproject.toml").write_text(
        '[tool.claimdiff]\nsimilarity = "semantic"\n[tool.claimdiff.check]\nsimilarity = "lexical"\n', encoding="utf-8"
    )
    assert load_policy(tmp_path / "pyproject.toml").similarity is Similarity.LEXICAL
    (tmp_path / "pyproject.toml").write_text('[tool.claimdiff]\nsimilarity = "neural"\n', encoding="utf-8")
    with pytest.raises(PolicyError, match="lexical, semantic"):
        project_similarity(tmp_path)
    p = subprocess.run(
        [sys.executable, "-m", "claimdiff", "compare", str(AXIOS), str(SECONDARY)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert p.returncode == 2 and p.stderr.count("\n") == 1 and "neural" in p.stderr


def test_compare_and_check_read_the_project_similarity(tmp_path: Path) -> None:
    pytest.importorskip("onnxruntime")
    (tmp_path / "pyproject.toml").write_text('[tool.claimdiff]\nsimilarity = "semantic"\n', encoding="utf-8")
    for args in (["compare", "--format", "json"], ["check", "--format", "json"]):
        p = subprocess.run(
            [sys.executable, "-m", "claimdiff", args[0], str(AXIOS), str(SECONDARY), *args[1:]],
            capture_output=True,
            text=True,
            cwd=tmp_path,
        )
        assert p.returncode in (0, 1), p.stderr
        doc = json.loads(p.stdout)
        used = doc["options"]["similarity"] if args[0] == "compare" else doc["policy"]["similarity"]
        assert used == "semantic"


def test_one_enormous_claim_is_cut_before_tokenizing_and_threads_are_capped() -> None:
    pytest.importorskip("onnxruntime")
    code = (
        "import os, resource; from claimdiff.similarity.semantic import load_embedder;"
        "peak = lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024;"
        "e = load_embedder(); e.embed(['a short claim about a few words'] * 40); before = peak();"
        "v = e.embed(['word ' * 400_000]);"
        "print(round(float((v * v).sum()), 3), os.environ['TOKENIZERS_PARALLELISM'],"
        " os.environ['OPENBLAS_NUM_THREADS'], peak() - before)"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("TOKENIZERS_PARALLELISM", "OPENBLAS_NUM_THREADS")}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    ).stdout.split()
    assert out[:3] == ["1.0", "false", "2"]
    # MB over a batch of short claims: a 2 MB claim is cut to a few thousand characters before tokenizing
    # (tokenized whole, it took about 500 MB more)
    assert int(out[3]) < 100
