<?xml version="1.0" encoding="UTF-8"?>
<!-- The page shell every page shares: head (meta, JSON-LD), site header and navigation,
     the reading switch, the footer. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-edition:functions"
    xmlns:h="urn:x-edition:html"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:array="http://www.w3.org/2005/xpath-functions/array"
    exclude-result-prefixes="#all">

  <!-- $current: 'index' | a text id | 'person' | 'place' | 'org' | 'work' | 'apparatus' -->
  <xsl:template name="h:page">
    <xsl:param name="title" as="xs:string"/>
    <xsl:param name="lang" as="xs:string" select="h:lang($edition)"/>
    <xsl:param name="description" as="xs:string" select="$title"/>
    <xsl:param name="json-ld" as="map(*)?" select="()"/>
    <xsl:param name="current" as="xs:string" select="''"/>
    <xsl:param name="canonical" as="xs:string?" select="()"/>
    <xsl:param name="content" as="node()*"/>
    <xsl:param name="assets" as="xs:string*" select="()"/>  <!-- page-specific assets/*.css|js -->
    <html lang="{$lang}">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="if ($current = 'index') then $title else $title || ' · ' || h:site-title()"/></title>
        <meta name="description" content="{$description}"/>
        <meta name="generator" content="edition (TEI P5, XSLT 3.0)"/>
        <xsl:for-each select="h:names(h:editors($edition))">
          <meta name="author" content="{.}"/>
        </xsl:for-each>
        <xsl:if test="$base-url and $canonical">
          <link rel="canonical" href="{h:url($canonical)}"/>
        </xsl:if>
        <meta property="og:title" content="{$title}"/>
        <meta property="og:type" content="{if ($current = 'index') then 'website' else 'article'}"/>
        <link rel="stylesheet" href="assets/edition.css"/>
        <link rel="stylesheet" href="assets/print.css" media="print"/>
        <script src="assets/edition.js" defer="defer"></script>
        <xsl:call-template name="h:page-assets"><xsl:with-param name="assets" select="$assets"/></xsl:call-template>
        <xsl:if test="exists($json-ld)">
          <script type="application/ld+json">
            <xsl:value-of select="replace(serialize($json-ld, map{'method': 'json'}), '&lt;', '\\u003c')"/>
          </script>
        </xsl:if>
      </head>
      <body>
        <a class="skip" href="#main">Skip to the text</a>
        <header class="site">
          <a class="site-title" href="index.html"><xsl:value-of select="h:site-title()"/></a>
          <nav aria-label="Edition">
            <ul>
              <li><xsl:call-template name="h:nav-link"><xsl:with-param name="href" select="'index.html'"/>
                <xsl:with-param name="label" select="'Contents'"/><xsl:with-param name="here" select="$current = 'index'"/></xsl:call-template></li>
              <xsl:if test="count($texts) le 6">
                <xsl:for-each select="h:texts-in-order()">
                  <li><xsl:call-template name="h:nav-link"><xsl:with-param name="href" select="h:text-page(.)"/>
                    <xsl:with-param name="label" select="ed:doc-title(.)"/><xsl:with-param name="here" select="$current = h:text-id(.)"/></xsl:call-template></li>
                </xsl:for-each>
              </xsl:if>
              <xsl:for-each select="h:register-kinds()">
                <li><xsl:call-template name="h:nav-link"><xsl:with-param name="href" select="h:register-page(.)"/>
                  <xsl:with-param name="label" select="h:register-title(.)"/><xsl:with-param name="here" select="$current = ."/></xsl:call-template></li>
              </xsl:for-each>
              <xsl:if test="h:has-apparatus()">
                <li><xsl:call-template name="h:nav-link"><xsl:with-param name="href" select="'apparatus.html'"/>
                  <xsl:with-param name="label" select="'Apparatus'"/><xsl:with-param name="here" select="$current = 'apparatus'"/></xsl:call-template></li>
              </xsl:if>
              <xsl:call-template name="h:nav-views"><xsl:with-param name="current" select="$current"/></xsl:call-template>
            </ul>
          </nav>
        </header>
        <main id="main">
          <xsl:call-template name="h:search-attributes"><xsl:with-param name="current" select="$current"/></xsl:call-template>
          <xsl:sequence select="$content"/>
        </main>
        <footer class="site">
          <xsl:variable name="licence" select="$edition/*/tei:teiHeader/tei:fileDesc/tei:publicationStmt/tei:availability/tei:licence[1]"/>
          <p>
            <xsl:value-of select="h:site-title()"/>
            <xsl:if test="exists(h:editors($edition))">, edited by <xsl:value-of select="ed:join-names(h:names(h:editors($edition)))"/></xsl:if>
            <xsl:text>. </xsl:text>
            <xsl:if test="$licence">
              <xsl:variable name="url" select="ed:safe-url($licence/@target)"/>
              <xsl:choose>
                <xsl:when test="$url"><a rel="license" href="{$url}"><xsl:value-of select="ed:plain($licence)"/></a></xsl:when>
                <xsl:otherwise><xsl:value-of select="ed:plain($licence)"/></xsl:otherwise>
              </xsl:choose>
              <xsl:text>. </xsl:text>
            </xsl:if>
            <xsl:text>Built from TEI P5 sources (</xsl:text><a href="index.html#downloads">download</a><xsl:text>).</xsl:text>
          </p>
        </footer>
      </body>
    </html>
  </xsl:template>

  <xsl:template name="h:nav-link">
    <xsl:param name="href" as="xs:string"/>
    <xsl:param name="label" as="xs:string"/>
    <xsl:param name="here" as="xs:boolean"/>
    <a href="{$href}">
      <xsl:if test="$here"><xsl:attribute name="aria-current" select="'page'"/></xsl:if>
      <xsl:value-of select="$label"/>
    </a>
  </xsl:template>

  <xsl:function name="h:has-apparatus" as="xs:boolean">
    <xsl:sequence select="if (exists($site-facts)) then tokenize($site-facts) = 'apparatus'
                          else some $t in $texts satisfies exists(ed:interventions($t))"/>
  </xsl:function>

  <!-- schema.org description of a person or organisation named in a header. -->
  <xsl:function name="h:agents" as="array(*)">
    <xsl:param name="names" as="xs:string*"/>
    <xsl:sequence select="array{ for $n in $names return map{'@type': 'Person', 'name': $n} }"/>
  </xsl:function>

  <xsl:function name="h:edition-json" as="map(*)">
    <xsl:variable name="pub" select="$edition/*/tei:teiHeader/tei:fileDesc/tei:publicationStmt"/>
    <xsl:variable name="licence" select="ed:safe-url($pub/tei:availability/tei:licence[1]/@target)"/>
    <xsl:sequence select="map:merge((
      map{'@type': 'Book', 'name': h:site-title(), 'url': h:url('index.html'), 'inLanguage': h:lang($edition)},
      if (exists(h:editors($edition))) then map{'editor': h:agents(h:names(h:editors($edition)))} else (),
      if ($pub/tei:publisher) then map{'publisher': map{'@type': 'Organization', 'name': ed:plain($pub/tei:publisher[1])}} else (),
      if (h:year($edition)) then map{'datePublished': h:year($edition)} else (),
      if ($licence) then map{'license': $licence} else ()))"/>
  </xsl:function>
</xsl:stylesheet>
