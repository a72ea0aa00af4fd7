"""Diagnostics and the typed errors the library raises; only the CLI maps them to exit codes."""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem at one place, printed in the compiler convention."""

    path: str
    line: int
    col: int
    severity: str  # "error" | "warning"
    message: str
    rule: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.severity}: {self.message} [{self.rule}]"

    def as_dict(self) -> dict:
        return asdict(self)


class EditionError(Exception):
    """Base class: something the user must fix; exit 1."""

    exit_code = 1


class SourceError(EditionError):
    """A source that cannot be read safely (malformed, hostile, not TEI)."""

    def __init__(self, diagnostic: Diagnostic):
        super().__init__(str(diagnostic))
        self.diagnostic = diagnostic


class UsageError(EditionError):
    """Bad arguments, a missing or unreadable file: exit 2."""

    exit_code = 2


class BuildError(EditionError):
    """A transformation failed."""
