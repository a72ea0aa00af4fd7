<?xml version="1.0" encoding="UTF-8"?>
<!--
  The bag-info.txt fields (BagIt, RFC 8493 section 2.2.2) from the edition header, as a JSON
  object {label: [values]} that deposit.py hands to the bagit library. Applied to the edition
  document. $bagging-date (YYYY-MM-DD) comes from SOURCE_DATE_EPOCH or today; the
  Payload-Oxum is counted by bagit. Empty values are left out.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-edition:functions"
    exclude-result-prefixes="#all">

  <xsl:include href="../common/functions.xsl"/>
  <xsl:include href="../common/citation.xsl"/>

  <xsl:param name="bagging-date" as="xs:string" required="yes"/>
  <xsl:param name="software-agent" as="xs:string" select="''"/>

  <xsl:output method="json" indent="yes" encoding="UTF-8"/>
  <xsl:mode on-no-match="fail"/>

  <xsl:template match="/">
    <xsl:variable name="doc" select="."/>
    <xsl:variable name="contact" select="ed:edition-contact($doc)"/>
    <xsl:variable name="identifier" select="ed:edition-identifier($doc)"/>
    <xsl:variable name="fields" as="map(xs:string, xs:string*)*" select="
      map { 'Source-Organization': ed:edition-publisher($doc) },
      map { 'Organization-Address': ed:edition-place($doc) },
      map { 'Contact-Name': if ($contact) then ed:agent-name($contact) else '' },
      map { 'Contact-Email': ed:edition-email($doc) },
      map { 'External-Description': string-join((ed:edition-title($doc), ed:edition-description($doc))
                                    => distinct-values(), '. ') },
      map { 'External-Identifier': $identifier },
      map { 'Bag-Group-Identifier': (ed:edition-series($doc)[.], $identifier)[1] },
      map { 'Bagging-Date': $bagging-date },
      map { 'Bag-Software-Agent': $software-agent },
      map { 'Edition-Version': ed:edition-version($doc) },
      map { 'Edition-Citation': ed:how-to-cite($doc) }"/>
    <xsl:sequence select="map:merge(for $f in $fields, $k in map:keys($f)
                                    return map:entry($k, array { $f($k)[normalize-space(.)] }))
                          => map:remove(for $f in $fields, $k in map:keys($f)
                                        return $k[empty($f($k)[normalize-space(.)])])"
                  xmlns:map="http://www.w3.org/2005/xpath-functions/map"/>
  </xsl:template>
</xsl:stylesheet>
