<?xml version="1.0" encoding="UTF-8"?>
<!-- The edition header (the teiHeader of edition.xml), unchanged, as a tag file of the deposit. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:output method="xml" indent="no" encoding="UTF-8"/>
  <xsl:mode on-no-match="fail"/>

  <!-- The header keeps the language it inherits from the TEI root (xml:lang). -->
  <xsl:template match="/">
    <xsl:for-each select="*/tei:teiHeader">
      <xsl:copy copy-namespaces="no">
        <xsl:copy-of select="(ancestor-or-self::*/@xml:lang)[last()], @*"/>
        <xsl:copy-of select="node()" copy-namespaces="no"/>
      </xsl:copy>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
