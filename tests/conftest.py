"""Shared fixtures: the real spaCy pipeline is loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
EXAMPLES = ROOT / "examples"


def shared_file(*parts: str) -> Path:
    """A file under ../shared/data, or a skip with the reason when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared data not found: {path} (tests that need ../shared/data skip without it)")
    return path


@pytest.fixture(scope="session")
def coded_examples():
    """Every bundled example article coded once: {doc_id: CodedArticle}."""
    from eventwire.pipeline import code_files
    from eventwire.records import Failure

    out = {}
    for item in code_files([EXAMPLES]):
        assert not isinstance(item, Failure), f"example failed: {item}"
        out[item.article.id] = item
    return out
