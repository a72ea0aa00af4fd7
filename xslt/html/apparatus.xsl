<?xml version="1.0" encoding="UTF-8"?>
<!--
  Editorial interventions. In the text: both readings, the printed one shown by default
  (CSS switches with the "reading" radio buttons; no script needed). apparatus.html: every
  intervention of every text with its readings, responsibility, certainty and notes,
  linked to the place in the text (same id) and back.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-edition:functions"
    xmlns:h="urn:x-edition:html"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    exclude-result-prefixes="#all">

  <xsl:template match="tei:choice" mode="text">
    <xsl:element name="{if (h:links-to-apparatus(.)) then 'a' else 'span'}">
      <xsl:if test="h:links-to-apparatus(.)"><xsl:attribute name="href" select="'apparatus.html#' || h:app-id(.)"/></xsl:if>
      <xsl:call-template name="h:attrs">
        <xsl:with-param name="id" select="ed:id(.)"/>
        <xsl:with-param name="class" select="'intervention'"/>
      </xsl:call-template>
      <span class="reading printed"><xsl:apply-templates select="ed:reading(., 'printed')" mode="text">
        <xsl:with-param name="inline" select="true()" tunnel="yes"/>
        <xsl:with-param name="in-link" select="true()" tunnel="yes"/></xsl:apply-templates></span>
      <span class="reading corrected"><xsl:apply-templates select="ed:reading(., 'corrected')" mode="text">
        <xsl:with-param name="inline" select="true()" tunnel="yes"/><xsl:with-param name="copy" select="true()" tunnel="yes"/>
        <xsl:with-param name="in-link" select="true()" tunnel="yes"/></xsl:apply-templates></span>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:sic | tei:corr | tei:supplied | tei:orig | tei:reg | tei:abbr | tei:expan
                       | tei:unclear | tei:add | tei:del | tei:surplus | tei:damage | tei:restore" mode="text">
    <xsl:variable name="intervention" select="exists(. intersect ed:interventions(.))"/>
    <xsl:variable name="link" select="$intervention and h:links-to-apparatus(.)"/>
    <xsl:element name="{if ($link) then 'a' else 'span'}">
      <xsl:if test="$link"><xsl:attribute name="href" select="'apparatus.html#' || h:app-id(.)"/></xsl:if>
      <xsl:call-template name="h:attrs">
        <xsl:with-param name="id" select="if ($intervention) then ed:id(.) else @xml:id"/>
        <xsl:with-param name="class" select="string-join(('intervention'[$intervention],
            'omitted'[current()/self::tei:supplied/@reason = 'omitted']), ' ')"/>
      </xsl:call-template>
      <xsl:apply-templates mode="text">
        <xsl:with-param name="inline" select="true()" tunnel="yes"/>
        <xsl:with-param name="in-link" select="$link" tunnel="yes"/>
      </xsl:apply-templates>
    </xsl:element>
  </xsl:template>

  <!-- A critical apparatus entry: the reading that stands in the text (linked to the apparatus,
       the variants in its title), then the entry's own notes as editorial notes. A detached one
       (see ed:app-detached) is the entry itself where it stands. -->
  <xsl:template match="tei:app" mode="text">
    <xsl:variable name="detached" select="ed:app-detached(.)"/>
    <xsl:variable name="label" select="if ($detached) then string-join((@loc, ed:app-label(.))[.], ' ') else ''"/>
    <xsl:variable name="link" select="h:links-to-apparatus(.) and (if ($detached) then $label ne '' else exists(ed:app-lemma(.)/node()))"/>
    <xsl:element name="{if ($link) then 'a' else 'span'}">
      <xsl:if test="$link"><xsl:attribute name="href" select="'apparatus.html#' || h:app-id(.)"/></xsl:if>
      <xsl:call-template name="h:attrs">
        <xsl:with-param name="id" select="ed:id(.)"/>
        <xsl:with-param name="class" select="if ($detached) then 'detached' else 'intervention'"/>
      </xsl:call-template>
      <xsl:choose>
        <xsl:when test="$detached"><xsl:value-of select="$label"/></xsl:when>
        <xsl:otherwise>
          <xsl:if test="exists(ed:app-variants(.))"><xsl:attribute name="title" select="ed:variants-label(.)"/></xsl:if>
          <xsl:apply-templates select="ed:app-lemma(.)/node()" mode="text">
            <xsl:with-param name="inline" select="true()" tunnel="yes"/>
            <xsl:with-param name="in-link" select="$link" tunnel="yes"/>
          </xsl:apply-templates>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:element>
    <xsl:apply-templates select="tei:note | tei:rdgGrp/tei:note" mode="text"/>
    <xsl:if test="$detached"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>

  <!-- The id of an intervention's apparatus entry: its xml:id; a generated one is prefixed
       with the text id (generated ids repeat across texts). -->
  <xsl:function name="h:app-id" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="if ($el/@xml:id) then string($el/@xml:id) else h:text-id($el) || '-' || ed:id($el)"/>
  </xsl:function>

  <!-- An intervention links to its apparatus entry itself (no mark that could split a word),
       unless it is inside a link or an editorial note on it (which links there) follows. -->
  <xsl:function name="h:links-to-apparatus" as="xs:boolean">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="h:is-text($el) and empty(ed:notes-on($el))
      and empty($el/ancestor::tei:app)
      and empty($el/ancestor::*[self::tei:persName or self::tei:placeName or self::tei:orgName or self::tei:name
                  or self::tei:rs or self::tei:title or self::tei:geogName or self::tei:roleName][@ref])
      and empty($el/ancestor::*[self::tei:ref or self::tei:ptr][@target])
      and empty($el/ancestor::tei:note[ancestor::tei:teiHeader])"/>
  </xsl:function>

  <!-- "Chamberlain] Chamberlin": the lemma of an apparatus entry or an editorial note. -->
  <xsl:template name="h:lemma">
    <xsl:choose>
      <xsl:when test="self::tei:app">
        <xsl:if test="ed:app-lemma(.)">
          <span class="lemma-printed"><xsl:value-of select="ed:reading-label(ed:app-lemma(.))"/></span>
        </xsl:if>
        <xsl:if test="exists(ed:app-variants(.))">
          <xsl:text>] </xsl:text>
          <span class="lemma-variants"><xsl:value-of select="ed:variants-label(.)"/></span>
        </xsl:if>
      </xsl:when>
      <xsl:when test="self::tei:choice">
        <span class="lemma-printed"><xsl:value-of select="ed:plain(ed:reading(., 'printed'))"/></span>
        <xsl:text>] </xsl:text>
        <span class="lemma-corrected"><xsl:value-of select="normalize-space(string-join(ed:reading(., 'corrected'), ''))"/></span>
      </xsl:when>
      <xsl:otherwise>
        <span class="lemma-printed"><xsl:value-of select="ed:plain(.)"/></span>
        <xsl:text>] </xsl:text>
        <span class="lemma-kind"><xsl:value-of select="map{'sic': 'as printed, doubtful', 'corr': 'corrected',
            'supplied': 'supplied by the editors'}(local-name()) => string()"/></span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- apparatus.html; empty when no text has an intervention. -->
  <xsl:template name="apparatus">
    <xsl:if test="h:has-apparatus()">
    <xsl:call-template name="h:page">
      <xsl:with-param name="title" select="'Apparatus'"/>
      <xsl:with-param name="current" select="'apparatus'"/>
      <xsl:with-param name="canonical" select="'apparatus.html'"/>
      <xsl:with-param name="description" select="'Every editorial intervention in ' || h:site-title()"/>
      <xsl:with-param name="content">
        <article class="apparatus-page">
          <h1>Apparatus</h1>
          <p class="lede">Every editorial intervention, with the reading as printed, the reading adopted, who
            made the decision and why. Each entry links to its place in the text.</p>
          <xsl:for-each select="$texts[exists(ed:interventions(.))]">
            <section aria-labelledby="app-{h:text-id(.)}">
              <h2 id="app-{h:text-id(.)}"><xsl:value-of select="(ed:doc-title(.)[.], h:text-id(.))[1]"/></h2>
              <xsl:variable name="witnesses" select=".//tei:witness[@xml:id]"/>
              <xsl:if test="exists($witnesses)">
                <h3 class="witnesses-title">Witnesses</h3>
                <dl class="witnesses">
                  <xsl:for-each select="$witnesses">
                    <dt><xsl:value-of select="(@n, @xml:id)[1]"/></dt>
                    <dd><xsl:value-of select="ed:plain(.)"/></dd>
                  </xsl:for-each>
                </dl>
              </xsl:if>
              <ol class="apparatus">
                <xsl:for-each select="ed:interventions(.)">
                  <xsl:call-template name="h:apparatus-entry"/>
                </xsl:for-each>
              </ol>
            </section>
          </xsl:for-each>
        </article>
      </xsl:with-param>
    </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template name="h:apparatus-entry">
    <xsl:variable name="id" select="ed:id(.)"/>
    <xsl:variable name="corr" select="(self::tei:corr, tei:corr, tei:reg, tei:expan, self::tei:supplied)[1]"/>
    <xsl:variable name="place" select="if (self::tei:app) then ed:app-place(.) else ."/>
    <xsl:variable name="where" select="$place/ancestor::*[self::tei:p or self::tei:head or self::tei:note or self::tei:l
                                       or self::tei:item or self::tei:ab][@xml:id][1]"/>
    <li id="{h:app-id(.)}" class="app-entry">
      <a class="app-place" href="{h:text-page(.)}#{if ($place is .) then $id else ed:id($place)}">
        <!-- (in a lineated transcription: the source line, 'line 5', 'a 5': ed:line-of) -->
        <xsl:value-of select="if (exists(ed:line-of($place))) then replace(ed:line-of($place), '^l\. ', 'line ')
                              else if ($where/self::tei:p) then 'paragraph ' || h:paragraph-number($where)
                              else if ($where) then local-name($where) || ' ' || $where/@xml:id
                              else if ($place/ancestor::tei:l[@n]) then 'line ' || $place/ancestor::tei:l[@n][1]/@n
                              else if (@loc) then 'line ' || @loc
                              else 'in the text'"/>
      </a>
      <xsl:text> </xsl:text>
      <span class="lemma"><xsl:call-template name="h:lemma"/></span>
      <xsl:variable name="resp" select="for $p in ed:id-from-pointer(($corr/@resp, @resp)[1]) return ed:by-id($p, .)"/>
      <xsl:if test="exists($resp) or $corr/@cert or @cert">
        <span class="resp gen">
          <xsl:text> (</xsl:text>
          <xsl:value-of select="string-join((
              if (exists($resp)) then ed:join-names(for $r in $resp return ed:plain(($r/(tei:persName, tei:name), $r)[1])) else (),
              (($corr/@cert, @cert)[1]) ! ('certainty: ' || .)), '; ')"/>
          <xsl:text>)</xsl:text>
        </span>
      </xsl:if>
      <xsl:for-each select="ed:notes-on(.)">
        <div class="app-note">
          <xsl:apply-templates mode="text">
            <xsl:with-param name="copy" select="true()" tunnel="yes"/>
            <xsl:with-param name="inline" select="true()" tunnel="yes"/>
          </xsl:apply-templates>
          <xsl:text> </xsl:text>
          <a class="app-note-link" href="{h:text-page(.)}#{ed:id(.)}">editorial note in the text</a>
        </div>
      </xsl:for-each>
    </li>
  </xsl:template>
</xsl:stylesheet>
