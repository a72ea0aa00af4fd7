"""XSLT 3.0 through saxonche: one processor per process, each stylesheet compiled once.

Documents reach Saxon as the hardened parser's serialisation (no DOCTYPE), so Saxon's own
parser never sees an entity or an external reference. Stylesheets never call doc(),
unparsed-text() or collection() on values from a document: all documents they need
arrive as parameters.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from functools import lru_cache
from pathlib import Path
from typing import Any

from . import XSLT_DIR
from .errors import BuildError

_lock = threading.Lock()
_processor = None
_messages: list[str] = []  # xsl:message output since the last drain_messages()


def drain_messages() -> list[str]:
    """The stylesheets' messages since the last call (e.g. 'unhandled tei:foo')."""
    taken = _messages[:]
    _messages.clear()
    return taken


def processor():
    """The process's one PySaxonProcessor (created lazily: workers create their own)."""
    global _processor
    with _lock:
        if _processor is None:
            from saxonche import PySaxonProcessor

            _processor = PySaxonProcessor(license=False)
        return _processor


def started() -> bool:
    """Whether this process has started Saxon (its processor, a GraalVM isolate)."""
    return _processor is not None


def saxon_version() -> str:
    import saxonche

    return saxonche.__version__


@lru_cache(maxsize=None)
def stylesheet(path: str | Path) -> "Stylesheet":
    """The compiled stylesheet at path (relative paths are under xslt/); compiled once."""
    full = Path(path)
    if not full.is_absolute():
        full = XSLT_DIR / full
    return Stylesheet(full)


def to_xdm(data: bytes, base_uri: str | None = None):
    """Parse serialised XML (from sources.Source.serialize) into a Saxon node."""
    builder = processor().new_document_builder()
    builder.set_line_numbering(True)
    if base_uri:
        builder.set_base_uri(base_uri)
    try:
        return builder.parse_xml(xml_text=data.decode("utf-8-sig"))
    except Exception as exc:  # saxonche raises its own PySaxonApiError
        raise BuildError(f"{base_uri or 'document'}: Saxon could not parse: {exc}") from None


def xdm(value: Any, keep: list | None = None):
    """Python value -> XDM value for a stylesheet parameter.

    Saxon holds only handles to the items of a sequence: `keep` collects them so that
    Python does not free them before the transformation has run.
    """
    proc = processor()
    if value is None:
        return proc.empty_sequence()
    if isinstance(value, bool):
        return proc.make_boolean_value(value)
    if isinstance(value, int):
        return proc.make_integer_value(value)
    if isinstance(value, float):
        return proc.make_double_value(value)
    if isinstance(value, str):
        return proc.make_string_value(value)
    if isinstance(value, (list, tuple)):
        seq = proc.empty_sequence()
        for item in value:
            made = xdm(item, keep)
            if keep is not None:
                keep.append(made)
            seq.add_xdm_item(made)
        return seq
    return value  # already an XDM node or value


@contextlib.contextmanager
def _native_stderr_silenced():
    """Saxon's native code prints a stack trace for every dynamic error (and some notices) on
    file descriptor 2; the exception it raises carries the message, which the build reports as
    one file:line:col line. EDITION_SAXON_STDERR=1 lets it through: for debugging stylesheets,
    and for a worker that dies inside Saxon (its native crash report goes the same way).
    Not re-entrant: one transformation at a time per process, as the build runs them."""
    if os.environ.get("EDITION_SAXON_STDERR") == "1":
        yield
        return
    sys.stderr.flush()
    saved = os.dup(2)
    try:
        with open(os.devnull, "wb") as null:
            os.dup2(null.fileno(), 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


class Stylesheet:
    """A compiled XSLT 3.0 stylesheet; each call gets fresh parameters."""

    def __init__(self, path: Path):
        self.path = path
        compiler = processor().new_xslt30_processor()
        try:
            self._executable = compiler.compile_stylesheet(stylesheet_file=str(path))
        except Exception as exc:  # every error is in the message: one line of them
            raise BuildError(f"{path}: stylesheet does not compile: {' '.join(str(exc).split())}") from None
        if self._executable is None:
            raise BuildError(f"{path}: stylesheet does not compile")

    def _prepare(self, params: dict[str, Any] | None):
        exe = self._executable
        exe.clear_parameters()
        exe.set_save_xsl_message(True, None)
        self._keep: list = []
        for name, value in (params or {}).items():
            made = xdm(value, self._keep)
            self._keep.append(made)
            exe.set_parameter(name, made)
        return exe

    def apply(self, node, params: dict[str, Any] | None = None) -> str:
        """Apply templates to node (a document from to_xdm); the serialised principal result."""
        exe = self._prepare(params)
        try:
            exe.set_global_context_item(xdm_item=node)
            with _native_stderr_silenced():
                result = exe.transform_to_string(xdm_node=node)
        except Exception as exc:
            raise BuildError(f"{self.path.name}: {' '.join(str(exc).split())}") from None
        finally:
            self._collect_messages()
        return result or ""

    def _collect_messages(self) -> None:
        found = self._executable.get_xsl_messages()
        if found is not None:
            _messages.extend(str(found.item_at(i)).strip() for i in range(found.size))
        self._executable.clear_xsl_messages()

    def call(self, template: str, params: dict[str, Any] | None = None, context=None) -> str:
        """Call a named template (e.g. a whole-edition page); the serialised result."""
        exe = self._prepare(params)
        try:
            if context is not None:
                exe.set_global_context_item(xdm_item=context)
            with _native_stderr_silenced():
                result = exe.call_template_returning_string(template)
        except Exception as exc:
            raise BuildError(f"{self.path.name}: template {template}: {' '.join(str(exc).split())}") from None
        finally:
            self._collect_messages()
        return result or ""

