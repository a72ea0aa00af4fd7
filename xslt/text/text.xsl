<?xml version="1.0" encoding="UTF-8"?>
<!--
  The plain-text scholarly edition (issue 7). Entry points:
    match="/"            one document: <text-id>.txt (title block, text, notes, apparatus,
                         appendices for what the document mentions)
    name="edition"       edition.txt: the edition header's title block, the introduction,
                         every text as a numbered part, the apparatus, the appendices
  Parameters: $width (xs:integer, line width) and the standard $registers, $edition, $texts.

  The stylesheets build a sequence of blocks (maps made by tx:b and tx:heading: blocks.xsl,
  notes.xsl, apparatus.xsl, appendices.xsl, titleblock.xsl) that wrap.xsl lays out as lines.

  Speed: every step is linear in the size of the documents (no preceding-axis counts, no
  per-node scans of the document or of $texts): section numbers come from an accumulator
  (blocks.xsl), note numbers and ids from the keys of common/functions.xsl, apparatus
  spacing from each entry's place in the list, mentions from a key; lines are cut one at a
  time, not one token at a time (wrap.xsl).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-edition:functions"
    xmlns:tx="urn:x-edition:text"
    exclude-result-prefixes="#all">

  <xsl:include href="../common/functions.xsl"/>
  <xsl:include href="../common/citation.xsl"/>
  <xsl:include href="wrap.xsl"/>
  <xsl:include href="inline.xsl"/>
  <xsl:include href="blocks.xsl"/>
  <xsl:include href="notes.xsl"/>
  <xsl:include href="apparatus.xsl"/>
  <xsl:include href="appendices.xsl"/>
  <xsl:include href="titleblock.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>
  <!-- use-accumulators: section numbers (blocks.xsl) on the document transformed -->
  <xsl:mode on-no-match="shallow-skip" use-accumulators="#all"/>

  <xsl:param name="width" as="xs:integer" select="72"/>

  <!-- Whether the text holds Chinese or Japanese (the documents transformed: this one, or all
       for the edition): only then are runs checked for it (see tx:inline, tx:wrap). -->
  <xsl:variable name="tx:cjk" as="xs:boolean">
    <xsl:variable name="docs" as="document-node()*">
      <xsl:try select="root(.)"><xsl:catch select="$texts"/></xsl:try>  <!-- no context document: the edition -->
    </xsl:variable>
    <xsl:sequence select="some $d in $docs satisfies ed:has-cjk($d)"/>
  </xsl:variable>

  <!-- One document. -->
  <xsl:template match="/">
    <xsl:variable name="doc" select="."/>
    <xsl:variable name="parts" select="map{generate-id(.): ''}"/>
    <xsl:variable name="blocks" as="map(*)*">
      <xsl:call-template name="tx:title-block">
        <xsl:with-param name="header" select="(*/tei:teiHeader)[1]"/>
        <xsl:with-param name="fallback" select="$edition/*/tei:teiHeader"/>
        <xsl:with-param name="title" select="tx:part-title(.)"/>
        <xsl:with-param name="scope" select="$doc"/>
        <xsl:with-param name="parts" select="$parts"/>
      </xsl:call-template>
      <xsl:call-template name="tx:text-body">
        <xsl:with-param name="doc" select="$doc"/>
        <xsl:with-param name="part" select="''" tunnel="yes"/>
      </xsl:call-template>
      <xsl:call-template name="tx:apparatus">
        <xsl:with-param name="doc" select="$doc"/>
        <xsl:with-param name="title" select="'Apparatus of editorial interventions'"/>
        <xsl:with-param name="underline" select="'='"/>
        <xsl:with-param name="part" select="''" tunnel="yes"/>
      </xsl:call-template>
      <xsl:call-template name="tx:appendices">
        <xsl:with-param name="scope" select="$doc"/>
        <xsl:with-param name="parts" select="$parts"/>
        <xsl:with-param name="all" select="false()"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:value-of select="tx:layout($blocks, $width)"/>
  </xsl:template>

  <!-- The reading text of a document (every top-level text, also in a teiCorpus), then its
       endnotes. -->
  <xsl:template name="tx:text-body">
    <xsl:param name="doc" as="document-node()"/>
    <!-- (a document transcribed only as sourceDoc: its surfaces, zones and lines) -->
    <xsl:apply-templates select="$doc//tei:text[not(ancestor::tei:text)], $doc/tei:TEI[not(.//tei:text)]/tei:sourceDoc" mode="tx:block">
      <xsl:with-param name="indent" select="0" tunnel="yes"/>
    </xsl:apply-templates>
    <xsl:call-template name="tx:endnotes">
      <xsl:with-param name="doc" select="$doc"/>
      <xsl:with-param name="indent" select="0" tunnel="yes"/>
    </xsl:call-template>
  </xsl:template>

  <!-- The whole edition. -->
  <!-- The texts in the order the edition header lists their sources (sourceDesc bibl/@corresp),
       the others after them in the order given. -->
  <xsl:function name="tx:ordered-texts" as="document-node()*">
    <xsl:variable name="listed" select="$edition/*/tei:teiHeader/tei:fileDesc/tei:sourceDesc//@corresp ! ed:id-from-pointer(.)"/>
    <xsl:sequence select="for $id in $listed return $texts[*/@xml:id = $id][1],
        $texts[not(*/@xml:id = $listed)]"/>
  </xsl:function>

  <xsl:template name="edition">
    <xsl:variable name="texts" select="tx:ordered-texts()"/>
    <xsl:variable name="intro" select="$edition[normalize-space(string(*/tei:text)) ne '']"/>
    <xsl:variable name="parts" select="map:merge((
        $intro ! map{generate-id(.): '0'},
        for $i in 1 to count($texts) return map{generate-id($texts[$i]): string($i)}))"
        xmlns:map="http://www.w3.org/2005/xpath-functions/map"/>
    <xsl:variable name="title" select="if ($edition) then tx:part-title($edition)
        else if (count($texts) = 1) then tx:part-title($texts) else 'Edition'"/>
    <xsl:variable name="blocks" as="map(*)*">
      <xsl:call-template name="tx:title-block">
        <xsl:with-param name="header" select="($edition, $texts[count($texts) = 1])[1]/*/tei:teiHeader"/>
        <xsl:with-param name="fallback" select="()"/>
        <xsl:with-param name="title" select="$title"/>
        <xsl:with-param name="scope" select="($intro, $texts)"/>
        <xsl:with-param name="parts" select="$parts"/>
      </xsl:call-template>
      <xsl:for-each select="($intro, $texts)">
        <xsl:variable name="part" select="$parts(generate-id(.))"/>
        <xsl:if test="not(. is $intro)">
          <xsl:sequence select="tx:b(tx:part-title(.), 0, $part || '  ', string-length($part) + 2, false())"/>
          <xsl:sequence select="tx:b(string-join(for $i in 1 to min(($width, 72)) return '=', ''), 0, '', 0, true())"/>
        </xsl:if>
        <xsl:for-each select="(if (. is $intro) then () else */tei:teiHeader/tei:fileDesc/tei:sourceDesc)/*/descendant-or-self::*[
            self::tei:bibl or self::tei:biblStruct or self::tei:biblFull or self::tei:msDesc or self::tei:p][not(ancestor::*[
            self::tei:bibl or self::tei:biblStruct or self::tei:biblFull or self::tei:msDesc or self::tei:p])]">
          <xsl:sequence select="tx:b(tx:bibl-text(.), 0, 'Source: ', 4, false())"/>
          <xsl:for-each select="(@cert, .//@cert)[1]">
            <xsl:sequence select="tx:b('attributed by the editors, certainty: ' || . || '.', 4, '', 0, true())"/>
          </xsl:for-each>
        </xsl:for-each>
        <xsl:call-template name="tx:text-body">
          <xsl:with-param name="doc" select="."/>
          <xsl:with-param name="part" select="$part" tunnel="yes"/>
        </xsl:call-template>
      </xsl:for-each>
      <xsl:if test="exists($texts)">
        <xsl:sequence select="tx:heading('Apparatus of editorial interventions', '=')"/>
        <xsl:for-each select="($intro[exists(tx:apparatus-items(.))], $texts)">
          <xsl:call-template name="tx:apparatus">
            <xsl:with-param name="doc" select="."/>
            <xsl:with-param name="title" select="$parts(generate-id(.)) || ' ' || (if (. is $intro) then 'Introduction' else tx:part-title(.))"/>
            <xsl:with-param name="underline" select="'-'"/>
            <xsl:with-param name="part" select="$parts(generate-id(.))" tunnel="yes"/>
          </xsl:call-template>
        </xsl:for-each>
      </xsl:if>
      <xsl:call-template name="tx:appendices">
        <xsl:with-param name="scope" select="($intro, $texts)"/>
        <xsl:with-param name="parts" select="$parts"/>
        <xsl:with-param name="all" select="true()"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:value-of select="tx:layout($blocks, $width)"/>
  </xsl:template>
</xsl:stylesheet>
