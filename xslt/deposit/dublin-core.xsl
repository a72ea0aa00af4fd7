<?xml version="1.0" encoding="UTF-8"?>
<!--
  A Dublin Core record (OAI-PMH oai_dc) of the edition, from its TEI header. Applied to the
  edition document; written into the deposit as metadata/dublin-core.xml.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-edition:functions"
    xmlns:dep="urn:x-edition:deposit"
    xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    exclude-result-prefixes="xs tei ed dep">

  <xsl:include href="../common/functions.xsl"/>
  <xsl:include href="../common/citation.xsl"/>

  <xsl:output method="xml" indent="yes" encoding="UTF-8"/>
  <xsl:mode on-no-match="fail"/>

  <xsl:template match="/">
    <xsl:variable name="doc" select="."/>
    <xsl:variable name="ps" select="ed:header($doc)/tei:fileDesc/tei:publicationStmt"/>
    <oai_dc:dc xsi:schemaLocation="http://www.openarchives.org/OAI/2.0/oai_dc/ http://www.openarchives.org/OAI/2.0/oai_dc.xsd">
      <dc:title><xsl:value-of select="ed:edition-title($doc)"/></dc:title>
      <xsl:for-each select="ed:edition-editors($doc)[ed:agent-name(.)]">
        <!-- the editors make the edition; the source texts' authors are its sources -->
        <dc:creator><xsl:value-of select="dep:dc-name(.)"/></dc:creator>
      </xsl:for-each>
      <xsl:for-each select="distinct-values(ed:header($doc)/tei:fileDesc/tei:titleStmt/tei:respStmt/(tei:persName, tei:name, tei:orgName) ! ed:agent-name(.)[.])
                            [not(. = ed:edition-editors($doc) ! ed:agent-name(.))]">
        <dc:contributor><xsl:value-of select="."/></dc:contributor>
      </xsl:for-each>
      <xsl:for-each select="ed:edition-keywords($doc)">
        <dc:subject><xsl:value-of select="."/></dc:subject>
      </xsl:for-each>
      <dc:description><xsl:value-of select="ed:edition-description($doc)"/></dc:description>
      <xsl:for-each select="ed:edition-publisher($doc)[.]">
        <dc:publisher><xsl:value-of select="."/></dc:publisher>
      </xsl:for-each>
      <xsl:for-each select="ed:edition-date($doc)[.]">
        <dc:date><xsl:value-of select="."/></dc:date>
      </xsl:for-each>
      <dc:type>Text</dc:type>
      <dc:type>Dataset</dc:type>
      <dc:format>application/tei+xml</dc:format>
      <xsl:for-each select="distinct-values((ed:edition-identifier($doc)[.], ed:edition-url($doc)[.],
                            ed:edition-doi($doc)[.] ! ('doi:' || .)))">
        <dc:identifier><xsl:value-of select="."/></dc:identifier>
      </xsl:for-each>
      <xsl:for-each select="ed:edition-sources($doc)">
        <dc:source><xsl:value-of select="."/></dc:source>
      </xsl:for-each>
      <xsl:for-each select="ed:edition-languages($doc)">
        <dc:language><xsl:value-of select="."/></dc:language>
      </xsl:for-each>
      <xsl:for-each select="ed:edition-series($doc)[.]">
        <dc:relation><xsl:value-of select="."/></dc:relation>
      </xsl:for-each>
      <xsl:for-each select="(ed:licence-url($doc)[.], ed:rights($doc))">
        <dc:rights><xsl:value-of select="."/></dc:rights>
      </xsl:for-each>
    </oai_dc:dc>
  </xsl:template>

  <!-- 'Surname, Forename' (the Dublin Core convention for personal names), else the name as given. -->
  <xsl:function name="dep:dc-name" as="xs:string">
    <xsl:param name="agent" as="element()"/>
    <xsl:sequence select="if (ed:family-names($agent) and ed:given-names($agent))
      then ed:family-names($agent) || ', ' || ed:given-names($agent) else ed:agent-name($agent)"/>
  </xsl:function>
</xsl:stylesheet>
