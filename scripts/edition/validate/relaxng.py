"""RELAX NG: the edition's own schema with lxml (compiles in ms); TEI all with jing.

lxml needs ~8.5 s to compile tei_all.rng, on every run. Debian's jing compiles and validates
the whole corpus in one JVM in well under a second, so for TEI all we run jing once for all
files (java started directly with start-up flags that halve the JVM's cold start), and fall
back to lxml, with a warning, only where jing is not installed.

jing never reads a source file: it gets a copy in a temporary folder with everything before
the root element (XML declaration aside) blanked out with spaces, so it sees no DOCTYPE (no
external DTD, no entity) and every line and column stays where it is in the original. A file
reaches jing only after our hardened parser accepted it.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from lxml import etree

from ..errors import Diagnostic, UsageError
from ..sources import Source
from .schematron import column

log = logging.getLogger("edition")
RULE = "relaxng"
RNG_NS = "http://relaxng.org/ns/structure/1.0"
JAVA_DIR = Path("/usr/share/java")
JING_JARS = ("jing.jar", "xercesImpl.jar", "Saxon-HE.jar", "xml-resolver.jar")
# Cold-start flags: C1 only, serial GC, class-data sharing. 0.6 s -> 0.3 s on the corpus.
JVM_FLAGS = ("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-Xss8m")
JING_LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|fatal|warning): (?P<msg>.*)$")


@lru_cache(maxsize=4)
def _schema_tree(path: str) -> etree._ElementTree:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        return etree.parse(path, parser)
    except (etree.XMLSyntaxError, OSError) as exc:
        raise UsageError(f"--schema {path}: not a readable RELAX NG schema: {exc}") from None


@lru_cache(maxsize=4)
def lxml_schema(path: str) -> etree.RelaxNG:
    try:
        return etree.RelaxNG(_schema_tree(path))
    except etree.RelaxNGParseError as exc:
        raise UsageError(f"--schema {path}: not a usable RELAX NG schema: {exc}") from None


# ---------------------------------------------------------------- lxml, with readable messages

@lru_cache(maxsize=4)
def _grammar(path: str) -> tuple[dict, dict]:
    tree = _schema_tree(path)
    defines: dict[str, list] = {}
    for d in tree.iter(f"{{{RNG_NS}}}define"):
        defines.setdefault(d.get("name"), []).append(d)
    elements: dict[str, list] = {}
    for el in tree.iter(f"{{{RNG_NS}}}element"):
        if el.get("name"):
            elements.setdefault(el.get("name"), []).append(el)
    return defines, elements


def _attribute_values(path: str, element: str, attribute: str) -> tuple[bool, list[str]]:
    """Whether the schema declares @attribute on <element>, and its closed value list if any."""
    defines, elements = _grammar(path)
    found, values = False, []

    def walk(node, seen):
        nonlocal found
        for ch in node:
            if not isinstance(ch.tag, str):
                continue
            local = etree.QName(ch).localname
            if local == "element":
                continue
            if local == "attribute" and ch.get("name") == attribute:
                found = True
                values.extend(v.text or "" for v in ch.iter(f"{{{RNG_NS}}}value"))
                for r in ch.iter(f"{{{RNG_NS}}}ref"):
                    for d in defines.get(r.get("name"), []):
                        values.extend(v.text or "" for v in d.iter(f"{{{RNG_NS}}}value"))
            elif local == "ref":
                name = ch.get("name")
                if name not in seen:
                    seen.add(name)
                    for d in defines.get(name, []):
                        walk(d, seen)
            else:
                walk(ch, seen)

    for el in elements.get(element, []):
        walk(el, set())
    return found, sorted(set(values))


def _find(src: Source, line: int, name: str | None, attribute: str | None):
    for el in src.root.iter():
        if el.sourceline == line and isinstance(el.tag, str) and \
                (name is None or etree.QName(el).localname == name) and \
                (attribute is None or el.get(_clark(attribute)) is not None):
            return el
    return None


def _clark(attribute: str) -> str:
    return "{http://www.w3.org/XML/1998/namespace}" + attribute[4:] if attribute.startswith("xml:") \
        else attribute


def _explain(schema_path: str, src: Source, line: int, message: str) -> tuple[str, int, int]:
    """Turn libxml2's terse RELAX NG messages into ones an editor can act on."""
    m = re.match(r"Invalid attribute (\S+) for element (\S+)", message)
    if m:
        attribute, element = m.groups()
        node = _find(src, line, element, attribute)
        declared, values = _attribute_values(schema_path, element, attribute)
        col = line_ = None
        if node is not None:
            col, line_ = column(src.lines, node, attribute)
            value = node.get(_clark(attribute))
            if not declared:
                text = f"attribute @{attribute} is not allowed on <{element}>"
            elif values:
                text = (f'@{attribute}="{value}" is not allowed on <{element}>; '
                        f"expected one of: {', '.join(values)}")
            else:
                text = f'@{attribute}="{value}" is not a valid value on <{element}>'
            return text, line_ or line, col or 1
        return message, line, 1
    m = re.match(r"Did not expect element (\S+) there", message)
    if m:
        node = _find(src, line, m.group(1), None)
        if node is not None:
            col, line_ = column(src.lines, node)
            parent = node.getparent()
            where = f" inside <{etree.QName(parent).localname}>" if parent is not None else ""
            return f"element <{m.group(1)}> is not allowed here{where}", line_, col
    m = re.match(r"Expecting element (\S+), got (\S+)", message)
    if m:
        node = _find(src, line, m.group(2), None)
        if node is not None:
            col, line_ = column(src.lines, node)
            return f"expected <{m.group(1)}>, found <{m.group(2)}>", line_, col
    node = _find(src, line, None, None)
    if node is not None:
        col, line_ = column(src.lines, node)
        return message, line_, col
    return message, line, 1


def validate_lxml(schema_path: Path, sources: list[Source]) -> list[Diagnostic]:
    schema = lxml_schema(str(schema_path))
    out: list[Diagnostic] = []
    for src in sources:
        if schema.validate(src.tree):
            continue
        for err in schema.error_log:
            message, line, col = _explain(str(schema_path), src, err.line or 1, err.message)
            out.append(Diagnostic(str(src.path), max(line, 1), max(col, 1), "error", message, RULE))
    return out


# ---------------------------------------------------------------- jing

def jing_command() -> list[str] | None:
    """How to run jing: java with tuned flags on Debian's jars, else the jing script, else None."""
    if os.environ.get("EDITION_NO_JING"):
        return None
    jing = shutil.which("jing")
    if jing is None:
        return None
    java = shutil.which("java")
    jars = [JAVA_DIR / j for j in JING_JARS]
    if java and jars[0].exists():
        classpath = os.pathsep.join(str(j) for j in jars if j.exists())
        return [java, *JVM_FLAGS, "-cp", classpath, "com.thaiopensource.relaxng.util.Driver"]
    return [jing]


def safe_copy(src: Source) -> bytes:
    """The file's bytes with its prolog blanked: jing sees no DOCTYPE, lines and columns kept."""
    data = src.data
    if src.root.find(".//{http://www.w3.org/2001/XInclude}include") is None and _ascii_compatible(data):
        start = _root_offset(data)
        if start is not None:
            prolog = data[:start]
            decl = re.match(rb"<\?xml[^>]*\?>", prolog)
            keep = decl.end() if decl else 0
            blank = re.sub(rb"[^\n\r]", b" ", prolog[keep:])
            return prolog[:keep] + blank + data[start:]
    # XIncluded content or an unusual encoding: the parsed tree, lines padded to the root.
    pad = b"\n" * max((src.root.sourceline or 1) - 1, 0)
    return b'<?xml version="1.0" encoding="UTF-8"?>' + pad + src.serialize()


def _ascii_compatible(data: bytes) -> bool:
    if data.startswith((b"\xfe\xff", b"\xff\xfe")) or b"\x00" in data[:4]:
        return False
    m = re.match(rb"(?:\xef\xbb\xbf)?<\?xml[^>]*encoding\s*=\s*[\"']([A-Za-z0-9._-]+)", data)
    return m is None or m.group(1).lower().replace(b"_", b"-") in (
        b"utf-8", b"utf8", b"us-ascii", b"ascii", b"iso-8859-1", b"latin-1", b"latin1", b"windows-1252")


def _root_offset(data: bytes) -> int | None:
    """Offset of the root element's '<', skipping comments, PIs and the DOCTYPE."""
    i, n = 0, len(data)
    if data.startswith(b"\xef\xbb\xbf"):
        i = 3
    while i < n:
        if data[i:i + 1].isspace():
            i += 1
        elif data.startswith(b"<?", i):
            j = data.find(b"?>", i)
            if j < 0:
                return None
            i = j + 2
        elif data.startswith(b"<!--", i):
            j = data.find(b"-->", i)
            if j < 0:
                return None
            i = j + 3
        elif data.startswith(b"<!DOCTYPE", i):
            i = _skip_doctype(data, i)
            if i is None:
                return None
        elif data.startswith(b"<", i):
            return i
        else:
            return None
    return None


def _skip_doctype(data: bytes, i: int) -> int | None:
    quote, depth = None, 0
    for j in range(i + 2, len(data)):
        c = data[j:j + 1]
        if quote:
            if c == quote:
                quote = None
        elif c in (b'"', b"'"):
            quote = c
        elif c == b"[":
            depth += 1
        elif c == b"]":
            depth -= 1
        elif c == b">" and depth == 0:
            return j + 1
    return None


@dataclass
class JingRun:
    """A jing process running in the background over safe copies of the sources."""

    process: subprocess.Popen | None
    tmp: tempfile.TemporaryDirectory | None
    names: dict[str, str]
    diagnostics: list[Diagnostic]

    def result(self) -> list[Diagnostic]:
        if self.process is None:
            return self.diagnostics
        try:
            out, err = self.process.communicate(timeout=600)
        finally:
            if self.tmp is not None:
                self.tmp.cleanup()
        text = out.decode("utf-8", "replace") + err.decode("utf-8", "replace")
        diagnostics = list(self.diagnostics)
        for raw in text.splitlines():
            m = JING_LINE.match(raw)
            if not m:
                if raw.strip() and not raw.startswith("[warning]"):
                    log.debug("jing: %s", raw)
                continue
            path = self.names.get(m["path"], m["path"])
            if path not in self.names.values():
                # a problem in the schema itself, not in a source
                diagnostics.append(Diagnostic(m["path"], int(m["line"]), int(m["col"]), "error",
                                              f"schema: {m['msg']}", RULE))
                continue
            severity = "warning" if m["sev"] == "warning" else "error"
            diagnostics.append(Diagnostic(path, int(m["line"]), int(m["col"]), severity, m["msg"], RULE))
        if self.process.returncode not in (0, 1) and not diagnostics:
            diagnostics.append(Diagnostic("jing", 1, 1, "error",
                                          f"jing failed (exit {self.process.returncode}): {text.strip()[:300]}",
                                          RULE))
        return diagnostics


def start_jing(schema_path: Path, sources: list[Source]) -> JingRun:
    """Start one jing for all sources; fall back to lxml (slow for TEI all) without jing."""
    command = jing_command()
    if not sources:
        return JingRun(None, None, {}, [])
    if command is None:
        log.warning("edition: jing not found; validating with lxml, which compiles %s slowly",
                    schema_path.name)
        return JingRun(None, None, {}, validate_lxml(schema_path, sources))
    tmp = tempfile.TemporaryDirectory(prefix="edition-jing-")
    names: dict[str, str] = {}
    for i, src in enumerate(sources):
        copy = Path(tmp.name) / f"{i:05d}-{src.path.name}"
        copy.write_bytes(safe_copy(src))
        names[str(copy)] = str(src.path)
    process = subprocess.Popen([*command, str(schema_path), *names], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
    return JingRun(process, tmp, names, [])
