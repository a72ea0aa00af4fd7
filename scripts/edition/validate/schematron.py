"""Run tei/schema/edition.sch over an edition and map the SVRL back to file:line:col.

Engine: lxml.isoschematron's ISO skeleton for XSLT 1.0 (shipped inside lxml; see the comment
at the top of edition.sch for why). We run its three compilation steps ourselves (include,
expand, compile to XSLT) and then the XSLT with lxml's EXSLT regular expressions enabled.

Cross-file view: every document of one edition is copied under one wrapper element, so that
key() sees every id and every pointer of the edition; each copied root gets @ed:file and
keeps its source line numbers (libxml2 copies them), so a SVRL location maps back to the
original file and line.
"""

from __future__ import annotations

import copy
import re
from functools import lru_cache
from pathlib import Path

from lxml import etree
from lxml import isoschematron

from ..errors import Diagnostic
from ..sources import Source

SVRL_NS = "http://purl.oclc.org/dsdl/svrl"
ED_NS = "urn:x-edition:validate"
FILE_ATTR = f"{{{ED_NS}}}file"


@lru_cache(maxsize=4)
def compiled(sch_path: str) -> etree.XSLT:
    """The Schematron compiled to an XSLT 1.0 transform (once per process)."""
    doc = etree.parse(sch_path, etree.XMLParser(resolve_entities=False, no_network=True))
    doc = isoschematron.iso_dsdl_include(doc)
    doc = isoschematron.iso_abstract_expand(doc)
    xslt_doc = isoschematron.iso_svrl_for_xslt1(doc)
    _fix_attribute_paths(xslt_doc)
    # read_file etc. stay forbidden: the rules look at the tree they are given, nothing else.
    access = etree.XSLTAccessControl.DENY_ALL
    return etree.XSLT(xslt_doc, access_control=access, regexp=True)


XSL_NS = "http://www.w3.org/1999/XSL/Transform"


def _fix_attribute_paths(xslt_doc: etree._XSLTResultTree) -> None:
    """The XSLT 1.0 skeleton locates an attribute as "/@name", without its element: prefix
    the element's path, so that a failed assertion on an attribute maps to its line."""
    for tpl in xslt_doc.getroot().iterfind(f"{{{XSL_NS}}}template"):
        if tpl.get("match") == "@*" and tpl.get("mode") == "schematron-get-full-path":
            step = etree.Element(f"{{{XSL_NS}}}apply-templates",
                                 select="parent::*", mode="schematron-get-full-path")
            tpl.insert(0, step)


def combine(sources: list[Source], names: list[str]) -> tuple[etree._Element, list[Source]]:
    wrapper = etree.Element(f"{{{ED_NS}}}edition", nsmap={"ed": ED_NS})
    for src, name in zip(sources, names):
        root = copy.deepcopy(src.root)
        root.set(FILE_ATTR, name)
        wrapper.append(root)
    return wrapper, sources


def column(lines: list[str], node: etree._Element, attr: str | None = None) -> tuple[int, int]:
    """(column, line) of an element's start tag (or of one of its attributes) in the source.

    libxml2 records only the line on which a start tag ends; find the start tags of that name
    which end on that line, take the one in the node's position among same-named elements
    ending there, and (for an attribute) the attribute inside it.
    """
    line = node.sourceline or 0
    if not isinstance(node.tag, str) or not 1 <= line <= len(lines):
        return 1, max(line, 1)
    tag = etree.QName(node).localname
    root = node.getroottree().getroot()
    same = [e for e in root.iter(node.tag) if e.sourceline == line]
    k = next((i for i, e in enumerate(same) if e is node), 0)
    first = max(line - 12, 1)
    window = "\n".join(lines[first - 1:line])
    line_start = window.rfind("\n") + 1  # offset of the target line in the window
    hits = []
    for m in re.finditer(r"<(?:[\w.-]+:)?%s(?=[\s/>])" % re.escape(tag), window):
        end = window.find(">", m.end())
        if end == -1 or end >= line_start:
            hits.append((m.start(), end if end != -1 else len(window)))
    if not hits:
        return 1, line
    pos, end = hits[min(k, len(hits) - 1)]
    if attr:
        m = re.compile(r"(?<![\w:.-])%s\s*=" % re.escape(attr)).search(window, pos, end)
        if m:
            pos = m.start()
    return pos - (window.rfind("\n", 0, pos) + 1) + 1, window.count("\n", 0, pos) + first


def run(sch_path: Path, sources: list[Source], names: list[str]) -> list[Diagnostic]:
    """Validate one edition (a list of parsed sources) against the Schematron."""
    if not sources:
        return []
    transform = compiled(str(sch_path))
    wrapper, _ = combine(sources, names)
    tree = etree.ElementTree(wrapper)
    svrl = transform(tree)
    out: list[Diagnostic] = []
    for fired in svrl.getroot().iter(f"{{{SVRL_NS}}}failed-assert", f"{{{SVRL_NS}}}successful-report"):
        location = fired.get("location", "")
        text = " ".join("".join(fired.find(f"{{{SVRL_NS}}}text").itertext()).split()) \
            if fired.find(f"{{{SVRL_NS}}}text") is not None else "assertion failed"
        rule = fired.get("id") or "schematron"
        severity = "warning" if fired.get("role") in ("warning", "warn", "info") else "error"
        try:
            hits = tree.xpath(location) if location else []
        except etree.XPathError:
            hits = []
        node, attr = None, None
        if hits:
            hit = hits[0]
            if isinstance(hit, etree._Element):
                node = hit
            elif getattr(hit, "is_attribute", False):
                node, attr = hit.getparent(), hit.attrname
        index = 0
        if node is not None:
            top = node
            while top.getparent() is not None and top.getparent() is not wrapper:
                top = top.getparent()
            index = list(wrapper).index(top) if top.getparent() is wrapper else 0
        src = sources[index]
        line = (node.sourceline if node is not None else None) or 1
        if attr is not None:
            attr = etree.QName(attr)
            attr = ("xml:" + attr.localname) if attr.namespace == "http://www.w3.org/XML/1998/namespace" \
                else attr.localname
        if node is not None:
            col, line = column(src.lines, node, attr)
        else:
            col = 1
        out.append(Diagnostic(names[index], line, col, severity, text, rule))
    return out
