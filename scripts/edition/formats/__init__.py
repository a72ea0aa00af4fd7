"""The registry of output formats: one XSLT folder + one module each."""

from __future__ import annotations

import importlib

from ..errors import UsageError
from .base import Format

# name -> module under edition.formats defining FORMAT; order = build order.
_MODULES = {"html": "html", "text": "text", "pdf": "pdf"}


def available() -> list[str]:
    return list(_MODULES)


def get(name: str) -> Format:
    if name not in _MODULES:
        raise UsageError(f"unknown format {name!r}; choose from {', '.join(_MODULES)}")
    return importlib.import_module(f"{__name__}.{_MODULES[name]}").FORMAT


def parse_list(spec: str) -> list[str]:
    """'html,text' -> ['html', 'text']; 'all' -> every format."""
    names = available() if spec in ("", "all") else [s.strip() for s in spec.split(",") if s.strip()]
    for name in names:
        get(name)
    return names
