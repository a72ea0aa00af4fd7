<?xml version="1.0" encoding="UTF-8"?>
<!--
  Notes in print. A footnote is a span floated to the foot of the page where its mark
  stands (print.css: float: footnote); the mark and the note's number are the printed
  number (@n, via ed:note-number), carried in data-n and shown by ::footnote-call and
  ::footnote-marker. Endnote references whose notes are not in the source (Text B) print
  as raised numbers, explained once by a starred note on the text's title. Editorial notes
  on an intervention appear in the apparatus, not in the text.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-edition:functions"
    xmlns:pr="urn:x-edition:print"
    exclude-result-prefixes="#all">

  <!-- An endnote reference whose note the source does not give (only a gap inside). -->
  <xsl:function name="pr:is-bare-endnote" as="xs:boolean">
    <xsl:param name="note" as="element(tei:note)"/>
    <xsl:sequence select="($note/@type = 'endnote' or $note/@place = 'end')
      and not($note//text()[normalize-space()]) and not($note/*[not(self::tei:gap)])"/>
  </xsl:function>

  <!-- Editorial notes shown in the apparatus: those pointing at an intervention. -->
  <xsl:function name="pr:is-apparatus-note" as="xs:boolean">
    <xsl:param name="note" as="element(tei:note)"/>
    <xsl:sequence select="ed:is-editorial($note) and (exists($note/parent::tei:app | $note/parent::tei:rdgGrp) or
      exists(for $id in ed:id-from-pointer($note/@target) return
             ed:by-id($id, $note)[self::tei:choice or self::tei:sic or self::tei:corr or self::tei:supplied or self::tei:app]))"/>
  </xsl:function>

  <xsl:template match="tei:note" mode="body">
    <xsl:param name="plain" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:param name="placed" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:variable name="anchored" select="ed:is-anchored(.)"/>
    <xsl:choose>
      <xsl:when test="$plain"/>
      <!-- a note kept apart that points at an anchor: a footnote at the anchor (ed:is-anchored) -->
      <xsl:when test="$anchored and not($placed)"/>
      <xsl:when test="pr:is-bare-endnote(.)">
        <span class="endnote-mark" id="{pr:anchor(.)}"><xsl:value-of select="ed:note-number(.)"/></span>
      </xsl:when>
      <xsl:when test="pr:is-apparatus-note(.)">
        <span class="note-anchor" id="{pr:anchor(.)}"/>
      </xsl:when>
      <!-- A note standing between blocks marks no point in the text: printed where it stands. -->
      <xsl:when test="not(pr:inline(.) or $anchored)">
        <div class="block-note{if (ed:is-editorial(.)) then ' editorial' else ''}" id="{pr:anchor(.)}">
          <xsl:call-template name="pr:lang"/>
          <span class="note-label">
            <xsl:value-of select="if (ed:is-editorial(.)) then 'Editors’ note' else 'Note'"/>
            <xsl:if test="@n"><xsl:text> </xsl:text><xsl:value-of select="@n"/></xsl:if>
            <xsl:text>. </xsl:text>
          </span>
          <xsl:apply-templates mode="body"/>
        </div>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="n" select="if (ed:is-editorial(.) and not(@n)) then '†' else ed:note-number(.)"/>
        <!-- an empty anchor where the mark stands (the note's own id lands in the footnote area) -->
        <span class="footnote-call" id="{pr:anchor(.)}-call"/>
        <span class="footnote{if (ed:is-editorial(.)) then ' editorial' else ''}" id="{pr:anchor(.)}" data-n="{$n}">
          <xsl:call-template name="pr:lang"/>
          <xsl:if test="ed:is-editorial(.)"><span class="note-label">Editors’ note. </span></xsl:if>
          <xsl:apply-templates mode="body"/>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Paragraphs inside a note stay spans (a footnote is one inline box). -->
  <xsl:template match="tei:note//tei:p | tei:note//tei:ab" mode="body" priority="1">
    <!-- (a space between a note's paragraphs, which run on) -->
    <xsl:if test="preceding-sibling::*[1][self::tei:p or self::tei:ab]"><xsl:text> </xsl:text></xsl:if>
    <span class="p inner">
      <xsl:call-template name="pr:id"/>
      <xsl:apply-templates mode="body"/>
    </span>
  </xsl:template>

  <!-- The starred note explaining, once per text, the raised endnote numbers. -->
  <xsl:template name="pr:endnote-explainer">
    <xsl:param name="doc" as="node()"/>
    <xsl:variable name="marks" select="$doc//tei:text//tei:note[pr:is-bare-endnote(.)]"/>
    <xsl:if test="$marks">
      <xsl:variable name="first" select="ed:note-number($marks[1])"/>
      <xsl:variable name="last" select="ed:note-number($marks[last()])"/>
      <span class="footnote explainer" id="{pr:doc-key($doc)}-endnotes" data-n="*">
        <xsl:text>The raised numbers in this text (</xsl:text>
        <xsl:value-of select="if ($first = $last) then $first else $first || '–' || $last"/>
        <xsl:text>) are the reference marks of the source’s endnotes. The endnotes themselves are not part of the excerpt and are not reproduced; the marks are kept so that the text can be collated with the printed original.</xsl:text>
      </span>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
