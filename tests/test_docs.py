"""Every command and option of the CLI is documented in the README."""

from __future__ import annotations

import argparse

import pytest

from conftest import ROOT
from eventwire.cli import build_parser

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


@pytest.mark.parametrize("name", sorted(_subcommands()))
def test_command_is_documented(name):
    assert f"eventwire {name}" in README, f"'eventwire {name}' is not in README.md"


@pytest.mark.parametrize("name,option", sorted(
    (name, opt) for name, sub in _subcommands().items() for a in sub._actions for opt in a.option_strings
    if opt.startswith("--") and opt != "--help"))
def test_option_is_documented(name, option):
    assert option in README, f"option {option} of 'eventwire {name}' is not in README.md"
