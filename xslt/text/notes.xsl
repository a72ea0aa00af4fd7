<?xml version="1.0" encoding="UTF-8"?>
<!--
  Notes. The mark [n] stands where the note is anchored (inline.xsl); the note's text is
  printed once, as its own block:
    footnotes (and notes of any other kind)  after the paragraph in which the mark stands
    endnotes with text (@place="end", @type="endnote")  in "Notes" at the end of the text
    notes with no text (the endnotes not in the excerpt: <note><gap/></note>)  mark only;
                                                 the title block explains them once
    editorial notes (@type="editorial" or @target)  in the apparatus (apparatus.xsl)
    notes kept apart that point at an anchor (ed:is-anchored)  as if they stood at the anchor
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-edition:functions"
    xmlns:tx="urn:x-edition:text"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    exclude-result-prefixes="#all">

  <xsl:mode name="tx:note" on-no-match="shallow-skip" on-multiple-match="fail"/>

  <!-- editorial | missing | end | foot -->
  <xsl:function name="tx:note-kind" as="xs:string">
    <xsl:param name="note" as="element(tei:note)"/>
    <xsl:sequence select="
      if (ed:is-editorial($note)) then 'editorial'
      else if (normalize-space(string($note)) = '') then 'missing'
      else if ($note/@place = 'end' or $note/@type = 'endnote') then 'end'
      else 'foot'"/>
  </xsl:function>

  <xsl:function name="tx:note-mark" as="xs:string">
    <xsl:param name="note" as="element(tei:note)"/>
    <!-- (a number the source already brackets, n="[1]", is not bracketed again) -->
    <xsl:sequence select="let $n := normalize-space(ed:note-number($note))
        return if (matches($n, '^\[.*\]$')) then $n else '[' || $n || ']'"/>
  </xsl:function>

  <!-- The footnotes whose marks stand in these nodes (not those inside another of them). -->
  <xsl:template name="tx:notes-after">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:variable name="notes" select="$nodes/descendant-or-self::tei:note"/>
    <!-- in the order of their marks: a note where it stands, a note kept apart at its anchor -->
    <xsl:variable name="marks" select="$nodes/descendant-or-self::*[self::tei:note or self::tei:anchor[@xml:id]
        or self::tei:ptr[@target] or self::tei:ref[@target][not(node())]]"/>
    <xsl:apply-templates mode="tx:note" select="for $m in $marks return
        if (not($m/self::tei:note)) then ed:notes-at($m)[tx:note-kind(.) = 'foot']
        else $m[tx:note-kind(.) = 'foot'][not(ancestor::tei:note intersect $notes)][not(ed:is-anchored(.))]"/>
  </xsl:template>

  <!-- A note's text: '[4] ' and the content, continuation lines hanging under it. -->
  <xsl:template match="tei:note" mode="tx:note">
    <xsl:param name="indent" as="xs:integer" tunnel="yes"/>
    <xsl:variable name="mark" select="tx:note-mark(.)"/>
    <xsl:variable name="hang" select="string-length($mark) + 1"/>
    <xsl:variable name="blocks" as="map(*)*">
      <xsl:choose>
        <!-- a note made of paragraphs: the mark opens the first, the others hang under it -->
        <xsl:when test="* and empty(*[not(self::tei:p or self::tei:ab)]) and not(text()[normalize-space()])">
          <xsl:for-each select="*">
            <xsl:call-template name="tx:para">
              <xsl:with-param name="nodes" select="node()"/>
              <xsl:with-param name="first" select="if (position() = 1) then $mark || ' ' else ''"/>
              <xsl:with-param name="hang" select="if (position() = 1) then $hang else 0"/>
              <xsl:with-param name="indent" select="if (position() = 1) then $indent else $indent + $hang" tunnel="yes"/>
            </xsl:call-template>
          </xsl:for-each>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="tx:container">
            <xsl:with-param name="nodes" select="node()"/>
            <xsl:with-param name="first" select="$mark || ' '"/>
            <xsl:with-param name="hang" select="$hang"/>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <!-- marked as a note: what follows a note is set off by a blank line -->
    <xsl:sequence select="$blocks ! map:put(., 'note', true())"/>
  </xsl:template>

  <!-- The endnotes with text of one document, at its end. -->
  <xsl:template name="tx:endnotes">
    <xsl:param name="doc" as="node()"/>
    <xsl:variable name="notes" select="root($doc)//tei:text//tei:note[tx:note-kind(.) = 'end']"/>
    <xsl:if test="exists($notes)">
      <xsl:sequence select="tx:heading('Notes', '-')"/>
      <xsl:apply-templates mode="tx:note" select="$notes[not(ancestor::tei:note intersect $notes)]"/>
    </xsl:if>
  </xsl:template>

  <!-- An unnumbered heading block. -->
  <xsl:function name="tx:heading" as="map(*)">
    <xsl:param name="title" as="xs:string"/>
    <xsl:param name="underline" as="xs:string"/>
    <xsl:sequence select="map{'text': $title, 'indent': 0, 'first': '', 'hang': 0, 'tight': false(), 'underline': $underline}"/>
  </xsl:function>
</xsl:stylesheet>
