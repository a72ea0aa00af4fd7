"""Property-based fuzzing: mutated TEI never ends in a traceback (issue 11).

`make test` runs a few hundred inputs; `make fuzz` sets FUZZ_EXAMPLES=10000.
"""

from __future__ import annotations

import copy
import os
import random

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from edition.cli import main

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "150"))
SEED_DOC = b"""<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="fz"><teiHeader><fileDesc>
<titleStmt><title>Fuzz</title><respStmt><resp>encoded by</resp><persName xml:id="ed-x">E</persName></respStmt></titleStmt>
<publicationStmt><p>Test.</p></publicationStmt><sourceDesc><p>None.</p></sourceDesc></fileDesc></teiHeader>
<text><body><div xml:id="fz-div1"><head xml:id="fz-h1">Head</head>
<p xml:id="fz-p1"><gap reason="excerpt-start"/>The <persName ref="#per-a">Stalin</persName> of
<date when="1933-03">March 1933</date> said <quote>so</quote>.<note xml:id="fz-n1" type="footnote" place="foot" n="1">A <title level="j">Pravda</title> note.</note>
<choice xml:id="fz-ed1"><sic>Chamberlain</sic><corr resp="#ed-x" cert="high">Chamberlin</corr></choice>
bel<pb break="no"/>lies <measure type="livestock" unit="head" commodity="horses" quantity="33500000">33,500,000</measure>
<foreign xml:lang="ru">raion</foreign> <emph>so</emph> <num value="0.5" type="percentage">fifty per cent</num>.</p>
<cit xml:id="fz-q1" type="block"><quote><p>Block</p></quote><bibl>Someone</bibl></cit>
<note type="editorial" target="#fz-ed1" resp="#ed-x">Why.</note>
</div></body></text>
<standOff><listPerson><person xml:id="per-a"><persName>Stalin</persName></person></listPerson></standOff></TEI>
"""


def _elements(tree):
    return [el for el in tree.iter() if isinstance(el.tag, str) and el.getparent() is not None]


def mutate(data: bytes, ops: list[tuple[int, int, int]]) -> bytes:
    """Apply structural mutations (drop, duplicate, reorder, attribute changes) then byte noise."""
    tree = etree.fromstring(data)
    raw_ops = []
    for op, a, b in ops:
        els = _elements(tree)
        if not els:
            break
        el = els[a % len(els)]
        parent = el.getparent()
        if op == 0:
            parent.remove(el)
        elif op == 1:
            parent.insert(parent.index(el), copy.deepcopy(el))
        elif op == 2 and len(parent) > 1:
            position = b % len(parent)
            parent.remove(el)
            parent.insert(position, el)
        elif op == 3 and el.attrib:
            del el.attrib[list(el.attrib)[b % len(el.attrib)]]
        elif op == 4:
            attr = ["when", "n", "ref", "target", "{http://www.w3.org/XML/1998/namespace}id", "type"][b % 6]
            el.set(attr, ["#nowhere", "13-99", "", "1933", "../../x", "javascript:alert(1)"][a % 6])
        elif op == 5:
            other = els[b % len(els)]
            if other is not el and other not in el.iterancestors() and other.getparent() is not None:
                other.getparent().remove(other)
                el.append(other)
        else:
            raw_ops.append((a, b))
    out = etree.tostring(tree, encoding="utf-8", xml_declaration=True)
    for a, b in raw_ops:  # byte-level noise: truncate, insert, flip
        pos = a % (len(out) + 1)
        kind = b % 3
        if kind == 0:
            out = out[:pos]
        elif kind == 1:
            out = out[:pos] + bytes([b % 256]) + out[pos:]
        else:
            out = out[:pos] + out[pos + 1:]
    return out


operation = st.tuples(st.integers(0, 6), st.integers(0, 10_000), st.integers(0, 10_000))


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    return tmp_path_factory.mktemp("fuzz")


def _run(args):
    result = CliRunner().invoke(main, args, catch_exceptions=True)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    assert result.exit_code in (0, 1), (result.exit_code, result.output)
    return result


@settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(ops=st.lists(operation, min_size=1, max_size=6))
def test_mutated_tei_validates_and_builds_without_traceback(workdir, ops):
    """Every mutation ends in a clean verdict; and what validates, builds."""
    doc = workdir / "doc.xml"
    doc.write_bytes(mutate(SEED_DOC, ops))
    valid = _run(["-q", "validate", str(doc)]).exit_code == 0
    built = _run(["-q", "build", "--format", "text,html", "--out", str(workdir / "out"), str(doc)])
    if valid:  # what validates must build: a stylesheet failing on valid TEI is a bug, not a clean error
        assert built.exit_code == 0, built.output


@settings(max_examples=max(EXAMPLES // 3, 20), deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(noise=st.binary(min_size=0, max_size=300))
def test_random_bytes_get_a_clean_error(workdir, noise):
    doc = workdir / "noise.xml"
    doc.write_bytes(noise)
    result = _run(["validate", str(doc)])
    assert result.exit_code == 1  # noise is never a TEI document (empty input included)
