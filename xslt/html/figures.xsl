<?xml version="1.0" encoding="UTF-8"?>
<!--
  figures.html: the tagged numbers (measure, num) as tables and SVG bar charts drawn here.
    - livestock counts per animal between the years their @corresp dates name, with the fall
      in per cent computed from the values;
    - mortality estimates grouped by who made them (measure/@source);
    - deportation counts;
    - every figure with a value, by type (the complete list).
  Every value is shown formatted for reading with the value as in the TEI in <data value>;
  every figure links back to the paragraph that states it. Empty ('') without figures.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-edition:functions"
    xmlns:h="urn:x-edition:html"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    exclude-result-prefixes="#all">

  <xsl:template name="figures">
    <xsl:variable name="figures" select="h:tagged-figures()"/>
    <xsl:if test="exists($figures)">
      <xsl:variable name="measures" select="$figures[self::tei:measure]"/>
      <xsl:variable name="livestock" select="$measures[@type = 'livestock'][@commodity][exists(h:figure-years(.))]"/>
      <xsl:variable name="mortality" select="$measures[@type = 'mortality']"/>
      <xsl:variable name="deportation" select="$measures[@type = 'deportation']"/>
      <xsl:call-template name="h:page">
        <xsl:with-param name="title" select="'Figures'"/>
        <xsl:with-param name="current" select="'figures'"/>
        <xsl:with-param name="canonical" select="'figures.html'"/>
        <xsl:with-param name="description" select="'The numbers stated in ' || h:site-title() || ', as tables and charts'"/>
        <xsl:with-param name="assets" select="('views.css', 'views.js')"/>
        <xsl:with-param name="content">
          <article class="view figures-page">
            <h1>Figures</h1>
            <p class="lede">
              The numbers the texts state, as tagged by the editors: <xsl:value-of select="count($figures)"/> figures.
              Values are as in the sources (a range where a text gives one); every figure links to the paragraph that states it.
            </p>
            <nav class="page-toc" aria-label="On this page">
              <ul>
                <xsl:if test="exists($livestock)"><li><a href="#livestock">Livestock</a></li></xsl:if>
                <xsl:if test="exists($mortality)"><li><a href="#mortality">Mortality estimates</a></li></xsl:if>
                <xsl:if test="exists($deportation)"><li><a href="#deportation">Deportations</a></li></xsl:if>
                <li><a href="#all-figures">Every figure</a></li>
              </ul>
            </nav>
            <xsl:if test="exists($livestock)">
              <xsl:call-template name="h:livestock"><xsl:with-param name="measures" select="$livestock"/></xsl:call-template>
            </xsl:if>
            <xsl:if test="exists($mortality)">
              <xsl:call-template name="h:mortality"><xsl:with-param name="measures" select="$mortality"/></xsl:call-template>
            </xsl:if>
            <xsl:if test="exists($deportation)">
              <xsl:call-template name="h:deportation"><xsl:with-param name="measures" select="$deportation"/></xsl:call-template>
            </xsl:if>
            <xsl:call-template name="h:all-figures"><xsl:with-param name="figures" select="$figures"/></xsl:call-template>
          </article>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- ============================================================ livestock -->

  <xsl:template name="h:livestock">
    <xsl:param name="measures" as="element()*"/>
    <xsl:variable name="years" select="sort(distinct-values($measures ! h:figure-years(.)))"/>
    <xsl:variable name="y1" select="$years[1]"/>
    <xsl:variable name="y2" select="$years[last()]"/>
    <xsl:variable name="groups" as="map(*)*">
      <xsl:for-each-group select="$measures" group-by="normalize-space(@commodity)">
        <xsl:variable name="a" select="current-group()[h:figure-years(.) = $y1][1]"/>
        <xsl:variable name="b" select="current-group()[h:figure-years(.) = $y2][1]"/>
        <xsl:if test="$a and $b and not($a is $b)">
          <xsl:sequence select="map{'animal': current-grouping-key(), 'a': $a, 'b': $b,
            'va': h:number($a), 'vb': h:number($b)}"/>
        </xsl:if>
      </xsl:for-each-group>
    </xsl:variable>
    <section class="figure-section" id="livestock" aria-labelledby="livestock-title">
      <h2 id="livestock-title">Livestock, <xsl:value-of select="$y1"/> and <xsl:value-of select="$y2"/></h2>
      <xsl:choose>
        <xsl:when test="exists($groups)">
          <table class="figures livestock">
            <caption>Head of livestock, <xsl:value-of select="$y1"/> → <xsl:value-of select="$y2"/>, with the fall in per cent computed from the two counts</caption>
            <thead>
              <tr><th scope="col">Animal</th><th scope="col" class="num"><xsl:value-of select="$y1"/></th>
                <th scope="col" class="num"><xsl:value-of select="$y2"/></th><th scope="col" class="num">Change</th></tr>
            </thead>
            <tbody>
              <xsl:for-each select="$groups">
                <xsl:variable name="change" select="(?vb - ?va) div ?va * 100"/>
                <tr data-ref="{ed:id(?a)} {ed:id(?b)}">
                  <th scope="row"><xsl:value-of select="h:capitalise(?animal)"/></th>
                  <td class="num"><a href="{h:context-href(?a)}"><xsl:call-template name="h:figure-data"><xsl:with-param name="fig" select="?a"/></xsl:call-template></a></td>
                  <td class="num"><a href="{h:context-href(?b)}"><xsl:call-template name="h:figure-data"><xsl:with-param name="fig" select="?b"/></xsl:call-template></a></td>
                  <td class="num change"><data value="{round($change, 2)}"><xsl:value-of select="h:percent($change)"/></data></td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
          <xsl:call-template name="h:bar-chart">
            <xsl:with-param name="id" select="'livestock-chart'"/>
            <xsl:with-param name="title" select="'Livestock in ' || $y1 || ' and ' || $y2 || ', head'"/>
            <xsl:with-param name="groups" select="$groups ! map{'label': h:capitalise(?animal), 'bars': (
                map{'label': $y1 || ': ' || h:short-number(?va), 'fig': ?a, 'min': ?va, 'max': ?va, 'class': 'first'},
                map{'label': $y2 || ': ' || h:short-number(?vb) || ' (' || h:percent((?vb - ?va) div ?va * 100) || ')',
                    'fig': ?b, 'min': ?vb, 'max': ?vb, 'class': 'second'})}"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise><p>No animal is counted in two different years.</p></xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <!-- ============================================================ mortality -->

  <xsl:template name="h:mortality">
    <xsl:param name="measures" as="element()*"/>
    <xsl:variable name="sorted" as="element()*">
      <xsl:perform-sort select="$measures">
        <xsl:sort select="if (@source) then 0 else 1" data-type="number"/>
        <xsl:sort select="lower-case(h:author(.))" lang="en"/>
      </xsl:perform-sort>
    </xsl:variable>
    <section class="figure-section" id="mortality" aria-labelledby="mortality-title">
      <h2 id="mortality-title">Mortality estimates by author</h2>
      <table class="figures mortality">
        <caption>Deaths as estimated or reported, by who gives the figure</caption>
        <thead>
          <tr><th scope="col">Author</th><th scope="col" class="num">Deaths</th><th scope="col">Of</th><th scope="col">In the text</th></tr>
        </thead>
        <tbody>
          <xsl:for-each select="$sorted">
            <tr data-ref="{ed:id(.)}">
              <th scope="row"><xsl:call-template name="h:author-cell"/></th>
              <td class="num"><xsl:call-template name="h:figure-data"><xsl:with-param name="fig" select="."/></xsl:call-template>
                <xsl:if test="h:figure-values(.)?estimate"><span class="estimate"> (estimate)</span></xsl:if></td>
              <td><xsl:value-of select="(h:figure-scope(.)[.], '—')[1]"/></td>
              <td><a href="{h:context-href(.)}"><xsl:value-of select="h:where(.)"/></a></td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
      <xsl:call-template name="h:bar-chart">
        <xsl:with-param name="id" select="'mortality-chart'"/>
        <xsl:with-param name="title" select="'Mortality estimates by author'"/>
        <xsl:with-param name="groups" as="map(*)*">
          <xsl:for-each-group select="$sorted" group-adjacent="h:author(.)">
            <xsl:sequence select="map{'label': current-grouping-key(), 'bars': current-group() ! h:bar(.)}"/>
          </xsl:for-each-group>
        </xsl:with-param>
      </xsl:call-template>
    </section>
  </xsl:template>

  <xsl:function name="h:author" as="xs:string">
    <xsl:param name="fig" as="element()"/>
    <xsl:variable name="entries" select="ed:id-from-pointer($fig/@source) ! ed:by-id(., $fig)[ed:entry-kind(.) = ('person', 'org')]"/>
    <xsl:sequence select="if (exists($entries)) then ed:join-names($entries ! ed:entry-label(.)) else 'Not named in the text'"/>
  </xsl:function>

  <xsl:template name="h:author-cell">
    <xsl:variable name="entries" select="ed:id-from-pointer(@source) ! ed:by-id(., current())[ed:entry-kind(.) = ('person', 'org')]"/>
    <xsl:choose>
      <xsl:when test="exists($entries)">
        <xsl:for-each select="$entries">
          <xsl:if test="position() gt 1">, </xsl:if>
          <xsl:variable name="href" select="h:href(., ())"/>
          <xsl:choose>
            <xsl:when test="$href"><a href="{$href}"><xsl:value-of select="ed:entry-label(.)"/></a></xsl:when>
            <xsl:otherwise><xsl:value-of select="ed:entry-label(.)"/></xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="h:author(.)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ deportation -->

  <xsl:template name="h:deportation">
    <xsl:param name="measures" as="element()*"/>
    <section class="figure-section" id="deportation" aria-labelledby="deportation-title">
      <h2 id="deportation-title">Deportations</h2>
      <table class="figures deportation">
        <caption>People deported, as the texts count them</caption>
        <thead>
          <tr><th scope="col">Period</th><th scope="col" class="num">People</th><th scope="col">In the text</th></tr>
        </thead>
        <tbody>
          <xsl:for-each select="$measures">
            <tr data-ref="{ed:id(.)}">
              <th scope="row"><xsl:value-of select="(h:figure-scope(.)[.], 'not stated')[1]"/></th>
              <td class="num"><xsl:call-template name="h:figure-data"><xsl:with-param name="fig" select="."/></xsl:call-template></td>
              <td><xsl:call-template name="h:sentence"><xsl:with-param name="el" select="."/></xsl:call-template>
                <xsl:text> </xsl:text><a class="where" href="{h:context-href(.)}"><xsl:value-of select="h:where(.)"/></a></td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
      <xsl:call-template name="h:bar-chart">
        <xsl:with-param name="id" select="'deportation-chart'"/>
        <xsl:with-param name="title" select="'Deportation counts'"/>
        <xsl:with-param name="groups" select="map{'label': '', 'bars': $measures ! h:bar(.)}"/>
      </xsl:call-template>
    </section>
  </xsl:template>

  <!-- ============================================================ every figure -->

  <xsl:template name="h:all-figures">
    <xsl:param name="figures" as="element()*"/>
    <section class="figure-section" id="all-figures" aria-labelledby="all-figures-title">
      <h2 id="all-figures-title">Every figure</h2>
      <xsl:for-each-group select="$figures" group-by="h:figure-type(.)">
        <xsl:sort select="current-grouping-key()"/>
        <table class="figures all">
          <caption><xsl:value-of select="h:capitalise(current-grouping-key())"/> (<xsl:value-of select="count(current-group())"/>)</caption>
          <thead>
            <tr><th scope="col" class="num">Value</th><th scope="col">Of</th><th scope="col">In the text</th></tr>
          </thead>
          <tbody>
            <xsl:for-each select="current-group()">
              <tr id="{h:row-id('fig', .)}" data-ref="{ed:id(.)}">
                <td class="num"><xsl:call-template name="h:figure-data"><xsl:with-param name="fig" select="."/></xsl:call-template>
                  <xsl:if test="self::tei:num[@type = 'percentage']"> %</xsl:if></td>
                <td><xsl:value-of select="string-join((h:what(.)[.], h:figure-scope(.)[.]), '; ')"/></td>
                <td><xsl:call-template name="h:sentence"><xsl:with-param name="el" select="."/></xsl:call-template>
                  <xsl:text> </xsl:text><a class="where" href="{h:context-href(.)}"><xsl:value-of select="h:where(.)"/></a></td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </xsl:for-each-group>
    </section>
  </xsl:template>

  <xsl:function name="h:figure-type" as="xs:string">
    <xsl:param name="fig" as="element()"/>
    <xsl:sequence select="if ($fig/self::tei:measure) then string(($fig/@type[normalize-space()], 'other quantities')[1])
      else if ($fig/@type = 'percentage') then 'percentages' else 'counts'"/>
  </xsl:function>

  <!-- What is counted: commodity and unit ("horses, head"; "person"). -->
  <xsl:function name="h:what" as="xs:string">
    <xsl:param name="fig" as="element()"/>
    <xsl:sequence select="string-join(($fig/@commodity, $fig/@unit)[normalize-space()] ! string(.), ', ')"/>
  </xsl:function>

  <!-- What a figure belongs to: its places (register entries) and dates (as printed), from @corresp. -->
  <xsl:function name="h:figure-scope" as="xs:string">
    <xsl:param name="fig" as="element()"/>
    <xsl:variable name="targets" select="ed:id-from-pointer($fig/@corresp) ! ed:by-id(., $fig)"/>
    <xsl:sequence select="string-join((
        $targets[ed:entry-kind(.) = 'place'] ! ed:entry-label(.),
        $targets/self::tei:date ! ed:plain(.)), ', ')"/>
  </xsl:function>

  <!-- The years of the dates a figure's @corresp points at. -->
  <xsl:function name="h:figure-years" as="xs:string*">
    <xsl:param name="fig" as="element()"/>
    <xsl:sequence select="(ed:id-from-pointer($fig/@corresp) ! ed:by-id(., $fig))/self::tei:date
                          ! substring(ed:date-sort-key(.), 1, 4)[matches(., '^\d{4}$')]"/>
  </xsl:function>

  <!-- The single value of a figure (the first where it has a range). -->
  <xsl:function name="h:number" as="xs:decimal">
    <xsl:param name="fig" as="element()"/>
    <xsl:sequence select="xs:decimal(h:figure-values($fig)?values[1])"/>
  </xsl:function>

  <xsl:function name="h:bar" as="map(*)">
    <xsl:param name="fig" as="element()"/>
    <xsl:variable name="v" select="h:figure-values($fig)?values ! xs:decimal(.)"/>
    <xsl:variable name="scope" select="h:figure-scope($fig)"/>
    <xsl:sequence select="map{'fig': $fig, 'min': $v[1], 'max': $v[last()], 'class': '',
      'label': string-join(($scope[.], h:short-range($v[1], $v[last()])), ': ')}"/>
  </xsl:function>

  <!-- 5000000, 6000000 -> '5–6 million'; one value when both are the same. -->
  <xsl:function name="h:short-range" as="xs:string">
    <xsl:param name="min" as="xs:decimal"/>
    <xsl:param name="max" as="xs:decimal"/>
    <xsl:sequence select="if ($min = $max) then h:short-number($min)
      else if ($min ge 1000000) then format-number($min div 1000000, '#,##0.##') || '–' || h:short-number($max)
      else h:short-number($min) || '–' || h:short-number($max)"/>
  </xsl:function>

  <xsl:function name="h:percent" as="xs:string">
    <xsl:param name="p" as="xs:double"/>
    <xsl:sequence select="(if ($p lt 0) then '−' else if ($p gt 0) then '+' else '') || format-number(abs($p), '0.0') || ' %'"/>
  </xsl:function>

  <xsl:function name="h:capitalise" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:sequence select="upper-case(substring($s, 1, 1)) || substring($s, 2)"/>
  </xsl:function>

  <!-- ============================================================ the chart -->

  <!-- Horizontal bars, one row each, grouped under a label; a range is a solid bar to its
       lower value and a light one to its upper value. Each bar links to its paragraph. -->
  <xsl:template name="h:bar-chart">
    <xsl:param name="id" as="xs:string"/>
    <xsl:param name="title" as="xs:string"/>
    <xsl:param name="groups" as="map(*)*"/>
    <xsl:variable name="width" select="460"/>
    <xsl:variable name="max" select="max($groups ! ?bars ! ?max)"/>
    <xsl:variable name="scale" select="if ($max gt 0) then ($width - 4) div $max else 0"/>
    <xsl:variable name="rows" as="map(*)*">
      <xsl:iterate select="$groups">
        <xsl:param name="y" as="xs:double" select="4"/>
        <xsl:variable name="label-h" select="if (?label) then 22 else 0"/>
        <xsl:sequence select="map{'label': ?label, 'y': $y, 'bars': for $i in 1 to count(?bars) return map:put(?bars[$i], 'y', $y + $label-h + ($i - 1) * 30)}"/>
        <xsl:next-iteration><xsl:with-param name="y" select="$y + $label-h + count(?bars) * 30 + 8"/></xsl:next-iteration>
      </xsl:iterate>
    </xsl:variable>
    <xsl:variable name="height" select="max(($rows ! ?bars ! (?y + 30))) + 4"/>
    <xsl:variable name="n" select="count($rows ! ?bars)"/>
    <figure class="chart bar-chart">
      <svg xmlns="http://www.w3.org/2000/svg" id="{$id}" class="bars" viewBox="0 0 {$width} {$height}" width="{$width}" height="{$height}"
           role="group" aria-labelledby="{$id}-title {$id}-desc">
        <title id="{$id}-title"><xsl:value-of select="$title"/></title>
        <desc id="{$id}-desc"><xsl:value-of select="$n"/> bars, lengths to scale (the longest: <xsl:value-of select="h:short-number($max)"/>);
          a light extension marks the upper end of a range. The table above gives the same figures as text.</desc>
        <xsl:for-each select="$rows">
          <xsl:if test="?label">
            <text class="group" x="0" y="{?y + 15}"><xsl:value-of select="?label"/></text>
          </xsl:if>
          <xsl:for-each select="?bars">
            <xsl:variable name="fig" select="?fig"/>
            <xsl:variable name="label" select="?label"/>
            <a href="{h:context-href($fig)}" class="bar {?class}" data-ref="{ed:id($fig)}"
               aria-label="{$label} ({h:where($fig)})">
              <title><xsl:value-of select="$label || ' (' || h:where($fig) || ')'"/></title>
              <text x="0" y="{?y + 11}"><xsl:value-of select="$label"/></text>
              <rect class="value" x="0" y="{?y + 15}" height="11" width="{max((1, round(?min * $scale, 2)))}"/>
              <xsl:if test="?max gt ?min">
                <rect class="upper" x="{round(?min * $scale, 2)}" y="{?y + 15}" height="11" width="{round((?max - ?min) * $scale, 2)}"/>
              </xsl:if>
            </a>
          </xsl:for-each>
        </xsl:for-each>
      </svg>
    </figure>
  </xsl:template>
</xsl:stylesheet>
