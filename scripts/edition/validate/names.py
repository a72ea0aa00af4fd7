"""Rule name-untagged (warning): a name the registers know, standing in a text untagged.

Python rather than Schematron: it needs every name form of every register entry as one
regular expression, and a line AND column for each hit, which XSLT 1.0 cannot give. Text
positions come from expat, which reports the line and column of every run of character data
(the document has already passed the hardened parser: no DTD, no entities).
"""

from __future__ import annotations

import re
from xml.parsers import expat

from lxml import etree

from ..errors import Diagnostic
from ..sources import TEI_NS, Source

RULE = "name-untagged"
# A register entry's name forms: the names and their most-used parts.
NAME_FORMS = ("persName", "placeName", "orgName", "geogName", "surname", "addName")
ENTRIES = ("person", "place", "org")
WORK_ENTRY = "bibl"
# Text inside these is tagged (or is not running text).
TAGGED = {"persName", "placeName", "orgName", "roleName", "geogName", "name", "rs", "title",
          "author", "editor", "term", "ref", "ptr", "idno", "publisher", "pubPlace", "sic", "orig",
          "abbr", "gap", "desc", "index", "interp", "measure", "num", "date", "label", "foreign"}
SKIP_SUBTREES = {"teiHeader", "standOff"}
# The editors' own notes discuss names (and misprints of them); only the source text counts.
EDITORS_NOTES = {"editorial", "commentary"}
MIN_LENGTH = 3


def _norm(text: str) -> str:
    return " ".join(text.split())


def register_names(sources: list[Source]) -> dict[str, str]:
    """Every name form of every register entry -> the entry's id."""
    forms: dict[str, str] = {}
    for src in sources:
        for standoff in src.root.iter(f"{{{TEI_NS}}}standOff"):
            for entry in standoff.iter(*(f"{{{TEI_NS}}}{e}" for e in (*ENTRIES, WORK_ENTRY))):
                ident = entry.get("{http://www.w3.org/XML/1998/namespace}id")
                if not ident:
                    continue
                local = etree.QName(entry).localname
                wanted = ("title",) if local == WORK_ENTRY else NAME_FORMS
                for el in entry.iter(*(f"{{{TEI_NS}}}{w}" for w in wanted)):
                    # a name's own parts belong to this entry, a nested entry's do not
                    owner = el.getparent()
                    while owner is not None and etree.QName(owner).localname not in (*ENTRIES, WORK_ENTRY):
                        owner = owner.getparent()
                    if owner is not entry:
                        continue
                    form = _norm("".join(el.itertext()))
                    if len(form) >= MIN_LENGTH and form[0].isupper():
                        forms.setdefault(form, ident)
    return forms


def _pattern(forms: dict[str, str]) -> re.Pattern | None:
    if not forms:
        return None
    alternatives = sorted(forms, key=len, reverse=True)  # longest first: "Anna Louise Strong"
    body = "|".join(r"\s+".join(map(re.escape, f.split(" "))) for f in alternatives)
    # whole words only; "Don't" is not the Don
    return re.compile(r"(?<![\w'’-])(?:%s)(?![\w-])(?!['’]t\b)" % body)


def scan(src: Source, pattern: re.Pattern, forms: dict[str, str]) -> list[Diagnostic]:
    """Report untagged register names in the running text of one document."""
    out: list[Diagnostic] = []
    stack: list[str] = []
    tagged_depth = 0
    skip_depth = 0
    run: list[tuple[int, int, str]] = []  # (line, col, text) pieces of one text run

    def flush() -> None:
        if not run:
            return
        text = "".join(piece for _, _, piece in run)
        pieces = list(run)
        run.clear()
        for m in pattern.finditer(text):
            offset, i = m.start(), 0
            while i < len(pieces) - 1 and offset >= len(pieces[i][2]):
                offset -= len(pieces[i][2])
                i += 1
            line, col, piece = pieces[i]
            before = piece[:offset]
            if "\n" in before:
                line += before.count("\n")
                col = len(before) - before.rfind("\n")
            else:
                col += len(before)
            found = _norm(m.group(0))
            ident = forms.get(found, "")
            out.append(Diagnostic(str(src.path), line, col, "warning",
                                  f'"{found}" is in the register (#{ident}) but is not tagged here',
                                  RULE))

    def start(name: str, attrs) -> None:
        nonlocal tagged_depth, skip_depth
        flush()
        local = name.rsplit(" ", 1)[-1]
        stack.append(local)
        if local in SKIP_SUBTREES or skip_depth:
            skip_depth += 1
        if local in TAGGED or tagged_depth or (local == "note" and attrs.get("type") in EDITORS_NOTES):
            tagged_depth += 1

    def end(name: str) -> None:
        nonlocal tagged_depth, skip_depth
        flush()
        stack.pop()
        if tagged_depth:
            tagged_depth -= 1
        if skip_depth:
            skip_depth -= 1

    def chars(data: str) -> None:
        if tagged_depth or skip_depth or not stack:
            return
        # expat columns are 0-based
        run.append((parser.CurrentLineNumber, parser.CurrentColumnNumber + 1, data))

    parser = expat.ParserCreate(namespace_separator=" ")
    parser.buffer_text = False
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = chars
    # Elements like <pb/> or <lb/> split no words; but they end a text run: "bel<pb/>lies"
    # stays two runs, which is what the encoder wants (the word is whole in the reading).
    try:
        parser.Parse(src.data, True)
    except expat.ExpatError:
        return out  # the hardened parser already reported it
    return out


def check(edition: list[Source]) -> list[Diagnostic]:
    forms = register_names(edition)
    pattern = _pattern(forms)
    if pattern is None:
        return []
    out: list[Diagnostic] = []
    for src in edition:
        if src.kind != "register":
            out.extend(scan(src, pattern, forms))
    return out
