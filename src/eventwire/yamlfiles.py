"""Reading eventwire's YAML knowledge files.

The files are read with YAML 1.2's booleans: only ``true`` and ``false`` are booleans.
YAML 1.1, which PyYAML follows by default, also reads ``on``, ``off``, ``yes`` and ``no``
as booleans, so a pattern written ``prep: on`` ("called on X", "fired on X") would
silently become ``prep: True`` and never match.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class KnowledgeLoader(_Base):  # type: ignore[misc, valid-type]
    """A safe loader whose booleans are only true/false (any case)."""


KnowledgeLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in _Base.yaml_implicit_resolvers.items()
}
KnowledgeLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def load_yaml(stream: Any) -> Any:
    """Parse YAML text (or an open file) with the knowledge files' rules."""
    return yaml.load(stream, Loader=KnowledgeLoader)
