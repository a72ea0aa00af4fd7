<?xml version="1.0" encoding="UTF-8"?>
<!--
  The reading text as blocks (mode tx:block): divisions with numbered headings, paragraphs,
  block quotations with their attribution, verse, lists, tables, speeches. Any element with
  no rule here is a container (when it holds blocks) or a paragraph (when it does not):
  nothing is dropped. Inline content goes through inline.xsl; notes through notes.xsl.

  Tunnel parameters: $indent (spaces), $part (the section-number prefix: '' in a document's
  own file, the text's number in edition.txt).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-edition:functions"
    xmlns:tx="urn:x-edition:text"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    exclude-result-prefixes="#all">

  <xsl:mode name="tx:block" on-no-match="shallow-skip" on-multiple-match="fail"/>

  <!-- Elements that are always blocks. -->
  <xsl:variable name="tx:structural" as="xs:string*" select="(
    'div', 'div1', 'div2', 'div3', 'div4', 'div5', 'div6', 'div7', 'p', 'ab', 'head', 'lg', 'l',
    'list', 'item', 'table', 'row', 'sp', 'speaker', 'byline', 'dateline', 'opener', 'closer',
    'salute', 'signed', 'epigraph', 'argument', 'trailer', 'postscript', 'titlePage', 'docTitle',
    'titlePart', 'docAuthor', 'docImprint', 'docDate', 'docEdition', 'castList', 'castItem',
    'castGroup', 'listBibl', 'front', 'body', 'back', 'group', 'text', 'floatingText',
    'figure', 'msDesc', 'u', 'annotationBlock', 'entry', 'superEntry', 'sense', 're',
    'sourceDoc', 'surface', 'surfaceGrp', 'zone', 'line')"/>
  <!-- Elements whose children all stand as blocks (between paragraphs). -->
  <xsl:variable name="tx:block-parents" as="xs:string*" select="(
    'div', 'div1', 'div2', 'div3', 'div4', 'div5', 'div6', 'div7', 'front', 'body', 'back',
    'group', 'text', 'sp', 'lg', 'cit', 'list', 'table', 'floatingText', 'titlePage',
    'castList', 'listBibl', 'figure', 'epigraph', 'argument', 'sourceDoc', 'surface', 'surfaceGrp', 'zone')"/>
  <xsl:variable name="tx:divs" as="xs:string*"
      select="('div', 'div1', 'div2', 'div3', 'div4', 'div5', 'div6', 'div7')"/>

  <xsl:variable name="tx:structural-set" as="map(xs:string, xs:boolean)"
      select="map:merge($tx:structural ! map{.: true()})"/>

  <xsl:function name="tx:is-structural" as="xs:boolean">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="namespace-uri($el) = 'http://www.tei-c.org/ns/1.0'
      and map:contains($tx:structural-set, local-name($el))
      and not($el/self::tei:figure[not(parent::*[local-name() = $tx:block-parents])])
      (: a title page's author, date or edition inside a line of it ('by docAuthor.') runs in :)
      and not(($el/self::tei:docAuthor or $el/self::tei:docDate or $el/self::tei:docEdition)
              and not(local-name($el/..) = $tx:block-parents))"/>
  </xsl:function>

  <!-- Does this node stand as a block (rather than in running text)? -->
  <xsl:function name="tx:is-block" as="xs:boolean">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="$node instance of element() and (
        tx:is-structural($node)
        or local-name($node/..) = $tx:block-parents and namespace-uri($node/..) = 'http://www.tei-c.org/ns/1.0'
           and not($node/parent::tei:cit)
        or $node/@type = 'block' and $node/self::tei:quote
        or ($node/self::tei:cit or $node/parent::tei:cit) and tx:cit-is-block(($node/self::tei:cit, $node/..)[1])
        or (not($node/self::tei:note or $node/self::tei:cit) and (some $c in $node/* satisfies tx:is-block($c))))"/>
  </xsl:function>

  <!-- A quotation with its source stands apart when it stands between blocks, says so, or
       holds blocks (verse, paragraphs); in a sentence it runs in: 'cano (Verg. A. 1.1)'. -->
  <xsl:function name="tx:cit-is-block" as="xs:boolean">
    <xsl:param name="cit" as="element()"/>
    <xsl:sequence select="local-name($cit/..) = $tx:block-parents or $cit/@type = 'block'
        or exists($cit//*[tx:is-structural(.)])"/>
  </xsl:function>

  <!-- A numbered division: a div with a head. -->
  <xsl:function name="tx:is-section" as="xs:boolean">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="local-name($el) = $tx:divs and exists($el/tei:head)"/>
  </xsl:function>

  <!-- Section numbers, made in one pass over each document (an accumulator, computed once
       per document and kept with it) rather than by xsl:number level="multiple" per call,
       which counts preceding siblings at every level: quadratic in the number of sections.
       Same numbers: a section's number is that of the nearest numbered section around it
       (if any), a dot, and its place among the numbered sections of the same parent.
         counts  generate-id(parent) -> numbered sections of that parent so far
         stack   the numbers of the open numbered sections, innermost first -->
  <xsl:accumulator name="tx:sections" as="map(*)" initial-value="map{'counts': map{}, 'stack': ()}">
    <xsl:accumulator-rule phase="start"
        match="tei:div[tei:head] | tei:div1[tei:head] | tei:div2[tei:head] | tei:div3[tei:head]
               | tei:div4[tei:head] | tei:div5[tei:head] | tei:div6[tei:head] | tei:div7[tei:head]">
      <xsl:variable name="parent" select="generate-id(..)"/>
      <xsl:variable name="n" select="($value?counts($parent), 0)[1] + 1"/>
      <!-- front matter i, ii...; back matter A, B... (as books number them), so that no two
           sections of a text share a number -->
      <xsl:variable name="matter" select="if (exists($value?stack)) then () else ancestor::*[self::tei:front
          or self::tei:body or self::tei:back][1]"/>
      <xsl:variable name="shown" select="if ($matter/self::tei:front) then format-integer($n, 'i')
          else if ($matter/self::tei:back) then format-integer($n, 'A') else string($n)"/>
      <xsl:sequence select="map{'counts': map:put($value?counts, $parent, $n),
          'stack': (string-join(($value?stack[1], $shown), '.'), $value?stack)}"/>
    </xsl:accumulator-rule>
    <xsl:accumulator-rule phase="end"
        match="tei:div[tei:head] | tei:div1[tei:head] | tei:div2[tei:head] | tei:div3[tei:head]
               | tei:div4[tei:head] | tei:div5[tei:head] | tei:div6[tei:head] | tei:div7[tei:head]"
        select="map:put($value, 'stack', tail($value?stack))"/>
  </xsl:accumulator>

  <!-- The table-of-contents number of a section: '2.1' (within its document); what
       <xsl:number select="$div" level="multiple" format="1.1" count="tei:div[tei:head] | ..."/>
       gives. -->
  <xsl:function name="tx:section-number" as="xs:string">
    <xsl:param name="div" as="element()"/>
    <xsl:sequence select="string($div ! accumulator-before('tx:sections')?stack[1])"/>
  </xsl:function>

  <!-- Where a node stands: its section number ('0' before the first heading), prefixed by the
       part number in the whole edition. -->
  <xsl:function name="tx:location" as="xs:string">
    <xsl:param name="node" as="node()"/>
    <xsl:param name="part" as="xs:string"/>
    <xsl:variable name="div" select="$node/ancestor-or-self::*[tx:is-section(.)][1]"/>
    <xsl:sequence select="string-join(($part[. ne ''], if ($div) then tx:section-number($div) else '0'), '.')"/>
  </xsl:function>

  <!-- Blocks of a mixed sequence of nodes: runs of running text become paragraphs, block
       elements are rendered by their rules.
       $first/$hang: marker and hanging indent of the first paragraph (list items, notes);
       $tight: 'none' (blank lines between blocks), 'inner' (none after the first block);
       $first-tight: whether the first block follows the previous one without a blank line. -->
  <xsl:template name="tx:container">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:param name="first" as="xs:string" select="''"/>
    <xsl:param name="hang" as="xs:integer" select="0"/>
    <xsl:param name="tight" as="xs:string" select="'none'"/>
    <xsl:param name="first-tight" as="xs:boolean" select="false()"/>
    <xsl:param name="indent" as="xs:integer" tunnel="yes"/>
    <!-- whitespace next to a block, comments and processing instructions make no paragraph -->
    <xsl:variable name="kept" select="$nodes[not(self::comment() or self::processing-instruction())]
        [not(self::text()[normalize-space() = ''][
            empty(preceding-sibling::*[1]) or tx:is-block(preceding-sibling::*[1])
            or empty(following-sibling::*[1]) or tx:is-block(following-sibling::*[1])])]"/>
    <xsl:for-each-group select="$kept" group-adjacent="tx:is-block(.)">
      <xsl:variable name="is-first" select="position() = 1"/>
      <xsl:variable name="t" select="if ($is-first) then $first-tight else $tight = 'inner'"/>
      <xsl:choose>
        <xsl:when test="current-grouping-key()">
          <xsl:if test="$is-first and $first ne ''">
            <xsl:sequence select="tx:b('', $indent, $first, $hang, $t)"/>
          </xsl:if>
          <xsl:for-each select="current-group()">
            <xsl:apply-templates select="." mode="tx:block">
              <xsl:with-param name="tight" select="if (position() = 1) then $t else $tight = 'inner'"/>
              <xsl:with-param name="indent" select="if ($first ne '') then $indent + $hang else $indent" tunnel="yes"/>
            </xsl:apply-templates>
          </xsl:for-each>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="tx:para">
            <xsl:with-param name="nodes" select="current-group()"/>
            <xsl:with-param name="first" select="if ($is-first) then $first else ''"/>
            <xsl:with-param name="hang" select="$hang"/>
            <xsl:with-param name="tight" select="$t"/>
            <xsl:with-param name="indent" select="if ($is-first or $first eq '') then $indent else $indent + $hang" tunnel="yes"/>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each-group>
  </xsl:template>

  <!-- One paragraph of running text, followed by the notes whose marks stand in it. -->
  <xsl:template name="tx:para">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:param name="text" as="xs:string" select="tx:inline($nodes)"/>
    <xsl:param name="first" as="xs:string" select="''"/>
    <xsl:param name="hang" as="xs:integer" select="0"/>
    <xsl:param name="tight" as="xs:boolean" select="false()"/>
    <xsl:param name="underline" as="xs:string" select="''"/>
    <xsl:param name="indent" as="xs:integer" tunnel="yes"/>
    <xsl:if test="normalize-space($text) ne '' or $first ne ''">
      <xsl:variable name="b" select="tx:b($text, $indent, $first, $hang, $tight)"/>
      <xsl:choose>
        <xsl:when test="$underline ne ''">
          <xsl:sequence select="map:put($b, 'underline', $underline)"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:sequence select="$b"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:if>
    <xsl:call-template name="tx:notes-after">
      <xsl:with-param name="nodes" select="$nodes"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Anything without a rule: a container of blocks, or a paragraph. -->
  <xsl:template match="*" mode="tx:block">
    <xsl:param name="tight" as="xs:boolean" select="false()"/>
    <xsl:choose>
      <xsl:when test="some $c in * satisfies tx:is-block($c)">
        <xsl:call-template name="tx:container">
          <xsl:with-param name="nodes" select="node()"/>
          <xsl:with-param name="first-tight" select="$tight"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="tx:para">
          <xsl:with-param name="nodes" select="."/>
          <xsl:with-param name="tight" select="$tight"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A TEI example (egXML): its markup, a line per line, indented. -->
  <xsl:template match="*:egXML" mode="tx:block">
    <xsl:param name="tight" as="xs:boolean" select="false()"/>
    <xsl:for-each select="tokenize(ed:example-markup(.), '\n')[normalize-space()]">
      <xsl:sequence select="tx:b(., 4 + string-length(.) - string-length(replace(., '^\s+', '')), '', 4, position() gt 1 or $tight)"/>
    </xsl:for-each>
  </xsl:template>

  <!-- A written line of a source document (sourceDoc): one line of its own, no blank line
       between the lines of a zone. -->
  <xsl:template match="tei:line" mode="tx:block">
    <xsl:call-template name="tx:para">
      <xsl:with-param name="nodes" select="node()"/>
      <xsl:with-param name="tight" select="exists(preceding-sibling::*[1][self::tei:line])"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A lineated transcription (ed:lineated: EpiDoc's <ab><lb n="1"/>…): each line of the
       source a line of its own, its number in a margin column where one is shown (ed:lb-labels:
       every fifth, and any that is not a plain count); a long line wraps with a hanging indent.
       A word broken across a line end (lb break="no") is printed whole on the line where it
       begins; a line it empties keeps its place, with its number. Whether a block is lineated
       is decided here, once a block: its nodes are read as one string (tx:inline) in which each
       line break is U+FDD3, its id, U+FDD4, cut into lines afterwards. -->
  <xsl:template match="tei:ab[ed:lineated(.)] | tei:p[ed:lineated(.)]" mode="tx:block" priority="1">
    <xsl:param name="tight" as="xs:boolean" select="false()"/>
    <xsl:param name="indent" as="xs:integer" tunnel="yes"/>
    <xsl:choose>
      <xsl:when test="some $c in * satisfies tx:is-block($c)">
        <xsl:next-match><xsl:with-param name="tight" select="$tight"/></xsl:next-match>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="lbs" select="ed:line-breaks(.)"/>
        <xsl:variable name="labels" select="ed:lb-labels($lbs)"/>
        <xsl:variable name="by-id" select="map:merge($lbs ! map{generate-id(.): .})"/>
        <xsl:variable name="parts" as="xs:string*">
          <xsl:apply-templates mode="tx:inline">
            <xsl:with-param name="tx:lines" select="$labels" tunnel="yes"/>
          </xsl:apply-templates>
        </xsl:variable>
        <xsl:variable name="segments" select="tokenize(tx:inline-string(string-join($parts, '')), $tx:line-start)"/>
        <!-- the lines: map{'label': margin number, 'text': text} -->
        <xsl:variable name="lines" as="map(*)*">
          <xsl:iterate select="tail($segments)">
            <!-- the line being made (the text before the first line break: a line without a number) -->
            <xsl:param name="line" as="map(*)" select="map{'label': '', 'text': $segments[1]}"/>
            <!-- lines emptied by the end of a word moved up to the line where it begins -->
            <xsl:param name="emptied" as="map(*)*" select="()"/>
            <xsl:on-completion><xsl:sequence select="$line, $emptied"/></xsl:on-completion>
            <xsl:variable name="id" select="substring-before(., $tx:line-id-end)"/>
            <xsl:variable name="text" select="substring-after(., $tx:line-id-end)"/>
            <xsl:choose>
              <xsl:when test="$by-id($id)/@break = 'no'">
                <xsl:variable name="t" select="replace($text, '^\s+', '')"/>
                <xsl:variable name="word" select="string(tokenize($t, '\s')[1])"/>
                <xsl:variable name="rest" select="substring($t, string-length($word) + 1)"/>
                <xsl:variable name="moved" select="map{'label': $line?label, 'text': replace($line?text, '\s+$', '') || $word}"/>
                <xsl:choose>
                  <xsl:when test="normalize-space($rest) = ''">
                    <xsl:next-iteration>
                      <xsl:with-param name="line" select="$moved"/>
                      <xsl:with-param name="emptied" select="$emptied, map{'label': ($labels($id)[.], normalize-space($by-id($id)/@n))[1], 'text': ''}"/>
                    </xsl:next-iteration>
                  </xsl:when>
                  <xsl:otherwise>
                    <xsl:sequence select="$moved, $emptied"/>
                    <xsl:next-iteration>
                      <xsl:with-param name="line" select="map{'label': $labels($id), 'text': $rest}"/>
                      <xsl:with-param name="emptied" select="()"/>
                    </xsl:next-iteration>
                  </xsl:otherwise>
                </xsl:choose>
              </xsl:when>
              <xsl:otherwise>
                <xsl:sequence select="$line, $emptied"/>
                <xsl:next-iteration>
                  <xsl:with-param name="line" select="map{'label': $labels($id), 'text': $text}"/>
                  <xsl:with-param name="emptied" select="()"/>
                </xsl:next-iteration>
              </xsl:otherwise>
            </xsl:choose>
          </xsl:iterate>
        </xsl:variable>
        <xsl:variable name="kept" select="$lines[?label ne '' or normalize-space(?text) ne '']"/>
        <xsl:variable name="width" select="max((2, $kept ! string-length(?label)))"/>  <!-- (at least two: the same column for the blocks of most documents) -->
        <xsl:for-each select="$kept">
          <xsl:sequence select="tx:b(?text, $indent, tx:spaces($width - string-length(?label)) || ?label || '  ',
              $width + 4, $tight or position() gt 1)"/>
        </xsl:for-each>
        <xsl:call-template name="tx:notes-after">
          <xsl:with-param name="nodes" select="."/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A dictionary sense: its number, then its definition, examples and subsenses. -->
  <xsl:template match="tei:sense[@n]" mode="tx:block">
    <xsl:param name="tight" as="xs:boolean" select="false()"/>
    <xsl:call-template name="tx:container">
      <xsl:with-param name="nodes" select="node()"/>
      <xsl:with-param name="first" select="@n || '. '"/>
      <xsl:with-param name="hang" select="string-length(@n) + 2"/>
      <xsl:with-param name="first-tight" select="$tight"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A speaker turn: the speaker's name, then the words. -->
  <xsl:template match="tei:u" mode="tx:block">
    <xsl:param name="tight" as="xs:boolean" select="false()"/>
    <xsl:variable name="who" select="ed:speakers(.)"/>
    <xsl:call-template name="tx:para">
      <xsl:with-param name="nodes" select="node()"/>
      <xsl:with-param name="first" select="if ($who) then $who || ': ' else ''"/>
      <xsl:with-param name="hang" select="2"/>
      <xsl:with-param name="tight" select="$tight"/>
    </xsl:call-template>
  </xsl:template>
  <xsl:template match="tei:spanGrp | tei:span | tei:timeline | tei:interpGrp | tei:linkGrp" mode="tx:block"/>

  <!-- Deleted or added blocks (a struck-out verse line, an inserted paragraph): each block
       marked as running text marks a deletion or an addition. -->
  <xsl:template match="tei:del[some $c in * satisfies tx:is-block($c)] | tei:add[some $c in * satisfies tx:is-block($c)]"
                mode="tx:block" priority="1">
    <xsl:param name="tight" as="xs:boolean" select="false()"/>
    <xsl:variable name="marks" select="if (self::tei:del) then ('⟦', '⟧') else ('⸢', '⸣')"/>
    <xsl:variable name="blocks" as="map(*)*">
      <xsl:call-template name="tx:container">
        <xsl:with-param name="nodes" select="node()"/>
        <xsl:with-param name="first-tight" select="$tight"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:sequence select="$blocks ! map:put(., 'text', $marks[1] || normalize-space(?text) || $marks[2])"/>
  </xsl:template>

  <!-- fw (running heads, catchwords, signatures) is the page's furniture, not the text: the
       print edition hides it too. -->
  <xsl:template match="tei:teiHeader | tei:facsimile | tei:standOff | tei:fw | tei:listPerson | tei:listPlace | tei:listOrg | tei:listEvent | tei:listNym | tei:listRelation | tei:listObject" mode="tx:block"/>

  <!-- Divisions: the numbered heading, then the content. -->
  <xsl:template match="*[tx:is-section(.)]" mode="tx:block">
    <xsl:param name="part" as="xs:string" tunnel="yes"/>
    <xsl:param name="indent" as="xs:integer" tunnel="yes"/>
    <xsl:variable name="number" select="tx:location(., $part)"/>
    <!-- a page break in the heading: its mark on a line before it (never in the heading or the contents) -->
    <xsl:variable name="pages" select="tei:head[1]//tei:pb[ed:break-shown(.)]"/>
    <xsl:if test="exists($pages)">
      <xsl:sequence select="tx:b(string-join($pages ! (normalize-space(@n)[.] ! ('|' || . || '|'), '|')[1], ' '), $indent, '', 0, false())"/>
    </xsl:if>
    <xsl:call-template name="tx:para">
      <xsl:with-param name="nodes" select="tei:head[1]/node()"/>
      <xsl:with-param name="first" select="$number || '  '"/>
      <xsl:with-param name="hang" select="string-length($number) + 2"/>
      <xsl:with-param name="underline" select="if (contains($number, '.')) then '-' else '='"/>
    </xsl:call-template>
    <xsl:call-template name="tx:container">
      <xsl:with-param name="nodes" select="node() except tei:head[1]"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A division without a head: the editors' label for it in brackets ('[Translation]'), if its
       attributes give one, then the content. -->
  <xsl:template match="tei:div[not(tei:head)][@type or @decls] | tei:div1[not(tei:head)][@type or @decls]
                       | tei:div2[not(tei:head)][@type or @decls] | tei:div3[not(tei:head)][@type or @decls]
                       | tei:div4[not(tei:head)][@type or @decls] | tei:div5[not(tei:head)][@type or @decls]
                       | tei:div6[not(tei:head)][@type or @decls] | tei:div7[not(tei:head)][@type or @decls]" mode="tx:block">
    <xsl:param name="tight" as="xs:boolean" select="false()"/>
    <xsl:param name="indent" as="xs:integer" tunnel="yes"/>
    <xsl:variable name="label" select="ed:div-label(.)"/>
    <!-- one letter among several in the file: its own From/To lines first -->
    <xsl:for-each select="ed:div-corresp-actions(.)">
      <xsl:sequence select="tx:b(ed:corresp-label(.), $indent, ed:corresp-role(.) || ': ', 4, position() gt 1)"/>
    </xsl:for-each>
    <xsl:if test="$label">
      <xsl:call-template name="tx:para">
        <xsl:with-param name="text" select="'[' || $label || ']'"/>
        <xsl:with-param name="tight" select="$tight"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:next-match>
      <xsl:with-param name="tight" select="$tight and not($label)"/>
    </xsl:next-match>
  </xsl:template>

  <!-- Block quotations: indented by four; the attribution follows on a line of its own. -->
  <xsl:template match="tei:cit | tei:quote[not(parent::tei:cit)] | tei:q | tei:said" mode="tx:block">
    <xsl:param name="indent" as="xs:integer" tunnel="yes"/>
    <xsl:call-template name="tx:container">
      <!-- the attribution after the quotation, wherever the source puts it -->
      <xsl:with-param name="nodes" select="if (self::tei:cit) then (node() except (tei:bibl | tei:ref | tei:ptr), tei:bibl | tei:ref | tei:ptr) else node()"/>
      <xsl:with-param name="indent" select="$indent + 4" tunnel="yes"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:cit/tei:bibl | tei:cit/tei:ref | tei:cit/tei:ptr" mode="tx:block">
    <xsl:call-template name="tx:para">
      <xsl:with-param name="nodes" select="."/>
      <xsl:with-param name="first" select="'— '"/>
      <xsl:with-param name="hang" select="2"/>
      <xsl:with-param name="tight" select="true()"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Verse: a stanza is a group of lines with no blank line between them. -->
  <xsl:template match="tei:lg" mode="tx:block">
    <xsl:call-template name="tx:container">
      <xsl:with-param name="nodes" select="node()"/>
      <xsl:with-param name="tight" select="'inner'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A verse line; in a group whose lines are numbered, the number in a margin column where
       the web and print editions show it (ed:line-number: every fifth, and any like '5a'). -->
  <xsl:template match="tei:l" mode="tx:block">
    <xsl:param name="tight" as="xs:boolean" select="false()"/>
    <xsl:variable name="numbered" select="exists(@n) or exists(../tei:l[1][@n])"/>
    <xsl:variable name="label" select="if ($numbered) then ed:line-number(.) else ''"/>
    <xsl:call-template name="tx:para">
      <xsl:with-param name="nodes" select="."/>
      <xsl:with-param name="first" select="if ($numbered) then tx:spaces(4 - string-length($label)) || $label || '  ' else ''"/>
      <xsl:with-param name="hang" select="if ($numbered) then max((4, string-length($label))) + 6 else 4"/>
      <xsl:with-param name="tight" select="$tight or exists(preceding-sibling::*[1][self::tei:l])"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Lists: '- ' or the item's label before each item. -->
  <xsl:template match="tei:list" mode="tx:block">
    <xsl:param name="tight" as="xs:boolean" select="false()"/>
    <xsl:call-template name="tx:container">
      <xsl:with-param name="nodes" select="node() except tei:label[following-sibling::*[1][self::tei:item]]"/>
      <xsl:with-param name="tight" select="'inner'"/>
      <xsl:with-param name="first-tight" select="$tight"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:item" mode="tx:block">
    <xsl:param name="tight" as="xs:boolean" select="false()"/>
    <xsl:variable name="label" select="preceding-sibling::*[1][self::tei:label]"/>
    <!-- a label that is a term, not a number or letter ('Stave I'; in a glossary any, 'Dr.'), is
         set off by a dash, unless the list is numbered by its labels (a), ii., 3) -->
    <xsl:variable name="enumerated" select="every $l in ../tei:label satisfies
        matches(normalize-space($l), '^(\d+|[a-zA-Z]|[ivxlcdmIVXLCDM]+)[.):]?$')"/>
    <xsl:variable name="marker" select="if ($label) then (let $l := normalize-space(tx:inline($label))
        return if (not($enumerated) and not(matches($l, '[:—–]$')) and (../@type = 'gloss'
          or not(matches($l, '[\p{P}]$')) and (contains($l, ' ') or string-length($l) gt 3))) then $l || ' —' else $l) else
        if (@n) then string(@n) else '-'"/>
    <xsl:call-template name="tx:container">
      <xsl:with-param name="nodes" select="node()"/>
      <xsl:with-param name="tight" select="'inner'"/>
      <xsl:with-param name="first" select="$marker || ' '"/>
      <xsl:with-param name="hang" select="if (string-length($marker) le 2) then string-length($marker) + 1 else 4"/>
      <xsl:with-param name="first-tight" select="$tight"/>
    </xsl:call-template>
    <!-- notes of the label -->
    <xsl:call-template name="tx:notes-after">
      <xsl:with-param name="nodes" select="$label"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Tables: one line per row, cells separated by ' ¦ '. -->
  <xsl:template match="tei:table" mode="tx:block">
    <xsl:call-template name="tx:container">
      <xsl:with-param name="nodes" select="node()"/>
      <xsl:with-param name="tight" select="'inner'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:row" mode="tx:block">
    <xsl:param name="tight" as="xs:boolean" select="false()"/>
    <xsl:call-template name="tx:para">
      <xsl:with-param name="nodes" select="."/>
      <xsl:with-param name="text" select="string-join(for $c in node() return
          if ($c/self::tei:cell) then normalize-space(tx:inline($c)) || ' ¦ ' else tx:inline($c), '')
          => replace('\s*¦\s*$', '')"/>
      <xsl:with-param name="hang" select="2"/>
      <xsl:with-param name="tight" select="$tight"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Drama: the speaker, then the speech without a blank line. -->
  <xsl:template match="tei:sp" mode="tx:block">
    <xsl:call-template name="tx:container">
      <xsl:with-param name="nodes" select="node()"/>
      <xsl:with-param name="tight" select="'inner'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Notes standing between blocks (no mark in the text): the note text where it stands. -->
  <xsl:template match="tei:note" mode="tx:block">
    <xsl:if test="not(ed:is-editorial(.) or ed:is-anchored(.))">
      <xsl:apply-templates select="." mode="tx:note"/>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
