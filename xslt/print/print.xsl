<?xml version="1.0" encoding="UTF-8"?>
<!--
  The print edition: TEI -> print HTML for CSS paged media (print.css), rendered to PDF by
  WeasyPrint (scripts/edition/formats/pdf.py).

  Entry points
    apply to a TEI document   one text as an offprint (title block, text, apparatus, chronology)
    call template 'edition'   the whole book: half-title, title page, imprint, contents,
                              introduction, the texts, apparatus, chronology, indexes
    call template 'measured-anchors'  the ids of the places the back matter gives pages for
                              (pdf.py measures them and checks that the book's layouts agree)

  Files (one concern each)
    front.xsl       half-title, title page, imprint, contents, PDF metadata (<head>)
    text.xsl        the body of a text: divisions, paragraphs, phrases; the fallback rule
    notes.xsl       footnotes at the foot of the page, endnote marks, editorial notes
    back.xsl        apparatus of interventions, chronology, indexes of persons and places
    print.css       the page: size, margins, running heads, footnote area, typeface
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-edition:functions"
    xmlns:pr="urn:x-edition:print"
    exclude-result-prefixes="#all">

  <xsl:include href="../common/functions.xsl"/>
  <xsl:include href="../common/citation.xsl"/>
  <xsl:include href="front.xsl"/>
  <xsl:include href="text.xsl"/>
  <xsl:include href="notes.xsl"/>
  <xsl:include href="back.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no"/>

  <!-- Build options (BuildOptions.page_size) and the build date (SOURCE_DATE_EPOCH). -->
  <xsl:param name="page-size" as="xs:string" select="'A5'"/>
  <xsl:param name="build-date" as="xs:string" select="''"/>
  <!-- The toolkit that made the PDF, for the imprint and the PDF Creator field. -->
  <xsl:param name="generator" as="xs:string" select="'edition toolkit'"/>
  <!-- The book is laid out twice (scripts/edition/formats/pdf.py). $measure: the first
       layout, which measures where the texts' anchors fall; the back matter's parts are
       only their titles (nothing they print can move the texts). $page-map: what it
       measured, one 'anchor-id page' per line, from which the indexes print each page once,
       merged into ranges (back.xsl). -->
  <xsl:param name="measure" as="xs:boolean" select="false()"/>
  <xsl:param name="page-map" as="xs:string" select="''"/>

  <!-- body: the text of a document (every element has a rule, text.xsl ends in a fallback);
       the tunnel parameter $plain renders the same phrases again (apparatus, chronology,
       contents) without ids, notes or page anchors. pr:text: one text with its title block. -->
  <xsl:mode name="body" on-no-match="fail" on-multiple-match="fail"/>
  <xsl:mode name="pr:text" on-no-match="fail" on-multiple-match="fail"/>

  <!-- A size WeasyPrint understands, or a build error (the value lands in CSS). -->
  <xsl:variable name="pr:page-size" as="xs:string">
    <xsl:variable name="s" select="normalize-space($page-size)"/>
    <xsl:choose>
      <xsl:when test="matches($s, '^((A[0-9]|A10|B[0-9]|B10|C[0-9]|C10|JIS-B[0-9]|letter|legal|ledger)( +(portrait|landscape))?|[0-9]+(\.[0-9]+)?(mm|cm|in|pt) +[0-9]+(\.[0-9]+)?(mm|cm|in|pt))$', 'i')">
        <xsl:sequence select="$s"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:message terminate="yes" error-code="pr:page-size">page size '<xsl:value-of select="$s"/>' not understood: give a name (A5, A4, B5, letter...) or 'WIDTH HEIGHT' (e.g. '140mm 216mm')</xsl:message>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <!-- The texts in the edition's order: as its sources list them (bibl/@corresp), the rest after. -->
  <xsl:variable name="pr:texts" as="document-node()*">
    <xsl:variable name="order" select="$edition/*/tei:teiHeader//tei:sourceDesc//tei:bibl/@corresp ! ed:id-from-pointer(.)"/>
    <xsl:perform-sort select="$texts">
      <xsl:sort select="(index-of($order, string(*/@xml:id)), 1000000)[1]"/>
    </xsl:perform-sort>
  </xsl:variable>

  <!-- A document's key: its root xml:id when no other text has it, else its position. -->
  <xsl:function name="pr:doc-key" as="xs:string">
    <xsl:param name="node" as="node()"/>
    <xsl:variable name="root" select="root($node)"/>
    <xsl:variable name="id" select="string($root/*/@xml:id)"/>
    <xsl:variable name="pos" select="(for $i in 1 to count($texts) return $i[$texts[$i] is $root])[1]"/>
    <xsl:sequence select="if ($id and count($texts[*/@xml:id = $id]) le 1) then $id
                          else 'doc' || ($pos, 0)[1]"/>
  </xsl:function>

  <!-- The HTML id of an element: its xml:id when unique in the edition (the convention),
       else one made from the document's key and the node's place in its tree (generate-id
       without Saxon's per-process document number, so the PDF is the same in every run). -->
  <xsl:function name="pr:anchor" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <xsl:variable name="id" select="string($el/@xml:id)"/>
    <xsl:sequence select="if ($id and count(($edition, $texts) ! key('ed:id', $id, .)) le 1) then $id
      else pr:doc-key($el) || '-' || replace(generate-id($el), '^d\d+', '')"/>
  </xsl:function>

  <!-- The book's language: the document's, else English (the language of its own labels).
       A text's article carries ed:declared-lang: '' when undeclared, so nothing is hyphenated
       by a language's rules that the source does not state. -->
  <xsl:function name="pr:lang" as="xs:string">
    <xsl:param name="doc" as="node()"/>
    <xsl:sequence select="(ed:declared-lang($doc)[.], 'en')[1]"/>
  </xsl:function>

  <!-- The anchors the book's back matter gives pages for (one id a line): what pdf.py
       measures, and what the book's layouts must agree on. -->
  <xsl:template name="measured-anchors">
    <xsl:value-of select="distinct-values(pr:measured-targets(($edition, $pr:texts)) ! pr:anchor(.))" separator="&#10;"/>
  </xsl:template>

  <!-- One text, as an offprint. -->
  <xsl:template match="/">
    <xsl:variable name="doc" select="."/>
    <html lang="{pr:lang(.)}">
      <xsl:call-template name="pr:head">
        <xsl:with-param name="title" select="pr:title($doc)"/>
        <xsl:with-param name="authors" select="pr:authors($doc)"/>
        <xsl:with-param name="description" select="pr:subtitle($doc)"/>
      </xsl:call-template>
      <body class="offprint">
        <xsl:apply-templates select="$doc" mode="pr:text">
          <xsl:with-param name="offprint" select="true()"/>
        </xsl:apply-templates>
        <xsl:call-template name="pr:back">
          <xsl:with-param name="scope" select="$doc"/>
          <xsl:with-param name="indexes" select="false()"/>
        </xsl:call-template>
      </body>
    </html>
  </xsl:template>

  <!-- The whole edition as one book. -->
  <xsl:template name="edition">
    <xsl:variable name="scope" select="($edition, $pr:texts)"/>
    <html lang="{if ($edition) then pr:lang($edition) else if ($texts) then pr:lang($texts[1]) else 'en'}">
      <xsl:call-template name="pr:head">
        <xsl:with-param name="title" select="pr:edition-title()"/>
        <xsl:with-param name="authors" select="pr:edition-editors()"/>
        <xsl:with-param name="description" select="pr:edition-subtitle()"/>
      </xsl:call-template>
      <body class="book">
        <xsl:call-template name="pr:front-matter"/>
        <xsl:if test="$edition//tei:text[.//text()[normalize-space()]]">
          <section class="front-text" id="front-text">
            <xsl:apply-templates select="$edition//tei:text" mode="body"/>
          </section>
        </xsl:if>
        <xsl:call-template name="pr:principles"/>
        <xsl:for-each select="$pr:texts">
          <xsl:apply-templates select="." mode="pr:text">
            <xsl:with-param name="offprint" select="false()"/>
          </xsl:apply-templates>
        </xsl:for-each>
        <xsl:call-template name="pr:back">
          <xsl:with-param name="scope" select="$scope"/>
        </xsl:call-template>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
