"""Corpus mode (issue 13): grouping real reports, the JSON contract, identity on a Dask cluster (also when a
worker dies mid-run), the CLI."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
from importlib import resources
from itertools import combinations
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from typer.testing import CliRunner

import claimdiff.corpus as cc
from claimdiff.cli import app
from claimdiff.corpus import grouping, plan
from claimdiff.render.json import dumps

from .conftest import ROOT


def real_cases() -> list[Path]:
    """Every case directory of real or realistic reports with an a.txt and a b.txt."""
    dirs = sorted(p for p in (ROOT / "tests" / "eval").iterdir() if (p / "a.txt").exists())
    return dirs + sorted((ROOT / "tests" / "heldout").glob("outlets_*"))


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A mixed folder: both reports of every case; a case's two reports are one event, except in the
    ``unrelated_*`` cases, whose two reports are different stories on the same topic."""
    folder = tmp_path_factory.mktemp("mixed")
    truth: dict[str, str] = {}
    for case in real_cases():
        for side in ("a", "b"):
            target = folder / f"{case.name}__{side}.txt"
            shutil.copy(case / f"{side}.txt", target)
            truth[str(target)] = f"{case.name}/{side}" if case.name.startswith("unrelated") else case.name
    return folder, truth


def pairwise(result: cc.Corpus, truth: dict[str, str]) -> tuple[float, float]:
    story = {a: s.id for s in result.stories for a in s.articles}
    names = {a.id: a.name for a in result.articles}
    tp = fp = fn = 0
    for x, y in combinations(sorted(names), 2):
        same, together = truth[names[x]] == truth[names[y]], story[x] == story[y]
        tp += same and together
        fp += together and not same
        fn += same and not together
    return tp / (tp + fp), tp / (tp + fn)


def test_real_reports_group_into_their_events(mixed: tuple[Path, dict[str, str]]) -> None:
    folder, truth = mixed
    result = cc.corpus([folder])
    precision, recall = pairwise(result, truth)
    events = len(set(truth.values()))
    assert len(result.articles) == len(truth) and events >= 17
    assert precision == 1.0, "two different stories were merged"
    assert recall >= 0.95


def test_every_article_in_exactly_one_story_and_json_validates(mixed: tuple[Path, dict[str, str]]) -> None:
    folder, _ = mixed
    doc = json.loads(dumps(cc.corpus([folder]).to_dict()))
    schema = json.loads(resources.files("claimdiff").joinpath("schemas/corpus-1.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(doc)
    placed = [a for s in doc["stories"] for a in s["articles"]]
    assert sorted(placed) == sorted(a["id"] for a in doc["articles"]) and len(placed) == len(set(placed))
    sizes = [len(s["articles"]) for s in doc["stories"]]
    assert sizes == sorted(sizes, reverse=True)
    for s in doc["stories"]:
        assert (len(s["articles"]) > 1) == bool(s["claims"])
        for c in s["claims"]:
            assert set(c["articles"]) <= set(s["articles"]) and c["articles_count"] == len(c["units"])


def test_same_result_on_a_cluster_and_with_processes(
    mixed: tuple[Path, dict[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    import importlib

    distributed: Any = importlib.import_module("distributed")  # partly typed: used through Any
    Client, LocalCluster = distributed.Client, distributed.LocalCluster
    folder, _ = mixed
    files = sorted(str(p) for p in folder.iterdir())[:16]
    local = cc.corpus(files).to_dict()
    with (
        LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=":0") as cluster,
        Client(cluster) as client,
    ):
        assert cc.corpus(files, scheduler=client).to_dict() == local
    monkeypatch.setattr(plan, "PROCESSES_FROM", 1)
    assert cc.corpus(list(reversed(files)), workers=2).to_dict() == local  # order of the inputs does not matter


def worker_killer(kill_after: dict[str, int]) -> Any:
    """A scheduler plugin (it runs on the scheduler's event loop, in this process) that kills one worker
    process with SIGKILL when the ``n``-th task of a prefix (``read_batch``, ``compare_batch``) finishes:
    the rest of that phase's tasks are then still to run, so the kill cannot come after the run. The victim
    is a worker the scheduler has tasks processing on (another worker than the one that just finished, when
    there is one). Every transition is logged, to show afterwards that the victim's tasks ran again."""
    import importlib
    import signal

    base: Any = importlib.import_module("distributed.diagnostics.plugin").SchedulerPlugin

    class WorkerKiller(base):  # type: ignore[misc]  # distributed is used through Any
        name = "claimdiff-test-worker-killer"

        def __init__(self, scheduler: Any) -> None:
            self.scheduler = scheduler
            self.done: dict[str, int] = {}
            self.kills: list[tuple[str, str, int, frozenset[str]]] = []  # prefix, address, pid, processing
            self.log: list[tuple[str, str, str]] = []
            self.problems: list[str] = []

        def transition(self, key: Any, start: str, finish: str, *args: Any, **kwargs: Any) -> None:
            self.log.append((str(key), start, finish))
            if (start, finish) != ("processing", "memory"):
                return
            prefix = str(key).split("-", 1)[0]  # read_batch-<uuid>
            self.done[prefix] = self.done.get(prefix, 0) + 1
            if self.done[prefix] != kill_after.get(prefix):
                return
            busy = [ws for ws in self.scheduler.workers.values() if ws.processing]
            busy.sort(key=lambda ws: ws.address == kwargs.get("worker"))
            if not busy:
                self.problems.append(f"no worker was processing a task after {prefix} task {self.done[prefix]}")
                return
            ws = busy[0]
            self.kills.append((prefix, ws.address, ws.pid, frozenset(str(t.key) for t in ws.processing)))
            os.kill(ws.pid, signal.SIGKILL)

    return WorkerKiller


def test_a_worker_killed_mid_run_loses_nothing(tmp_path: Path) -> None:
    # issue 13: a worker that dies mid-run does not lose the result. Two worker processes under nannies;
    # one is killed (SIGKILL) in the middle of the read phase, one in the middle of the compare phase.
    import importlib

    distributed: Any = importlib.import_module("distributed")  # partly typed: used through Any
    Client, LocalCluster = distributed.Client, distributed.LocalCluster
    synthetic_benchmark().write_corpus(tmp_path, 480, seed=13)
    local = cc.corpus([tmp_path]).to_dict()
    read_tasks = -(-480 // plan.READ_BATCH)
    compare_tasks = -(-sum(len(s["articles"]) > 1 for s in local["stories"]) // plan.STORY_BATCH)
    kill_after = {"read_batch": read_tasks // 3, "compare_batch": compare_tasks // 3}
    assert min(kill_after.values()) >= 2 and compare_tasks - kill_after["compare_batch"] >= 4, (
        read_tasks,
        compare_tasks,
    )
    with (
        LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster,
        Client(cluster) as client,
    ):
        killer = worker_killer(kill_after)(cluster.scheduler)

        async def install() -> None:
            cluster.scheduler.add_plugin(killer)

        cluster.sync(install)
        result = cc.corpus([tmp_path], scheduler=client).to_dict()
        client.wait_for_workers(2, timeout=30)  # the nannies started new worker processes
        removed = {
            e["worker"]: e
            for _, e in client.get_events("all")
            if isinstance(e, dict) and e.get("action") == "remove-worker"
        }
    assert not killer.problems, killer.problems
    assert [k[0] for k in killer.kills] == ["read_batch", "compare_batch"], "a kill did not happen mid-run"
    for prefix, address, _, _ in killer.kills:
        # the scheduler saw the worker die (not leave) with tasks of the phase still running on it
        assert address in removed, f"the scheduler did not see {address} go"
        event = removed[address]
        rerun = set(map(str, event["processing-tasks"]))
        assert not event["expected"] and any(k.startswith(prefix) for k in rerun), (prefix, event)
        for key in rerun:  # each task it was running was released, then ran again to the end
            released = killer.log.index((key, "processing", "released"))
            assert (key, "processing", "memory") in killer.log[released:], key
    assert result == local


def test_no_chaining_through_one_neighbour() -> None:
    # b is close to both a and c, which share nothing: b joins one of them, the other stays apart
    a = {"alpha": 3, "beta": 3, "gamma": 3, "delta": 3}
    b = {"alpha": 3, "beta": 3, "gamma": 3, "delta": 3, "kappa": 3, "lambda": 3, "omicron": 3, "sigma": 3}
    c = {"kappa": 3, "lambda": 3, "omicron": 3, "sigma": 3}
    vectors = [a, b, c]
    stories, _, links = grouping.group(vectors, [grouping.signature(v) for v in vectors])
    assert links == 2
    assert len(stories) == 2 and [1] not in stories


def test_one_shared_name_is_not_a_link() -> None:
    # two stories in one town: the place name (rare, repeated) is most of the cosine, but nothing else is shared
    fire = {"corteston": 4, "blaze": 2, "firefighters": 1, "bricorka": 2, "sulquil": 2, "#7038": 1, "industries": 1}
    layoffs = {"corteston": 4, "layoffs": 2, "employees": 1, "sulraka": 2, "ostrek": 2, "#5078": 1, "industries": 1}
    same = {"corteston": 3, "blaze": 1, "bricorka": 1, "sulquil": 1, "#7038": 1}
    vectors = [fire, layoffs, same] + [{f"filler{k}": 1, "industries": 1} for k in range(20)]
    stories, _, _ = grouping.group(vectors, [grouping.signature(v) for v in vectors])
    assert [0, 2] in stories and [1] in stories
    assert grouping.group(vectors, [grouping.signature(v) for v in vectors], support=0.0)[0][0] == [0, 1, 2]


def test_synthetic_grouping_does_not_degrade_with_size(tmp_path: Path) -> None:
    # 3,000 articles: stories that share a place or a person's name by chance multiply with the corpus
    bench = synthetic_benchmark()
    truth = bench.write_corpus(tmp_path, 3000, seed=5)
    texts = [p.read_text("utf-8") for p in sorted(tmp_path.iterdir())]
    found = [grouping.terms(c for c in t.split("\n\n") if not c.startswith("By ")) for t in texts]
    stories, candidates, _ = grouping.group(found, [grouping.signature(t) for t in found])
    label = {a: k for k, s in enumerate(stories) for a in s}
    precision, recall = bench.precision_recall(truth, [label[a] for a in range(len(found))])
    assert precision >= 0.98 and recall >= 0.98 and candidates <= 20 * len(found)


def test_candidates_are_capped_per_article() -> None:
    same = {"kiptum": 2, "chicago": 1, "#235": 1}
    sigs = [grouping.signature(same)] * 50
    pairs = grouping.candidate_pairs(sigs, max_candidates=5)
    assert len(pairs) <= 5 * 50 and all(i < j for i, j in pairs)


def test_without_the_extra_one_line_names_the_install(monkeypatch: pytest.MonkeyPatch, runner: CliRunner) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda n, *a: None if n == "datasketch" else real(n, *a))
    result = runner.invoke(app, ["corpus", str(ROOT / "samples")])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "pip install '.[dask]'" in result.stderr


def test_cli_skips_unreadable_files_and_says_so(tmp_path: Path, runner: CliRunner) -> None:
    case = ROOT / "tests" / "eval" / "wire_rewrite"
    shutil.copy(case / "a.txt", tmp_path / "a.txt")
    shutil.copy(case / "b.txt", tmp_path / "b.txt")
    (tmp_path / "c.txt").write_bytes(b"\x00\x01binary")
    result = runner.invoke(app, ["corpus", str(tmp_path), "--format", "jsonl"])
    assert result.exit_code == 3
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [len(s["articles"]) for s in lines] == [2] and lines[0]["articles"][0]["name"].endswith("a.txt")
    assert result.stderr.count("c.txt") == 1 and "1 of 3 files skipped" in result.stderr


def test_cli_none_readable_is_status_2(tmp_path: Path, runner: CliRunner) -> None:
    (tmp_path / "c.txt").write_bytes(b"\x00\x01binary")
    result = runner.invoke(app, ["corpus", str(tmp_path)])
    assert result.exit_code == 2 and "no file could be read" in result.stderr
    assert runner.invoke(app, ["corpus", str(tmp_path / "empty-dir-missing")]).exit_code == 2


def test_cli_table_blocks(runner: CliRunner) -> None:
    cases = [ROOT / "tests" / "eval" / c for c in ("wire_rewrite", "outlets_crew8_launch")]
    result = runner.invoke(app, ["corpus", *map(str, cases), str(ROOT / "samples" / "axios.txt")])
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert out.startswith("Story s1: 2 articles") and "Story s3: 1 article\n" in out
    assert "claims stated by several articles" in out and "  only a2 (" in out


def test_unreachable_scheduler_is_one_line(runner: CliRunner) -> None:
    result = runner.invoke(app, ["corpus", str(ROOT / "samples" / "axios.txt"), "--scheduler", "tcp://127.0.0.1:9"])
    assert result.exit_code == 2 and result.stderr.count("\n") == 1, result.stderr


def synthetic_benchmark() -> Any:
    """``benchmarks/corpus.py``, the synthetic corpora's generator and scorer."""
    import sys

    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import corpus as bench
    finally:
        sys.path.pop(0)
    return bench


def test_synthetic_grouping_precision_recall() -> None:
    row: dict[str, Any] = synthetic_benchmark().measure(300, seed=7)
    assert row["precision"] >= 0.98 and row["recall"] >= 0.98
    assert row["candidates_per_article"] <= 20
