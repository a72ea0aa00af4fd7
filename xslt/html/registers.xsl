<?xml version="1.0" encoding="UTF-8"?>
<!--
  Register pages (persons, places, organisations, works): every entry with its TEI id, its
  data (names, dates, description, authority links) and every occurrence in the texts,
  linked to the paragraph; the texts link back here.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-edition:functions"
    xmlns:h="urn:x-edition:html"
    exclude-result-prefixes="#all">

  <!-- The page of the kind in the global parameter $register-kind (person | place | org |
       work; the build runs the template once per kind); empty when the kind has no entries. -->
  <xsl:param name="register-kind" as="xs:string" select="''"/>

  <xsl:template name="register">
    <xsl:variable name="kind" select="$register-kind"/>
    <xsl:variable name="entries" select="ed:register-entries($kind)"/>
    <xsl:if test="exists($entries)">
      <xsl:call-template name="h:page">
        <xsl:with-param name="title" select="h:register-title($kind)"/>
        <xsl:with-param name="current" select="$kind"/>
        <xsl:with-param name="canonical" select="h:register-page($kind)"/>
        <xsl:with-param name="description" select="h:register-title($kind) || ' named in ' || h:site-title()"/>
        <xsl:with-param name="content">
          <article class="register">
            <h1><xsl:value-of select="h:register-title($kind)"/></h1>
            <p class="lede"><xsl:value-of select="count($entries)"/> entries, each with every place the texts mention it.</p>
            <xsl:variable name="sorted" as="element()*">
              <xsl:perform-sort select="$entries">
                <xsl:sort select="lower-case(ed:entry-label(.))" lang="en"/>
              </xsl:perform-sort>
            </xsl:variable>
            <nav class="register-index" aria-label="Entries">
              <ul>
                <xsl:for-each select="$sorted">
                  <li><a href="#{@xml:id}"><xsl:value-of select="ed:entry-label(.)"/></a></li>
                </xsl:for-each>
              </ul>
            </nav>
            <xsl:for-each select="$sorted">
              <xsl:call-template name="h:entry"/>
            </xsl:for-each>
          </article>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template name="h:entry">
    <xsl:variable name="label" select="ed:entry-label(.)"/>
    <xsl:variable name="standard" select="(tei:persName, tei:placeName, tei:orgName, tei:title, tei:name)[not(@type = 'variant')][1]"/>
    <section class="entry kind-{ed:entry-kind(.)}" id="{@xml:id}" aria-labelledby="h-{@xml:id}">
      <h2 id="h-{@xml:id}"><xsl:value-of select="$label"/></h2>
      <xsl:variable name="data" select="* except $standard"/>
      <xsl:if test="exists($data)">
        <dl class="entry-data">
          <xsl:apply-templates select="$data" mode="entry-data"/>
        </dl>
      </xsl:if>
      <xsl:call-template name="h:occurrences"/>
    </section>
  </xsl:template>

  <xsl:template match="*" mode="entry-data">
    <xsl:variable name="names" select="map{'persName': 'Name', 'placeName': 'Name', 'orgName': 'Name', 'title': 'Title',
        'birth': 'Born', 'death': 'Died', 'note': 'About', 'occupation': 'Occupation', 'location': 'Location',
        'idno': 'Identifier', 'floruit': 'Active', 'affiliation': 'Affiliation', 'sex': 'Sex', 'nationality': 'Nationality',
        'author': 'Author', 'date': 'Date', 'pubPlace': 'Published', 'desc': 'About', 'residence': 'Residence'}"/>
    <!-- line breaks between the terms: text extractors (the search index) keep words apart -->
    <xsl:text>&#10;</xsl:text>
    <dt><xsl:value-of select="if (@type = 'variant') then 'Also' else ($names(local-name()), local-name())[1]"/></dt>
    <xsl:text>&#10;</xsl:text>
    <dd>
      <xsl:if test="@xml:lang"><xsl:attribute name="lang" select="ed:bcp47(@xml:lang)"/></xsl:if>
      <xsl:apply-templates select="." mode="entry-value"/>
    </dd>
  </xsl:template>

  <xsl:mode name="entry-value" on-no-match="fail" on-multiple-match="fail"/>

  <xsl:template match="*" mode="entry-value">
    <xsl:apply-templates mode="text">
      <xsl:with-param name="inline" select="true()" tunnel="yes"/>
      <xsl:with-param name="copy" select="true()" tunnel="yes"/>
    </xsl:apply-templates>
    <xsl:if test="not(normalize-space()) and (@when or @from or @to or @notBefore or @notAfter)">
      <xsl:value-of select="ed:date-value(.)"/>
    </xsl:if>
  </xsl:template>

  <!-- Authority identifiers that are URLs become links. -->
  <xsl:template match="tei:idno" mode="entry-value">
    <xsl:variable name="url" select="ed:safe-url(normalize-space(.))[matches(., '^https?:')]"/>
    <xsl:if test="@type"><span class="idno-type"><xsl:value-of select="@type"/></span><xsl:text>: </xsl:text></xsl:if>
    <xsl:choose>
      <xsl:when test="$url"><a class="authority" href="{$url}"><xsl:value-of select="$url"/></a></xsl:when>
      <xsl:otherwise><xsl:value-of select="normalize-space(.)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Every mention, grouped by text in the edition's order: a link to the paragraph (or
       other element) holding it. -->
  <xsl:template name="h:occurrences">
    <xsl:variable name="mentions" select="ed:mentions(.)"/>
    <xsl:choose>
      <xsl:when test="empty($mentions)"><p class="occurrences none">Not mentioned in the texts.</p></xsl:when>
      <xsl:otherwise>
        <div class="occurrences">
          <h3>Occurrences</h3>
          <ul>
            <xsl:for-each-group select="$mentions" group-by="h:text-id(.)">
              <xsl:sort select="index-of(h:texts-in-order() ! h:text-id(.), current-grouping-key())"/>
              <li>
                <span class="occ-text"><xsl:value-of select="(ed:doc-title(.)[.], h:text-id(.))[1]"/></span>
                <xsl:text>: </xsl:text>
                <xsl:for-each-group select="current-group()" group-by="generate-id(h:holder(.))">
                  <xsl:variable name="holder" select="h:holder(.)"/>
                  <xsl:variable name="section" select="$holder/ancestor::*[h:is-div(.)][tei:head][1]/tei:head[1]"/>
                  <xsl:if test="position() gt 1">; </xsl:if>
                  <a class="occ" href="{h:text-page(.) || ($holder/@xml:id ! ('#' || .))}">
                    <xsl:value-of select="string-join((ed:plain($section)[.], h:holder-label($holder)), ', ')"/>
                  </a>
                  <xsl:if test="count(current-group()) gt 1"> (<xsl:value-of select="count(current-group())"/>×)</xsl:if>
                </xsl:for-each-group>
              </li>
            </xsl:for-each-group>
          </ul>
        </div>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The element with an id that a mention is read in: its paragraph, heading, note... -->
  <xsl:function name="h:holder" as="element()">
    <xsl:param name="mention" as="element()"/>
    <xsl:sequence select="($mention/ancestor::*[self::tei:note or self::tei:p or self::tei:head or self::tei:cit
                           or self::tei:l or self::tei:item or self::tei:ab][@xml:id][1],
                           $mention/ancestor::*[@xml:id][1], $mention)[1]"/>
  </xsl:function>

  <xsl:function name="h:holder-label" as="xs:string">
    <xsl:param name="holder" as="element()"/>
    <xsl:sequence select="
      if ($holder/self::tei:p) then 'paragraph ' || h:paragraph-number($holder)
      else if ($holder/self::tei:note) then h:note-label($holder)
      else if ($holder/self::tei:head) then 'heading'
      else if ($holder/self::tei:cit) then 'quotation'
      else local-name($holder)"/>
  </xsl:function>
</xsl:stylesheet>
