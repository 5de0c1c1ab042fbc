"""Every JSON document claimdiff prints validates against the schema it ships."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import claimdiff
from claimdiff.render.json import dumps

from .conftest import ROOT


def schema() -> dict[str, Any]:
    text = resources.files("claimdiff").joinpath("schemas/compare-2.schema.json").read_text(encoding="utf-8")
    doc: dict[str, Any] = json.loads(text)
    return doc


def validate(doc: dict[str, Any]) -> None:
    jsonschema.Draft202012Validator(schema()).validate(doc)


def test_schema_is_valid_draft_2020_12() -> None:
    jsonschema.Draft202012Validator.check_schema(schema())


def test_samples_document_validates() -> None:
    a = (ROOT / "samples" / "axios.txt").read_text(encoding="utf-8")
    b = (ROOT / "samples" / "secondary.txt").read_text(encoding="utf-8")
    doc = json.loads(dumps(claimdiff.compare(a, b, names=("samples/axios.txt", "samples/secondary.txt")).to_dict()))
    validate(doc)
    assert doc["schema"] == "claimdiff/compare/2" and doc["version"] == claimdiff.__version__
    assert [s["id"] for s in doc["sources"]] == ["a", "b"]
    assert set(doc["summary"]) == {"shared", "paraphrased", "conflicting", "unique", "coverage"}


def test_schema_rejects_a_broken_document() -> None:
    c = claimdiff.compare("Prices rose.", "Prices rose.").to_dict()
    c["matches"][0]["label"] = "same"
    with pytest.raises(jsonschema.ValidationError):
        validate(c)


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=200), st.text(max_size=200))
def test_any_input_gives_a_valid_document(a: str, b: str) -> None:
    validate(json.loads(dumps(claimdiff.compare(a, b).to_dict())))


@pytest.mark.parametrize("name", ["check-2.schema.json", "extract-1.schema.json"])
def test_other_schemas_are_valid_draft_2020_12(name: str) -> None:
    doc = json.loads(resources.files("claimdiff").joinpath(f"schemas/{name}").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(doc)


def test_a_page_source_validates_and_plain_text_documents_are_unchanged_but_for_kind() -> None:
    """Version 1 grows compatibly: a page's source adds ``meta`` and ``text``; a text source only ``kind``."""
    from claimdiff.model import Meta, SourceKind

    c = claimdiff.compare("Prices rose. Rain fell.", "Prices rose.")
    page = c.described((SourceKind.HTML, Meta(title="Prices")), (SourceKind.TEXT, None)).to_dict()
    validate(page)
    a, b = page["sources"]
    assert a["kind"] == "html" and a["text"] == "Prices rose. Rain fell."
    assert a["meta"] == {"title": "Prices", "author": None, "date": None, "sitename": None, "url": None}
    assert set(b) == set(c.to_dict()["sources"][1]) == {"id", "name", "sha256", "kind", "units"}
