<?xml version="1.0" encoding="UTF-8"?>
<!-- Names and titles linked to their register entries; ref and ptr links. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-edition:functions"
    xmlns:h="urn:x-edition:html"
    exclude-result-prefixes="#all">

  <xsl:template match="tei:persName | tei:placeName | tei:orgName | tei:name | tei:rs | tei:title
                       | tei:geogName | tei:roleName" mode="text">
    <xsl:param name="in-link" tunnel="yes" as="xs:boolean" select="false()"/>
    <xsl:param name="page" tunnel="yes" as="node()?" select="()"/>
    <xsl:variable name="entry" select="if (@ref) then ed:entry(.) else ()"/>
    <xsl:variable name="href" select="if ($in-link or .//tei:note or ancestor::tei:teiHeader) then ()
        else if ($entry) then h:href($entry, $page)
        else if (@ref) then ed:safe-url(tokenize(normalize-space(@ref), ' ')[1])[matches(., '^(https?|mailto):')]
        else ()"/>
    <xsl:variable name="kind" select="if ($entry) then ed:entry-kind($entry) else ()"/>
    <xsl:variable name="tag" select="if ($href) then 'a' else if (self::tei:title) then 'cite' else 'span'"/>
    <xsl:element name="{$tag}">
      <xsl:if test="$href"><xsl:attribute name="href" select="$href"/></xsl:if>
      <xsl:call-template name="h:attrs">
        <xsl:with-param name="class" select="string-join(('name'[$href], $kind ! ('kind-' || .), if (self::tei:title) then 'work-title' else (),
                                              if (@level) then 'level-' || replace(@level, '\W', '') else ()), ' ')"/>
      </xsl:call-template>
      <xsl:apply-templates mode="text">
        <xsl:with-param name="inline" select="true()" tunnel="yes"/>
        <xsl:with-param name="in-link" select="$in-link or exists($href)" tunnel="yes"/>
      </xsl:apply-templates>
    </xsl:element>
  </xsl:template>

  <!-- ref/ptr: '#id' to wherever that id is shown; URLs through ed:safe-url. -->
  <!-- a pointer that calls a note kept apart (standOff, the back): the note, here -->
  <xsl:template match="tei:ptr[@target][ed:notes-at(.)] | tei:ref[@target][not(node())][ed:notes-at(.)]" mode="text" priority="1">
    <xsl:apply-templates select="ed:notes-at(.)" mode="text">
      <xsl:with-param name="placed" select="true()" tunnel="yes"/>
    </xsl:apply-templates>
  </xsl:template>

  <!-- an empty canonical reference (ref cRef="Ps 115:3"): the reference, in parentheses -->
  <xsl:template match="tei:ref[@cRef][not(@target)][not(node())] | tei:ptr[@cRef][not(@target)]" mode="text" priority="1">
    <span><xsl:call-template name="h:attrs"/> (<xsl:value-of select="normalize-space(@cRef)"/>)</span>
  </xsl:template>

  <xsl:template match="tei:ref | tei:ptr" mode="text">
    <xsl:param name="in-link" tunnel="yes" as="xs:boolean" select="false()"/>
    <xsl:param name="page" tunnel="yes" as="node()?" select="()"/>
    <xsl:variable name="target" select="tokenize(normalize-space(@target), ' ')[1]"/>
    <xsl:variable name="href" select="if ($in-link or .//tei:note or not($target)) then ()
        else if (contains($target, '#') and not(matches($target, '^[a-z]+:', 'i')))
          then h:href(ed:by-id(ed:id-from-pointer($target)[1], .), $page)
        else ed:safe-url($target)[matches(., '^(https?|mailto):')]"/>
    <xsl:element name="{if ($href) then 'a' else 'span'}">
      <xsl:if test="$href"><xsl:attribute name="href" select="$href"/></xsl:if>
      <xsl:call-template name="h:attrs"/>
      <xsl:apply-templates mode="text">
        <xsl:with-param name="inline" select="true()" tunnel="yes"/>
        <xsl:with-param name="in-link" select="$in-link or exists($href)" tunnel="yes"/>
      </xsl:apply-templates>
      <xsl:variable name="cited" select="ed:cited-note(.)"/>
      <xsl:if test="$cited and @type = 'note'"><sup class="note-again"><xsl:value-of select="ed:note-number($cited)"/></sup></xsl:if>
      <xsl:if test="$cited and not(@type = 'note')"><span class="gen">note <xsl:value-of select="ed:note-number($cited)"/></span></xsl:if>
      <xsl:if test="self::tei:ptr and not($cited)"><span class="gen"><xsl:value-of select="$target"/></span></xsl:if>
    </xsl:element>
  </xsl:template>
</xsl:stylesheet>
