"""Ordered, named schema migrations for the eventwire store.

Each migration is a module ``mNNNN_<what>.py`` in this package exposing
``apply(conn)``. :func:`discover` returns them sorted by name, and
:class:`~eventwire.store.Store` applies the ones not yet listed in the
``schema_migrations`` table, each in its own transaction, so a database is
never left half-migrated.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from dataclasses import dataclass
from typing import Any, Callable

_NAME = re.compile(r"^m\d{4}_[a-z0-9_]+$")


@dataclass(frozen=True, slots=True)
class Migration:
    """One schema step: ``name`` orders it, ``apply`` runs it on a DuckDB connection."""

    name: str
    apply: Callable[[Any], None]


def discover() -> list[Migration]:
    """The migrations shipped with eventwire, in the order they must run."""
    found = []
    for info in pkgutil.iter_modules(__path__):
        if _NAME.match(info.name):
            module = importlib.import_module(f"{__name__}.{info.name}")
            found.append(Migration(info.name, module.apply))
    return sorted(found, key=lambda m: m.name)
