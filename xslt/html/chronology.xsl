<?xml version="1.0" encoding="UTF-8"?>
<!--
  chronology.html: every tagged date of the texts (@when, @from/@to, @notBefore/@notAfter) in
  order, with its normalised value, the sentence it stands in, its certainty and a link to
  its paragraph; above the table an SVG timeline drawn here (years down an axis, ranges as
  bars, points as marks, each a link). Filters by text: every row is shown without
  JavaScript; assets/views.js turns the buttons on. Empty ('') when no text has a date.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-edition:functions"
    xmlns:h="urn:x-edition:html"
    xmlns:svg="http://www.w3.org/2000/svg"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    exclude-result-prefixes="#all">

  <!-- Timeline geometry (SVG user units). -->
  <xsl:variable name="h:tl-year" as="xs:double" select="30"/>      <!-- height of a year -->
  <xsl:variable name="h:tl-break" as="xs:double" select="22"/>     <!-- height of a run of empty years -->
  <xsl:variable name="h:tl-axis" as="xs:double" select="64"/>      <!-- x of the axis -->
  <xsl:variable name="h:tl-lane" as="xs:double" select="12"/>      <!-- width of a lane -->
  <xsl:variable name="h:tl-top" as="xs:double" select="14"/>

  <xsl:template name="chronology">
    <xsl:variable name="dates" as="element(tei:date)*">
      <xsl:perform-sort select="h:tagged-dates()">
        <xsl:sort select="ed:date-sort-key(.)"/>
        <xsl:sort select="string((@to, @notAfter, @when)[1])"/>
      </xsl:perform-sort>
    </xsl:variable>
    <xsl:if test="exists($dates)">
      <xsl:variable name="with-text" select="h:texts-in-order()[exists(.//tei:text//tei:date intersect $dates)]"/>
      <xsl:call-template name="h:page">
        <xsl:with-param name="title" select="'Chronology'"/>
        <xsl:with-param name="current" select="'chronology'"/>
        <xsl:with-param name="canonical" select="'chronology.html'"/>
        <xsl:with-param name="description" select="'Every date named in ' || h:site-title() || ', in order, with a timeline'"/>
        <xsl:with-param name="assets" select="('views.css', 'views.js')"/>
        <xsl:with-param name="content">
          <article class="view chronology-page">
            <h1>Chronology</h1>
            <p class="lede">
              <xsl:value-of select="count($dates)"/> dates named in the texts, earliest first, each with the sentence
              it stands in. Dates the texts give only by context (“the previous year”) carry the year the editors inferred
              and its certainty.
            </p>
            <xsl:call-template name="h:text-filter">
              <xsl:with-param name="texts" select="$with-text"/>
              <xsl:with-param name="target" select="'chronology'"/>
            </xsl:call-template>
            <figure class="chart timeline-figure">
              <xsl:call-template name="h:timeline">
                <xsl:with-param name="dates" select="$dates"/>
                <xsl:with-param name="texts" select="$with-text"/>
              </xsl:call-template>
              <figcaption>
                Timeline: years run downwards; a dot is a date, a bar a period (dashed: an approximate one).
                Each mark links to its paragraph; the table below gives the same dates as text.
                <xsl:call-template name="h:legend"><xsl:with-param name="texts" select="$with-text"/></xsl:call-template>
              </figcaption>
            </figure>
            <table class="chronology" id="chronology">
              <caption>Every tagged date, in order</caption>
              <thead>
                <tr><th scope="col">Date</th><th scope="col">Certainty</th><th scope="col">In the text</th><th scope="col">Where</th></tr>
              </thead>
              <tbody>
                <xsl:for-each select="$dates">
                  <xsl:variable name="text" select="index-of($with-text ! h:text-id(.), h:text-id(.))"/>
                  <tr id="{h:row-id('chr', .)}" class="filterable text-{$text}" data-text="{h:text-id(.)}" data-date="{ed:date-value(.)}">
                    <th scope="row"><xsl:call-template name="h:date-cell"/></th>
                    <td class="cert"><xsl:value-of select="h:certainty(.)"/></td>
                    <td><xsl:call-template name="h:sentence"><xsl:with-param name="el" select="."/></xsl:call-template></td>
                    <td class="where"><a href="{h:context-href(.)}"><xsl:value-of select="h:where(.)"/></a></td>
                  </tr>
                </xsl:for-each>
              </tbody>
            </table>
          </article>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- The normalised date: <time> for each ISO value, read as words. -->
  <xsl:template name="h:date-cell">
    <xsl:choose>
      <xsl:when test="@when">
        <xsl:call-template name="h:time"><xsl:with-param name="iso" select="string(@when)"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="a" select="string((@from, @notBefore)[1])"/>
        <xsl:variable name="b" select="string((@to, @notAfter)[1])"/>
        <xsl:variable name="range" select="exists(@from | @to)"/>
        <!-- a period: "A–B", "from A", "until B"; an uncertain point: "between A and B",
             "not before A", "not after B" -->
        <xsl:value-of select="if ($a and $b) then (if ($range) then '' else 'between ')
                              else if ($a) then (if ($range) then 'from ' else 'not before ')
                              else (if ($range) then 'until ' else 'not after ')"/>
        <xsl:if test="$a"><xsl:call-template name="h:time"><xsl:with-param name="iso" select="$a"/></xsl:call-template></xsl:if>
        <xsl:if test="$a and $b"><xsl:value-of select="if ($range) then '–' else ' and '"/></xsl:if>
        <xsl:if test="$b"><xsl:call-template name="h:time"><xsl:with-param name="iso" select="$b"/></xsl:call-template></xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="h:time">
    <xsl:param name="iso" as="xs:string"/>
    <xsl:choose>
      <xsl:when test="matches($iso, '^\d{4}(-\d{2}(-\d{2})?)?$')"><time datetime="{$iso}"><xsl:value-of select="h:date-label($iso)"/></time></xsl:when>
      <xsl:otherwise><xsl:value-of select="$iso"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:function name="h:certainty" as="xs:string">
    <xsl:param name="date" as="element()"/>
    <xsl:sequence select="string-join((
      if ($date/@cert) then 'inferred (' || $date/@cert || ')' else 'as printed',
      if ($date/(@notBefore, @notAfter)) then 'approximate' else ()), ', ')"/>
  </xsl:function>

  <!-- "Text B, paragraph 12" -->
  <xsl:function name="h:where" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="h:text-short(root($el)) || ', ' || h:holder-label(h:holder($el))"/>
  </xsl:function>

  <!-- "Text A: the famine…" -> "Text A"; a title without a short part stays whole. -->
  <xsl:function name="h:text-short" as="xs:string">
    <xsl:param name="doc" as="node()"/>
    <xsl:variable name="t" select="ed:doc-title($doc)"/>
    <xsl:sequence select="if (contains($t, ':') and string-length(substring-before($t, ':')) le 24) then substring-before($t, ':')
                          else if ($t) then $t else h:text-id($doc)"/>
  </xsl:function>

  <!-- Buttons that show one text's rows and marks (hidden until the script runs). -->
  <xsl:template name="h:text-filter">
    <xsl:param name="texts" as="document-node()*"/>
    <xsl:param name="target" as="xs:string"/>
    <xsl:if test="count($texts) gt 1">
      <div class="text-filter" role="group" aria-label="Show dates from" data-filter="{$target}" hidden="hidden">
        <span class="filter-label" aria-hidden="true">Show: </span>
        <button type="button" data-text="" aria-pressed="true">All texts</button>
        <xsl:for-each select="$texts">
          <button type="button" data-text="{h:text-id(.)}" aria-pressed="false" class="text-{position()}">
            <xsl:value-of select="h:text-short(.)"/>
          </button>
        </xsl:for-each>
      </div>
    </xsl:if>
  </xsl:template>

  <xsl:template name="h:legend">
    <xsl:param name="texts" as="document-node()*"/>
    <span class="legend">
      <xsl:for-each select="$texts">
        <span class="key text-{position()}"><span class="swatch" aria-hidden="true"></span><xsl:value-of select="h:text-short(.)"/></span>
      </xsl:for-each>
    </span>
  </xsl:template>

  <!-- ============================================================ the timeline -->

  <!-- A point in time as a decimal year: the start of an ISO date's unit, or its end. -->
  <xsl:function name="h:year-point" as="xs:double?">
    <xsl:param name="iso" as="xs:string?"/>
    <xsl:param name="end" as="xs:boolean"/>
    <xsl:if test="matches(string($iso), '^\d{4}(-\d{2}(-\d{2})?)?$')">
      <xsl:variable name="p" select="tokenize($iso, '-') ! xs:integer(.)"/>
      <xsl:variable name="start" select="$p[1] + (if (exists($p[2])) then ($p[2] - 1) div 12 else 0)
                                         + (if (exists($p[3])) then ($p[3] - 1) div 365.25 else 0)"/>
      <xsl:sequence select="xs:double(if (not($end)) then $start
        else if (exists($p[3])) then $start + 1 div 365.25
        else if (exists($p[2])) then $p[1] + $p[2] div 12 else $p[1] + 1)"/>
    </xsl:if>
  </xsl:function>

  <!-- map{'date', 'start', 'end', 'point'} for each date with a value the timeline can place. -->
  <xsl:function name="h:timeline-items" as="map(*)*">
    <xsl:param name="dates" as="element()*"/>
    <xsl:for-each select="$dates">
      <xsl:variable name="a" select="if (@when) then h:year-point(@when, false()) else h:year-point((@from, @notBefore)[1], false())"/>
      <xsl:variable name="b" select="if (@when) then h:year-point(@when, true()) else h:year-point((@to, @notAfter)[1], true())"/>
      <xsl:variable name="s" select="($a, if (exists($b)) then $b - 0.001 else ())[1]"/>
      <xsl:variable name="e" select="($b, if (exists($a)) then $a + 0.001 else ())[1]"/>
      <xsl:if test="exists($s)">
        <xsl:sequence select="map{'date': ., 'start': $s, 'end': $e, 'point': exists(@when) or empty($a) or empty($b)}"/>
      </xsl:if>
    </xsl:for-each>
  </xsl:function>

  <xsl:template name="h:timeline">
    <xsl:param name="dates" as="element()*"/>
    <xsl:param name="texts" as="document-node()*"/>
    <xsl:variable name="items" select="h:timeline-items($dates)"/>
    <xsl:variable name="first" select="xs:integer(floor(min($items ! ?start)))"/>
    <xsl:variable name="last" select="xs:integer(floor(max($items ! ?end) - 0.0001))"/>
    <xsl:variable name="covered" as="xs:integer*" select="distinct-values(for $i in $items return
        xs:integer(floor($i?start)) to xs:integer(floor(max(($i?start, $i?end - 0.0001)))))"/>
    <!-- Slots: one per year, a run of more than two empty years shrunk to a break. -->
    <xsl:variable name="runs" as="map(*)*">
      <xsl:for-each-group select="$first to $last" group-adjacent=". = $covered">
        <xsl:choose>
          <xsl:when test="current-grouping-key() or count(current-group()) le 2">
            <xsl:sequence select="current-group() ! map{'year': ., 'height': $h:tl-year}"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:sequence select="map{'years': current-group(), 'height': $h:tl-break}"/>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:for-each-group>
    </xsl:variable>
    <xsl:variable name="slots" as="map(*)*">
      <xsl:iterate select="$runs">
        <xsl:param name="top" as="xs:double" select="$h:tl-top"/>
        <xsl:sequence select="map:put(., 'top', $top)"/>
        <xsl:next-iteration><xsl:with-param name="top" select="$top + ?height"/></xsl:next-iteration>
      </xsl:iterate>
    </xsl:variable>
    <xsl:variable name="tops" as="map(xs:integer, xs:double)" select="map:merge($slots[exists(?year)] ! map{?year: ?top})"/>
    <xsl:variable name="height" select="$h:tl-top + sum($slots ! ?height) + 10"/>
    <!-- Lanes: each mark in the first lane free at its place (greedy, by position). -->
    <xsl:variable name="placed" as="map(*)*">
      <xsl:variable name="by-y" as="map(*)*">
        <xsl:perform-sort select="$items ! map:merge((., map{'y1': h:y(?start, $tops), 'y2': h:y(?end, $tops)}))">
          <xsl:sort select="if (?point) then (?y1 + ?y2) div 2 - 6 else ?y1" data-type="number"/>
        </xsl:perform-sort>
      </xsl:variable>
      <xsl:iterate select="$by-y">
        <xsl:param name="ends" as="xs:double*" select="()"/>
        <xsl:variable name="y" select="if (?point) then (?y1 + ?y2) div 2 else ?y1"/>
        <xsl:variable name="from" select="if (?point) then $y - 6 else ?y1"/>
        <xsl:variable name="to" select="if (?point) then $y + 6 else max((?y2, ?y1 + 4))"/>
        <xsl:variable name="lane" select="(for $i in 1 to count($ends) return if ($ends[$i] + 2 le $from) then $i else (), count($ends) + 1)[1]"/>
        <xsl:sequence select="map:merge((., map{'lane': $lane, 'y': $y, 'from': $from, 'to': $to}))"/>
        <xsl:next-iteration>
          <xsl:with-param name="ends" select="if ($lane gt count($ends)) then ($ends, $to)
                                              else (subsequence($ends, 1, $lane - 1), $to, subsequence($ends, $lane + 1))"/>
        </xsl:next-iteration>
      </xsl:iterate>
    </xsl:variable>
    <xsl:variable name="lanes" select="max(($placed ! ?lane, 1))"/>
    <xsl:variable name="width" select="max((260, $h:tl-axis + 14 + $lanes * $h:tl-lane + 8))"/>
    <xsl:variable name="text-ids" select="$texts ! h:text-id(.)"/>
    <svg xmlns="http://www.w3.org/2000/svg" class="timeline" viewBox="0 0 {$width} {$height}"
         width="{$width}" height="{$height}" role="group" aria-labelledby="timeline-title timeline-desc">
      <title id="timeline-title">Timeline of the dates named in the texts, <xsl:value-of select="$first"/>–<xsl:value-of select="$last"/></title>
      <desc id="timeline-desc"><xsl:value-of select="count($placed[?point])"/> dates shown as dots and <xsl:value-of select="count($placed[not(?point)])"/> periods as bars,
        on a vertical axis of years; runs of years without dates are shortened. The table of dates below gives the same information as text.</desc>
      <g class="axis" aria-hidden="true">
        <line x1="{$h:tl-axis}" x2="{$h:tl-axis}" y1="{$h:tl-top}" y2="{$height - 10}"/>
        <xsl:for-each select="$slots">
          <xsl:choose>
            <xsl:when test="exists(?year)">
              <line class="grid" x1="{$h:tl-axis - 4}" x2="{$width}" y1="{?top}" y2="{?top}"/>
              <text x="{$h:tl-axis - 8}" y="{?top + ?height div 2}" class="year"><xsl:value-of select="?year"/></text>
            </xsl:when>
            <xsl:otherwise>
              <text x="{$h:tl-axis - 8}" y="{?top + ?height div 2}" class="year gap">
                <xsl:value-of select="?years[1] || '–' || ?years[last()]"/>
              </text>
              <path class="break" d="M{$h:tl-axis - 5},{?top + 8} l10,-3 M{$h:tl-axis - 5},{?top + 14} l10,-3"/>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
      </g>
      <g class="marks">
        <xsl:for-each select="$placed">
          <xsl:sort select="index-of($dates ! generate-id(.), generate-id(?date))[1]" data-type="number"/>
          <xsl:variable name="date" select="?date"/>
          <xsl:variable name="x" select="$h:tl-axis + 14 + (?lane - 1) * $h:tl-lane"/>
          <xsl:variable name="approx" select="exists($date/(@notBefore, @notAfter)) or $date/@cert = ('low', 'medium')"/>
          <xsl:variable name="label" select="ed:plain($date) || ' (' || ed:date-value($date) || '), ' || h:where($date)"/>
          <a href="{h:context-href($date)}" class="mark {if (?point) then 'point' else 'range'} text-{index-of($text-ids, h:text-id($date))[1]}{if ($approx) then ' approx' else ''}"
             data-text="{h:text-id($date)}" data-date="{ed:date-value($date)}" aria-label="{$label}">
            <title><xsl:value-of select="$label"/></title>
            <xsl:choose>
              <xsl:when test="?point"><circle cx="{$x}" cy="{round(?y, 2)}" r="4.5"/></xsl:when>
              <xsl:otherwise><rect x="{$x - 3.5}" y="{round(?from, 2)}" width="7" height="{round(?to - ?from, 2)}" rx="3.5"/></xsl:otherwise>
            </xsl:choose>
          </a>
        </xsl:for-each>
      </g>
    </svg>
  </xsl:template>

  <!-- y of a decimal year, given the tops of the year slots. -->
  <xsl:function name="h:y" as="xs:double">
    <xsl:param name="t" as="xs:double"/>
    <xsl:param name="tops" as="map(xs:integer, xs:double)"/>
    <xsl:variable name="year" select="xs:integer(floor($t))"/>
    <xsl:sequence select="if (map:contains($tops, $year)) then $tops($year) + ($t - $year) * $h:tl-year
      else if (map:contains($tops, $year - 1)) then $tops($year - 1) + $h:tl-year
      else $h:tl-top"/>
  </xsl:function>
</xsl:stylesheet>
