<?xml version="1.0" encoding="UTF-8"?>
<!--
  CITATION.cff (Citation File Format 1.2.0) from the edition header. Applied to the edition
  document (edition.xml). Every string is written as a double-quoted YAML scalar, escaped, so
  no value from the TEI can change the YAML's structure.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-edition:functions"
    xmlns:dep="urn:x-edition:deposit"
    exclude-result-prefixes="#all">

  <xsl:include href="../common/functions.xsl"/>
  <xsl:include href="../common/citation.xsl"/>
  <xsl:include href="yaml.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:mode on-no-match="fail"/>

  <xsl:template match="/">
    <xsl:variable name="doc" select="."/>
    <xsl:variable name="doi" select="ed:edition-doi($doc)"/>
    <xsl:variable name="url" select="ed:edition-url($doc)"/>
    <xsl:variable name="licence-url" select="ed:licence-url($doc)"/>
    <xsl:variable name="spdx" select="ed:spdx-licence($licence-url)"/>
    <xsl:variable name="date" select="ed:edition-date($doc)"/>
    <xsl:variable name="editors" select="ed:edition-editors($doc)"/>
    <xsl:variable name="lines" as="xs:string*">
      <xsl:sequence select="'# Generated from the TEI header of the edition (edition citation); do not edit by hand.'"/>
      <xsl:sequence select="'cff-version: 1.2.0'"/>
      <xsl:sequence select="'message: ' || dep:yaml('If you use this edition, please cite it using these metadata: ' || ed:how-to-cite($doc))"/>
      <xsl:sequence select="'type: dataset'"/>
      <xsl:sequence select="'title: ' || dep:yaml(ed:edition-title($doc))"/>
      <xsl:sequence select="'authors:'"/>
      <xsl:for-each select="$editors[ed:agent-name(.)]">
        <xsl:sequence select="dep:agent(., '  - ')"/>
      </xsl:for-each>
      <xsl:if test="empty($editors[ed:agent-name(.)])">
        <xsl:sequence select="'  - name: ' || dep:yaml((ed:edition-publisher($doc)[.], 'Anonymous')[1])"/>
      </xsl:if>
      <xsl:variable name="contact" select="ed:edition-contact($doc)[ed:agent-name(.)]"/>
      <xsl:if test="$contact">
        <xsl:sequence select="'contact:'"/>
        <xsl:sequence select="dep:agent($contact, '  - ')"/>
        <xsl:if test="ed:edition-email($doc) and matches(ed:edition-email($doc), '^\S+@\S+\.\S{2,}$')">
          <xsl:sequence select="'    email: ' || dep:yaml(ed:edition-email($doc))"/>
        </xsl:if>
      </xsl:if>
      <xsl:if test="ed:edition-version($doc)">
        <xsl:sequence select="'version: ' || dep:yaml(ed:edition-version($doc))"/>
      </xsl:if>
      <xsl:if test="matches($date, '^\d{4}-(0[1-9]|1[012])-(0[1-9]|[12]\d|3[01])$')">
        <xsl:sequence select="'date-released: ' || dep:yaml($date)"/>
      </xsl:if>
      <xsl:if test="$doi">
        <xsl:sequence select="'doi: ' || dep:yaml($doi)"/>
      </xsl:if>
      <xsl:if test="$url">
        <xsl:sequence select="'url: ' || dep:yaml($url)"/>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="$spdx">
          <xsl:sequence select="'license: ' || dep:yaml($spdx)"/>
        </xsl:when>
        <xsl:when test="matches($licence-url, '^(https?|ftp)://\S+$')">
          <xsl:sequence select="'license-url: ' || dep:yaml($licence-url)"/>
        </xsl:when>
      </xsl:choose>
      <xsl:variable name="abstract" select="ed:edition-description($doc)"/>
      <xsl:if test="$abstract">
        <xsl:sequence select="'abstract: ' || dep:yaml($abstract)"/>
      </xsl:if>
      <xsl:variable name="keywords" select="ed:edition-keywords($doc)"/>
      <xsl:if test="exists($keywords)">
        <xsl:sequence select="'keywords:'"/>
        <xsl:sequence select="$keywords ! ('  - ' || dep:yaml(.))"/>
      </xsl:if>
    </xsl:variable>
    <xsl:value-of select="string-join($lines, '&#10;') || '&#10;'"/>
  </xsl:template>

  <!-- A CFF person (given/family names when the TEI name is structured) or entity (name). -->
  <xsl:function name="dep:agent" as="xs:string*">
    <xsl:param name="agent" as="element()"/>
    <xsl:param name="lead" as="xs:string"/>
    <xsl:variable name="family" select="ed:family-names($agent)"/>
    <xsl:variable name="given" select="ed:given-names($agent)"/>
    <xsl:variable name="fields" as="xs:string*" select="
      if ($family and not(ed:agent-is-org($agent)))
      then ('family-names: ' || dep:yaml($family), ('given-names: ' || dep:yaml($given))[$given])
      else 'name: ' || dep:yaml(ed:agent-name($agent))"/>
    <xsl:sequence select="for $i in 1 to count($fields)
      return (if ($i = 1) then $lead else replace($lead, '.', ' ')) || $fields[$i]"/>
  </xsl:function>
</xsl:stylesheet>
