<?xml version="1.0" encoding="UTF-8"?>
<!--
  What the three ways into the edition (search.html, chronology.html, figures.html) share:
  their navigation entries, the page-specific assets, the Pagefind attributes of <main>,
  and the sentence a date or figure stands in (the text alternative both pages quote).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-edition:functions"
    xmlns:h="urn:x-edition:html"
    exclude-result-prefixes="#all">

  <!-- Navigation entries after the registers and the apparatus; a page appears only when the
       corpus has something for it (the search page always: every site has text). -->
  <xsl:template name="h:nav-views">
    <xsl:param name="current" as="xs:string"/>
    <xsl:if test="h:has-chronology()">
      <li><xsl:call-template name="h:nav-link"><xsl:with-param name="href" select="'chronology.html'"/>
        <xsl:with-param name="label" select="'Chronology'"/><xsl:with-param name="here" select="$current = 'chronology'"/></xsl:call-template></li>
    </xsl:if>
    <xsl:if test="h:has-figures()">
      <li><xsl:call-template name="h:nav-link"><xsl:with-param name="href" select="'figures.html'"/>
        <xsl:with-param name="label" select="'Figures'"/><xsl:with-param name="here" select="$current = 'figures'"/></xsl:call-template></li>
    </xsl:if>
    <xsl:if test="$search">
      <li><xsl:call-template name="h:nav-link"><xsl:with-param name="href" select="'search.html'"/>
        <xsl:with-param name="label" select="'Search'"/><xsl:with-param name="here" select="$current = 'search'"/></xsl:call-template></li>
    </xsl:if>
  </xsl:template>

  <!-- The contents on index.html: the ways into the edition. -->
  <xsl:template name="h:index-views">
    <h3>Search, chronology, figures</h3>
    <ul class="tools">
      <xsl:if test="$search"><li><a href="search.html">Search</a> the texts, notes and registers</li></xsl:if>
      <xsl:if test="h:has-chronology()">
        <li><a href="chronology.html">Chronology</a> (<xsl:value-of select="count(h:tagged-dates())"/> dates, with a timeline)</li>
      </xsl:if>
      <xsl:if test="h:has-figures()">
        <li><a href="figures.html">Figures</a> (<xsl:value-of select="count(h:tagged-figures())"/> numbers, as tables and charts)</li>
      </xsl:if>
    </ul>
  </xsl:template>

  <!-- Page-specific stylesheets and scripts (names under assets/, given by the page). -->
  <xsl:template name="h:page-assets">
    <xsl:param name="assets" as="xs:string*"/>
    <xsl:for-each select="$assets[ends-with(., '.css')]">
      <link rel="stylesheet" href="assets/{.}"/>
    </xsl:for-each>
    <xsl:for-each select="$assets[ends-with(., '.js')]">
      <script src="assets/{.}" defer="defer"></script>
    </xsl:for-each>
  </xsl:template>

  <!-- Pagefind indexes the texts, the registers, the introduction and the apparatus (the
       pages that hold the edition's words); the derived views are left out so that a hit
       leads to its source. The kind is a meta field of every result (search.js filters on it).
       Not a data-pagefind-filter: Pagefind 1.5 writes filter values in hash-map order, so
       filter/*.pf_filter, and with it the pf_meta name and pagefind-entry.json, differ from
       build to build; the deposit needs byte-identical builds. -->
  <xsl:template name="h:search-attributes">
    <xsl:param name="current" as="xs:string"/>
    <xsl:variable name="kind" select="
      if ($current = ('search', 'chronology', 'figures')) then ''
      else if ($current = 'index') then 'Introduction'
      else if ($current = ('person', 'place', 'org', 'work')) then 'Registers'
      else if ($current = 'apparatus') then 'Apparatus'
      else if ($current = '') then ''
      else 'Texts'"/>
    <xsl:if test="$kind">
      <xsl:attribute name="data-pagefind-body" select="''"/>
      <xsl:attribute name="data-pagefind-meta" select="'kind:' || $kind"/>
    </xsl:if>
  </xsl:template>

  <!-- The dates and figures of the texts, in the edition's text order. -->
  <xsl:function name="h:tagged-dates" as="element(tei:date)*" cache="yes">
    <xsl:sequence select="h:texts-in-order() ! tei:*/tei:text/descendant::tei:date[@when or @from or @to or @notBefore or @notAfter]
                          [not(ed:in-register-list(.))]"/>
  </xsl:function>

  <xsl:function name="h:tagged-figures" as="element()*" cache="yes">
    <xsl:sequence select="h:texts-in-order() ! tei:*/tei:text/(descendant::tei:measure | descendant::tei:num[not(ancestor::tei:measure)])
                          [exists(h:figure-values(.))]"/>
  </xsl:function>

  <xsl:function name="h:has-chronology" as="xs:boolean">
    <xsl:sequence select="if (exists($site-facts)) then tokenize($site-facts) = 'chronology'
                          else exists(h:tagged-dates())"/>
  </xsl:function>

  <xsl:function name="h:has-figures" as="xs:boolean">
    <xsl:sequence select="if (exists($site-facts)) then tokenize($site-facts) = 'figures'
                          else exists(h:tagged-figures())"/>
  </xsl:function>

  <!-- The link to where an element is read: its text page at its paragraph (or note, heading,
       quotation...); without ids there, the nearest element with one; else the page. -->
  <xsl:function name="h:context-href" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <xsl:variable name="holder" select="h:holder($el)"/>
    <xsl:variable name="target" select="if ($holder/@xml:id) then $holder
      else ($el/ancestor-or-self::*[@xml:id][ancestor::tei:body or ancestor::tei:front or ancestor::tei:back])[last()]"/>
    <xsl:sequence select="h:text-page($el) || ($target/@xml:id ! ('#' || encode-for-uri(.)))"/>
  </xsl:function>

  <!-- The sentence an element stands in, as read in the printed reading (notes other than the
       one holding it, corrections and regularisations left out), the element itself marked. -->
  <xsl:template name="h:sentence">
    <xsl:param name="el" as="element()"/>
    <xsl:variable name="holder" select="h:holder($el)"/>
    <xsl:variable name="own-notes" select="$holder/ancestor-or-self::tei:note"/>
    <xsl:variable name="read" select="$holder//text()[not(ancestor::tei:note except $own-notes)]
       [not(ed:is-alternative(.))]"/>
    <xsl:variable name="inside" select="$read[ancestor::* intersect $el]"/>
    <!-- 1000 characters either side are plenty: the sentence is clipped at 220 (h:clip-*), and the
         regular expressions below would otherwise scan a whole long holder once per element -->
    <xsl:variable name="before" select="h:squash(h:last-chars(string-join($read[. &lt;&lt; $el], ''), 1000))"/>
    <xsl:variable name="after" select="h:squash(substring(string-join($read[. >> $el] except $inside, ''), 1, 1000))"/>
    <xsl:variable name="start" select="replace($before, '^.*[.!?][”&quot;’)]*\s+([“&quot;‘(]?\p{Lu})', '$1', 's')"/>
    <xsl:variable name="end" select="replace($after, '^(.*?[.!?][”&quot;’)]*)\s+[“&quot;‘(]?\p{Lu}.*$', '$1', 's')"/>
    <span class="sentence">
      <xsl:value-of select="h:clip-start(replace($start, '^\s+', ''))"/>
      <mark><xsl:value-of select="normalize-space(string-join($inside, ''))"/></mark>
      <xsl:value-of select="h:clip-end(replace($end, '\s+$', ''))"/>
    </span>
  </xsl:template>

  <!-- An id for a row about an element, unique on a whole-edition page: generated ids (ed:id)
       are unique only within their document, so they get the text id in front. -->
  <xsl:function name="h:row-id" as="xs:string">
    <xsl:param name="prefix" as="xs:string"/>
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="$prefix || '-' || (if ($el/@xml:id) then string($el/@xml:id) else h:text-id($el) || '-' || ed:id($el))"/>
  </xsl:function>

  <xsl:function name="h:last-chars" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:param name="n" as="xs:integer"/>
    <xsl:sequence select="if (string-length($s) le $n) then $s else substring($s, string-length($s) - $n + 1)"/>
  </xsl:function>

  <xsl:function name="h:squash" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:sequence select="replace($s, '\s+', ' ')"/>
  </xsl:function>

  <!-- Long sentences: the words nearest the element, the rest an ellipsis. -->
  <xsl:function name="h:clip-start" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:sequence select="if (string-length($s) le 220) then $s
      else '… ' || replace(substring($s, string-length($s) - 219), '^\S*\s', '')"/>
  </xsl:function>

  <xsl:function name="h:clip-end" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:sequence select="if (string-length($s) le 220) then $s
      else replace(substring($s, 1, 220), '\s\S*$', '') || ' …'"/>
  </xsl:function>

  <!-- '1932-08-11' -> '11 August 1932', '1932-08' -> 'August 1932', '1932' -> '1932'. -->
  <xsl:function name="h:date-label" as="xs:string">
    <xsl:param name="iso" as="xs:string"/>
    <xsl:sequence select="
      if ($iso castable as xs:date) then format-date(xs:date($iso), '[D] [MNn] [Y]', 'en', (), ())
      else if ($iso castable as xs:gYearMonth) then format-date(xs:date($iso || '-01'), '[MNn] [Y]', 'en', (), ())
      else $iso"/>
  </xsl:function>

  <!-- Numeric values of a figure, as in the TEI: map{'values': the values (one, or min and
       max), 'qualifier': '' | 'at least' | 'at most', 'estimate': boolean}; () without any. -->
  <xsl:function name="h:figure-values" as="map(*)?">
    <xsl:param name="fig" as="element()"/>
    <xsl:variable name="nums" select="$fig/descendant-or-self::tei:num"/>
    <xsl:variable name="values" select="(
        $fig/@quantity[. castable as xs:decimal],
        ($nums/@value)[. castable as xs:decimal],
        ($nums/(@min, @max))[. castable as xs:decimal],
        ($nums/(@atLeast, @atMost))[. castable as xs:decimal])[1]"/>
    <xsl:if test="exists($values)">
      <xsl:sequence select="map{
        'values': if (exists($values[local-name() = ('min', 'max')])) then (string(($nums/@min)[1]), string(($nums/@max)[1]))[.] else string($values),
        'qualifier': if ($nums/@atLeast) then 'at least' else if ($nums/@atMost) then 'at most' else '',
        'estimate': exists($nums[@type = 'estimate']) or $fig/@type = 'estimate'}"/>
    </xsl:if>
  </xsl:function>

  <!-- Raw values as <data value>, formatted for reading: one value, or a range. -->
  <xsl:template name="h:figure-data">
    <xsl:param name="fig" as="element()"/>
    <xsl:variable name="v" select="h:figure-values($fig)"/>
    <xsl:if test="$v?qualifier"><xsl:value-of select="$v?qualifier"/><xsl:text> </xsl:text></xsl:if>
    <xsl:for-each select="$v?values">
      <xsl:if test="position() gt 1">–</xsl:if>
      <data value="{.}"><xsl:value-of select="ed:format-number(.)"/></data>
    </xsl:for-each>
  </xsl:template>

  <!-- 33500000 -> '33.5 million', 750000 -> '750,000' (labels in charts). -->
  <xsl:function name="h:short-number" as="xs:string">
    <xsl:param name="value" as="xs:decimal"/>
    <xsl:sequence select="if (abs($value) ge 1000000) then format-number($value div 1000000, '#,##0.##') || ' million'
                          else format-number($value, '#,##0.##')"/>
  </xsl:function>
</xsl:stylesheet>
