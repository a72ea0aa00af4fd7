<?xml version="1.0" encoding="UTF-8"?>
<!--
  The body of a text in print HTML (mode body). Paragraphs are <div class="p">, never <p>:
  the HTML parser would close a <p> at the first block inside it (TEI allows lists, quotes
  and notes with paragraphs inside a paragraph). Every element has a rule; an element with
  no specific rule renders its content in a span or div named after it (the fallback, last).

  The tunnel parameter $plain (default false) renders phrases again elsewhere (apparatus,
  chronology, imprint): no ids, no notes, so each id and each footnote exists once.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-edition:functions"
    xmlns:pr="urn:x-edition:print"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    exclude-result-prefixes="#all">

  <!-- Elements that are blocks when they stand outside a paragraph-level element. -->
  <xsl:variable name="pr:blocks" as="xs:string*" select="('p', 'ab', 'div', 'div1', 'div2', 'div3',
    'div4', 'div5', 'div6', 'div7', 'lg', 'l', 'list', 'item', 'table', 'row', 'cell', 'figure',
    'sp', 'speaker', 'stage', 'castList', 'castItem', 'opener', 'closer', 'salute', 'signed',
    'dateline', 'trailer', 'byline', 'docTitle', 'titlePart', 'docImprint', 'docAuthor',
    'docDate', 'titlePage', 'epigraph', 'argument', 'postscript', 'floatingText', 'listBibl',
    'bibl', 'quote', 'cit', 'label', 'head', 'lb', 'listPerson', 'listPlace', 'person', 'place')"/>

  <!-- In running text (inside a paragraph, line, heading or note)? -->
  <xsl:function name="pr:inline" as="xs:boolean">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="exists($el/ancestor::*[self::tei:p or self::tei:ab or self::tei:l or
      self::tei:head or self::tei:note or self::tei:item or self::tei:cell or self::tei:label
      or self::tei:speaker or self::tei:stage or self::tei:dateline or self::tei:salute
      or self::tei:signed or self::tei:byline or self::tei:titlePart or self::tei:docAuthor
      or self::tei:trailer or self::tei:docImprint or self::tei:docDate or self::tei:docEdition][1])"/>
  </xsl:function>

  <!-- The id attribute of a rendered element (none when rendering $plain). -->
  <xsl:template name="pr:id">
    <xsl:param name="plain" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:if test="not($plain)">
      <xsl:attribute name="id" select="pr:anchor(.)"/>
    </xsl:if>
  </xsl:template>

  <xsl:template name="pr:lang">
    <xsl:if test="@xml:lang">
      <xsl:attribute name="lang" select="ed:bcp47(@xml:lang)"/>
      <!-- a passage in a language written the other way from its context's -->
      <xsl:if test="ed:direction(@xml:lang) ne ed:direction(ed:lang-of(..))">
        <xsl:attribute name="dir" select="ed:direction(@xml:lang)"/>
      </xsl:if>
    </xsl:if>
  </xsl:template>

  <!-- ===== one text with its title block (mode pr:text) ===== -->

  <xsl:template match="document-node()" mode="pr:text">
    <xsl:param name="offprint" as="xs:boolean" select="false()"/>
    <xsl:variable name="key" select="pr:doc-key(.)"/>
    <xsl:variable name="title" select="pr:title(.)"/>
    <xsl:variable name="authors" select="pr:authors(.)"/>
    <xsl:variable name="source" select="(/*/tei:teiHeader/tei:fileDesc/tei:sourceDesc//tei:bibl)[1]"/>
    <article class="text{if ($offprint) then ' offprint-text' else ''}" id="{$key}" lang="{ed:declared-lang(.)}">
      <header class="text-head">
        <h1 class="text-title" data-running="{$title}">
          <xsl:value-of select="$title"/>
          <xsl:call-template name="pr:endnote-explainer">
            <xsl:with-param name="doc" select="."/>
          </xsl:call-template>
        </h1>
        <xsl:if test="exists($authors)">
          <p class="text-author"><xsl:value-of select="ed:join-names($authors)"/></p>
        </xsl:if>
        <xsl:if test="$source[normalize-space()]">
          <p class="text-source"><xsl:for-each select="$source"><xsl:call-template name="pr:bibl"/></xsl:for-each></p>
        </xsl:if>
        <xsl:apply-templates select="ed:corresp-actions(.)" mode="pr:corresp"/>
        <xsl:if test="$offprint and exists(pr:editors(.))">
          <p class="text-editors">Edited by <xsl:value-of select="ed:join-names(pr:editors(.))"/></p>
        </xsl:if>
      </header>
      <xsl:apply-templates select="(//tei:text[not(ancestor::tei:text)],
          /*[not(.//tei:text)]/(tei:sourceDoc, tei:standOff))" mode="body"/>
    </article>
  </xsl:template>

  <!-- ===== structure ===== -->

  <xsl:template match="tei:text | tei:front | tei:body | tei:back | tei:group" mode="body">
    <div class="{local-name()}">
      <xsl:call-template name="pr:lang"/>
      <!-- the text's direction (its title block, in the book's language, stays left to right) -->
      <xsl:if test="self::tei:text and not(ancestor::tei:text) and ed:direction(ed:lang-of(.)) = 'rtl'">
        <xsl:attribute name="dir" select="'rtl'"/>
      </xsl:if>
      <xsl:apply-templates mode="body"/>
    </div>
  </xsl:template>

  <xsl:template match="tei:div | tei:div1 | tei:div2 | tei:div3 | tei:div4 | tei:div5 | tei:div6 | tei:div7"
      mode="body">
    <section class="div depth{count(ancestor::*[starts-with(local-name(), 'div')]) + 1}{
        @type ! (' type-' || replace(., '[^\w-]', '_'))}">
      <xsl:call-template name="pr:id"/>
      <xsl:call-template name="pr:lang"/>
      <xsl:apply-templates select="ed:div-corresp-actions(.)" mode="pr:corresp"/>
      <xsl:if test="ed:div-label(.)"><p class="div-label" lang="en"><xsl:value-of select="ed:div-label(.)"/></p></xsl:if>
      <xsl:apply-templates mode="body"/>
    </section>
  </xsl:template>

  <!-- A sender, an addressee... (correspAction): 'From: …', 'To: …'. -->
  <xsl:template match="tei:correspAction" mode="pr:corresp">
    <p class="text-corresp"><span class="corresp-role"><xsl:value-of select="ed:corresp-role(.)"/>:</span>
      <xsl:text> </xsl:text><xsl:value-of select="ed:corresp-label(.)"/></p>
  </xsl:template>

  <!-- A division's heading: h2 for a top-level division (the running head's section), deeper h3/h4. -->
  <xsl:template match="tei:head[parent::*[starts-with(local-name(), 'div') or self::tei:body
      or self::tei:front or self::tei:back or self::tei:group]]" mode="body">
    <!-- headed divisions only: a headless chapter div around headed sections adds no level -->
    <xsl:variable name="depth" select="count(ancestor::*[starts-with(local-name(), 'div')][tei:head])"/>
    <xsl:element name="h{min((max(($depth, 1)) + 1, 5))}">
      <xsl:attribute name="class" select="'head' || (if ($depth le 1) then ' section-head' else '')"/>
      <xsl:if test="$depth le 1">
        <xsl:attribute name="data-running" select="ed:plain(.)"/>
      </xsl:if>
      <xsl:call-template name="pr:id"/>
      <xsl:apply-templates mode="body"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:p | tei:ab" mode="body">
    <xsl:param name="plain" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:element name="{if (pr:inline(.) or $plain) then 'span' else 'div'}">
      <xsl:attribute name="class" select="local-name() || (if (pr:inline(.)) then ' inner' else '')"/>
      <xsl:call-template name="pr:id"/>
      <xsl:call-template name="pr:lang"/>
      <xsl:apply-templates mode="body"/>
    </xsl:element>
  </xsl:template>

  <!-- A lineated transcription (ed:lineated: EpiDoc's <ab><lb n="1"/>…): each line of the
       source a line of its own, div.text-line (data-n: its @n; data-line: the number print.css
       shows in the margin, as for verse: ed:lb-labels), never merged with the next: the line
       before a break inside a word (lb break="no") is .break-after, which print.css ends with a
       hyphen, as editions of inscriptions and papyri print it. A line break inside an element
       (a supplied passage across lines): see tei:lb below. -->
  <xsl:template match="tei:p[ed:lineated(.)] | tei:ab[ed:lineated(.)]" mode="body" priority="2">
    <xsl:param name="plain" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:choose>
      <xsl:when test="$plain or pr:inline(.)"><xsl:next-match/></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="labels" select="ed:lb-labels(ed:line-breaks(.))"/>
        <div class="{local-name()} lineated">
          <xsl:call-template name="pr:id"/>
          <xsl:call-template name="pr:lang"/>
          <xsl:for-each-group select="node()" group-starting-with="tei:lb">
            <xsl:variable name="lb" select="current-group()[1][self::tei:lb]"/>
            <!-- the next line's break: looking forward, from this line's last node -->
            <xsl:variable name="next" select="current-group()[last()]/following-sibling::node()[1][self::tei:lb]"/>
            <xsl:if test="$lb or current-group()[self::* or self::text()[normalize-space()]]">
              <div class="text-line{if ($next/@break = 'no') then ' break-after' else ''}">
                <xsl:for-each select="$lb/@n"><xsl:attribute name="data-n" select="normalize-space(.)"/></xsl:for-each>
                <xsl:for-each select="$lb ! $labels(generate-id(.))[.]"><xsl:attribute name="data-line" select="."/></xsl:for-each>
                <xsl:apply-templates select="current-group() except $lb" mode="body">
                  <xsl:with-param name="pr:lines" select="$labels" tunnel="yes"/>
                </xsl:apply-templates>
              </div>
            </xsl:if>
          </xsl:for-each-group>
        </div>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A line break of a lineated block inside one of its elements: a hyphen when it breaks a
       word (span.line-hyphen, drawn by print.css), a <br>, its number in the margin (span.lb-n). -->
  <xsl:template match="tei:lb" mode="body" priority="1">
    <xsl:param name="plain" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:param name="pr:lines" tunnel="yes" as="map(xs:string, xs:string)?" select="()"/>
    <xsl:choose>
      <xsl:when test="not($plain) and exists($pr:lines) and map:contains($pr:lines, generate-id(.))">
        <xsl:if test="@break = 'no'"><span class="line-hyphen"/></xsl:if>
        <br class="lb"/>
        <span class="lb-n">
          <xsl:for-each select="@n"><xsl:attribute name="data-n" select="normalize-space(.)"/></xsl:for-each>
          <xsl:for-each select="$pr:lines(generate-id(.))[.]"><xsl:attribute name="data-line" select="."/></xsl:for-each>
        </span>
      </xsl:when>
      <xsl:otherwise><xsl:next-match/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Block quotation (cit type="block", or a quote standing between paragraphs). -->
  <xsl:template match="tei:cit[not(pr:inline(.))] | tei:quote[not(pr:inline(.)) and not(parent::tei:cit)]
      | tei:epigraph[not(pr:inline(.))]" mode="body">
    <blockquote class="{local-name()} block">
      <xsl:call-template name="pr:id"/>
      <xsl:call-template name="pr:lang"/>
      <!-- a quotation's source after its words, wherever the TEI puts it -->
      <xsl:variable name="source" select="self::tei:cit/(tei:bibl | tei:ref | tei:ptr)"/>
      <xsl:apply-templates select="node() except $source, $source" mode="body"/>
    </blockquote>
  </xsl:template>

  <xsl:template match="tei:cit[not(pr:inline(.))]/tei:quote" mode="body">
    <div class="quote">
      <xsl:call-template name="pr:lang"/>
      <xsl:apply-templates mode="body"/>
    </div>
  </xsl:template>

  <xsl:template match="tei:cit[not(pr:inline(.))]/tei:bibl" mode="body">
    <div class="cit-bibl"><xsl:apply-templates mode="body"/></div>
  </xsl:template>

  <xsl:template match="tei:lg" mode="body">
    <div class="lg">
      <xsl:call-template name="pr:id"/>
      <xsl:apply-templates mode="body"/>
    </div>
  </xsl:template>

  <xsl:template match="tei:l" mode="body">
    <xsl:param name="plain" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:element name="{if ($plain or pr:inline(.)) then 'span' else 'div'}">
      <xsl:attribute name="class" select="'l'"/>
      <xsl:if test="not($plain or pr:inline(.))">
        <xsl:for-each select="ed:line-number(.)[.]"><xsl:attribute name="data-line" select="."/></xsl:for-each>
      </xsl:if>
      <xsl:call-template name="pr:id"/>
      <xsl:apply-templates mode="body"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:list" mode="body">
    <xsl:element name="{if (pr:inline(.)) then 'span' else 'div'}">
      <xsl:attribute name="class" select="'list' || @type ! (' type-' || replace(., '[^\w-]', '_'))"/>
      <xsl:call-template name="pr:id"/>
      <xsl:apply-templates mode="body"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:item" mode="body">
    <span class="item">
      <xsl:call-template name="pr:id"/>
      <xsl:apply-templates mode="body"/>
    </span>
  </xsl:template>

  <xsl:template match="tei:table" mode="body">
    <table class="table">
      <xsl:call-template name="pr:id"/>
      <xsl:apply-templates select="tei:head" mode="body"/>
      <tbody><xsl:apply-templates select="* except tei:head" mode="body"/></tbody>
    </table>
  </xsl:template>
  <xsl:template match="tei:table/tei:head" mode="body" priority="2">
    <caption><xsl:apply-templates mode="body"/></caption>
  </xsl:template>
  <xsl:template match="tei:row" mode="body">
    <tr class="row"><xsl:apply-templates mode="body"/></tr>
  </xsl:template>
  <xsl:template match="tei:cell" mode="body">
    <td class="cell">
      <xsl:for-each select="@cols[. castable as xs:integer]"><xsl:attribute name="colspan" select="xs:integer(.)"/></xsl:for-each>
      <xsl:for-each select="@rows[. castable as xs:integer]"><xsl:attribute name="rowspan" select="xs:integer(.)"/></xsl:for-each>
      <xsl:apply-templates mode="body"/>
    </td>
  </xsl:template>
  <!-- Anything else inside a table that is not a row: a full-width row of its own. -->
  <xsl:template match="tei:table/*[not(self::tei:row or self::tei:head)]" mode="body">
    <tr class="{local-name()}"><td colspan="99"><xsl:next-match/></td></tr>
  </xsl:template>

  <!-- Figures: the description and caption; images are not fetched (no URL leaves the sources). -->
  <xsl:template match="tei:figure" mode="body">
    <xsl:element name="{if (pr:inline(.)) then 'span' else 'div'}">
      <xsl:attribute name="class" select="'figure'"/>
      <xsl:call-template name="pr:id"/>
      <xsl:apply-templates mode="body"/>
    </xsl:element>
  </xsl:template>
  <xsl:template match="tei:graphic | tei:media | tei:binaryObject" mode="body">
    <span class="{local-name()}">[illustration<xsl:if test="tei:desc">: <xsl:apply-templates select="tei:desc/node()" mode="body"/></xsl:if>]</span>
  </xsl:template>

  <!-- ===== phrases ===== -->

  <xsl:template match="tei:persName | tei:placeName | tei:orgName | tei:name | tei:rs | tei:geogName" mode="body">
    <span class="{local-name()}">
      <xsl:if test="@ref"><xsl:call-template name="pr:id"/></xsl:if>
      <xsl:apply-templates mode="body"/>
    </span>
  </xsl:template>

  <xsl:template match="tei:title" mode="body">
    <xsl:element name="{if (@level = ('a', 'u') or @type = 'sub' and false()) then 'span' else 'cite'}">
      <xsl:attribute name="class" select="string-join(('title', @level ! ('level-' || replace(., '[^\w-]', '_'))), ' ')"/>
      <xsl:if test="@ref"><xsl:call-template name="pr:id"/></xsl:if>
      <xsl:apply-templates mode="body"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:foreign | tei:term[@xml:lang] | tei:mentioned" mode="body">
    <i class="{local-name()}"><xsl:call-template name="pr:lang"/><xsl:apply-templates mode="body"/></i>
  </xsl:template>

  <xsl:template match="tei:emph" mode="body">
    <em class="emph"><xsl:apply-templates mode="body"/></em>
  </xsl:template>

  <xsl:template match="tei:hi" mode="body">
    <xsl:variable name="kinds" select="ed:rend-kinds(.)"/>
    <xsl:variable name="name" select="
      if ($kinds = 'sup') then 'sup' else if ($kinds = 'sub') then 'sub'
      else if ($kinds = 'bold') then 'b' else if ($kinds = 'italic') then 'i'
      else if ($kinds = 'underline') then 'u' else 'span'"/>
    <xsl:element name="{$name}">
      <!-- (every kind the element's name does not say, as a class: italic and raised, bold and italic) -->
      <xsl:attribute name="class" select="string-join(('hi', 'sc'[$kinds = 'smallcaps'], $kinds[not(. = ($name, 'smallcaps'))]
        [not(. = 'italic' and $name = 'i')][not(. = 'bold' and $name = 'b')][not(. = 'underline' and $name = 'u')] ! ('rend-' || .),
        'hi-default'[empty($kinds) and not(matches(lower-case(string-join((current()/@rend, current()/@rendition, current()/@style), ' ')), 'roman|normal'))]), ' ')"/>
      <xsl:apply-templates mode="body"/>
    </xsl:element>
  </xsl:template>

  <!-- A quotation in running text: the marks its encoding leaves out (ed:quote-marks). -->
  <xsl:template match="tei:q | tei:quote | tei:said" mode="body">
    <xsl:variable name="marks" select="if (pr:inline(.)) then ed:quote-marks(.) else ()"/>
    <xsl:choose>
      <xsl:when test="exists($marks)">
        <span class="{local-name()}"><xsl:if test="@xml:id"><xsl:call-template name="pr:id"/></xsl:if><xsl:call-template name="pr:lang"/><xsl:value-of select="$marks[1]"/><xsl:apply-templates mode="body"/><xsl:value-of select="$marks[2]"/></span>
      </xsl:when>
      <xsl:otherwise><xsl:call-template name="pr:element"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:q | tei:quote | tei:said | tei:soCalled | tei:term | tei:gloss | tei:date | tei:time
      | tei:num | tei:measure | tei:roleName | tei:addName | tei:forename | tei:surname | tei:genName
      | tei:orgName/tei:* | tei:seg | tei:w | tei:c | tei:pc | tei:distinct | tei:sic/tei:*
      | tei:cit | tei:epigraph | tei:bibl | tei:author | tei:editor | tei:pubPlace | tei:publisher
      | tei:biblScope | tei:idno | tei:unclear | tei:add | tei:orig | tei:reg | tei:abbr | tei:expan
      | tei:label | tei:stage | tei:speaker | tei:salute | tei:signed | tei:dateline | tei:byline
      | tei:docAuthor | tei:docDate | tei:docImprint | tei:titlePart | tei:docTitle | tei:opener
      | tei:closer | tei:trailer | tei:sp | tei:castList | tei:castItem | tei:role | tei:roleDesc
      | tei:titlePage | tei:argument | tei:postscript | tei:floatingText | tei:head | tei:desc
      | tei:figDesc | tei:listBibl | tei:fw | tei:damage | tei:restore | tei:subst | tei:app | tei:lem
      | tei:rdg | tei:del | tei:corr | tei:reg | tei:ex | tei:am" mode="body" priority="-0.5">
    <xsl:call-template name="pr:element"/>
  </xsl:template>

  <!-- Dates need an id (the chronology points at them), like register mentions. -->
  <xsl:template match="tei:date[@when or @from or @to or @notBefore or @notAfter]" mode="body">
    <span class="date">
      <xsl:call-template name="pr:id"/>
      <xsl:apply-templates mode="body"/>
    </span>
  </xsl:template>

  <xsl:template match="tei:del" mode="body">
    <span class="{if (ancestor::tei:restore) then 'del restored' else 'del'}"><xsl:apply-templates mode="body"/></span>
  </xsl:template>
  <xsl:template match="tei:secl" mode="body">
    <span class="secl">{<xsl:apply-templates mode="body"/>}</span>
  </xsl:template>
  <xsl:template match="tei:handShift" mode="body">
    <span class="handShift"><xsl:value-of select="' [' || ed:hand-label(.) || '] '"/></span>
  </xsl:template>

  <xsl:template match="tei:add" mode="body">
    <span class="add"><xsl:apply-templates mode="body"/></span>
  </xsl:template>

  <!-- a pointer that calls a note kept apart (standOff, the back): the note, here -->
  <xsl:template match="tei:ptr[@target][ed:notes-at(.)] | tei:ref[@target][not(node())][ed:notes-at(.)]" mode="body" priority="1">
    <xsl:apply-templates select="ed:notes-at(.)" mode="body">
      <xsl:with-param name="placed" select="true()" tunnel="yes"/>
    </xsl:apply-templates>
  </xsl:template>

  <!-- an empty canonical reference (ref cRef="Ps 115:3"): the reference, in parentheses -->
  <xsl:template match="tei:ref[@cRef][not(@target)][not(node())] | tei:ptr[@cRef][not(@target)]" mode="body" priority="1">
    <span class="ref"><xsl:value-of select="' (' || normalize-space(@cRef) || ')'"/></span>
  </xsl:template>

  <xsl:template match="tei:ref | tei:ptr" mode="body">
    <xsl:variable name="url" select="ed:safe-url(@target)"/>
    <xsl:variable name="external" select="$url and matches($url, '^(https?|mailto):', 'i')"/>
    <xsl:element name="{if ($external) then 'a' else 'span'}">
      <xsl:attribute name="class" select="local-name()"/>
      <xsl:if test="$external"><xsl:attribute name="href" select="$url"/></xsl:if>
      <xsl:apply-templates mode="body"/>
      <xsl:variable name="cited" select="ed:cited-note(.)"/>
      <xsl:if test="$cited and @type = 'note'"><sup class="note-again"><xsl:value-of select="ed:note-number($cited)"/></sup></xsl:if>
      <xsl:if test="$cited and not(@type = 'note')">note <xsl:value-of select="ed:note-number($cited)"/></xsl:if>
      <xsl:if test="self::tei:ptr and not($cited)"><xsl:value-of select="@target"/></xsl:if>
    </xsl:element>
  </xsl:template>

  <!-- ===== editorial markup in the text ===== -->

  <!-- The reading as printed stands in the text; the apparatus gives the correction. -->
  <xsl:template match="tei:choice" mode="body">
    <xsl:variable name="editorial" select="exists(tei:sic | tei:corr)"/>
    <span class="choice{if ($editorial) then ' intervention' else ''}">
      <xsl:call-template name="pr:id"/>
      <xsl:apply-templates select="ed:reading(., 'printed')" mode="body"/>
    </span>
  </xsl:template>

  <!-- A critical apparatus entry: the lemma (else the first reading) stands in the text; the
       variants and the entry's notes are in the apparatus. -->
  <xsl:template match="tei:app[ed:app-detached(.)]" mode="body" priority="1">
    <span class="app detached">
      <xsl:call-template name="pr:id"/>
      <xsl:value-of select="string-join((@loc, ed:app-label(.), ed:notes-on(.) ! ed:plain(.)), ' ')"/>
    </span>
    <xsl:text> </xsl:text>
  </xsl:template>

  <xsl:template match="tei:app" mode="body">
    <span class="app intervention">
      <xsl:call-template name="pr:id"/>
      <xsl:apply-templates select="ed:app-lemma(.)/node()" mode="body"/>
    </span>
  </xsl:template>

  <!-- A TEI example (egXML): its markup, preformatted. -->
  <xsl:template match="*:egXML" mode="body">
    <pre class="egXML"><xsl:value-of select="ed:example-markup(.)"/></pre>
  </xsl:template>

  <xsl:template match="tei:form | tei:gramGrp | tei:pos | tei:gen | tei:number | tei:case | tei:etym | tei:usg | tei:lbl | tei:xr | tei:def" mode="body">
    <xsl:call-template name="pr:element"/>
    <xsl:text> </xsl:text>  <!-- (dictionaries often write these parts with no space between) -->
  </xsl:template>
  <xsl:template match="tei:sense[@n]" mode="body">
    <div class="sense"><xsl:call-template name="pr:id"/><span class="sense-n"><xsl:value-of select="@n"/>. </span>
      <xsl:apply-templates mode="body"/></div>
  </xsl:template>

  <!-- A source document's transcription (sourceDoc): zones as blocks, each line a line. -->
  <xsl:template match="tei:sourceDoc | tei:surface | tei:surfaceGrp | tei:zone" mode="body">
    <div class="{local-name()}"><xsl:call-template name="pr:lang"/><xsl:apply-templates mode="body"/></div>
  </xsl:template>
  <xsl:template match="tei:line" mode="body">
    <div class="l"><xsl:apply-templates mode="body"/></div>
  </xsl:template>

  <!-- Dictionaries: an empty oRef stands for the headword. -->
  <xsl:template match="tei:oRef[not(node())] | tei:oVar[not(node())]" mode="body">
    <span class="oRef"><xsl:value-of select="ed:headword(.)"/></span>
  </xsl:template>

  <!-- A quotation with its source (run in): the source after the words, wherever the TEI puts
       it, in parentheses. -->
  <xsl:template match="tei:cit" mode="body">
    <span class="cit">
      <xsl:if test="@xml:id"><xsl:call-template name="pr:id"/></xsl:if>
      <xsl:call-template name="pr:lang"/>
      <xsl:apply-templates select="node() except (tei:bibl | tei:ref | tei:ptr)" mode="body"/>
      <xsl:for-each select="(tei:bibl | tei:ref)[normalize-space()]">
        <xsl:variable name="paren" select="not(starts-with(normalize-space(), '('))"/>
        <xsl:value-of select="if ($paren) then ' (' else ' '"/><xsl:apply-templates select="." mode="body"/><xsl:value-of select="')'[$paren]"/>
      </xsl:for-each>
      <xsl:apply-templates select="tei:ptr" mode="body"/>
    </span>
  </xsl:template>

  <!-- Tokens (w, pc) written without spaces between them: spaced as words (ed:space-after). -->
  <xsl:template match="tei:w | tei:pc" mode="body">
    <xsl:call-template name="pr:element"/>
    <xsl:if test="ed:space-after(.)"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>

  <!-- Speech: a turn with its speaker's name; events as bracketed words; no annotations. -->
  <xsl:template match="tei:u" mode="body">
    <div class="u">
      <xsl:call-template name="pr:id"/>
      <xsl:for-each select="ed:speakers(.)[.]"><span class="speaker"><xsl:value-of select="."/>: </span></xsl:for-each>
      <xsl:apply-templates mode="body"/>
    </div>
  </xsl:template>
  <xsl:template match="tei:pause | tei:incident | tei:vocal | tei:kinesic | tei:shift | tei:writing[not(node()[not(self::tei:desc)])]" mode="body">
    <i class="event"><xsl:value-of select="' ' || ed:event-label(.) || ' '"/></i>
  </xsl:template>
  <xsl:template match="tei:spanGrp | tei:span | tei:timeline | tei:interpGrp | tei:linkGrp" mode="body"/>

  <!-- A text's own register lists: in the index, not the reading text. -->
  <xsl:template match="tei:listPerson | tei:listPlace | tei:listOrg | tei:listEvent | tei:listNym | tei:listRelation | tei:listObject" mode="body"/>

  <!-- A glyph: its content, else the character its declaration maps it to. -->
  <xsl:template match="tei:g[not(node())]" mode="body">
    <span class="g"><xsl:value-of select="ed:glyph(.)"/></span>
  </xsl:template>

  <xsl:template match="tei:sic[not(parent::tei:choice)]" mode="body">
    <span class="sic intervention">
      <xsl:call-template name="pr:id"/>
      <xsl:apply-templates mode="body"/>
    </span>
  </xsl:template>

  <!-- Leiden brackets: [supplied], ⟨supplied where the source omits it⟩, {surplus}. -->
  <xsl:template match="tei:corr[not(parent::tei:choice)] | tei:supplied | tei:surplus" mode="body">
    <xsl:variable name="omitted" select="self::tei:supplied and @reason = 'omitted'"/>
    <span class="{local-name(), 'intervention'[not(current()/self::tei:surplus)]}">
      <xsl:call-template name="pr:id"/>
      <xsl:value-of select="if (self::tei:surplus) then '{' else if ($omitted) then '⟨' else '['"/>
      <xsl:apply-templates mode="body"/>
      <xsl:value-of select="if (self::tei:surplus) then '}' else if ($omitted) then '⟩' else ']'"/>
    </span>
  </xsl:template>

  <xsl:template match="tei:gap" mode="body">
    <xsl:choose>
      <xsl:when test="@reason = 'not-in-source'"/>
      <xsl:when test="@reason = 'excerpt-start'"><span class="gap excerpt-start">[…] </span></xsl:when>
      <xsl:when test="@reason = 'excerpt-end'"><span class="gap excerpt-end"> […]</span></xsl:when>
      <xsl:otherwise><span class="gap">[…<xsl:value-of select="ed:gap-words(.)[.] ! (' ' || .)"/>]</span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:space" mode="body">
    <span class="space"><xsl:text>&#x2002;</xsl:text></span>
  </xsl:template>

  <!-- Source page breaks: an anchor (no number is printed; the source prints none). -->
  <xsl:template match="tei:pb | tei:cb | tei:milestone | tei:anchor" mode="body">
    <xsl:param name="plain" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:if test="not($plain) and @xml:id">
      <span class="{local-name()}" id="{pr:anchor(.)}"/>
      <xsl:apply-templates select="self::tei:anchor/ed:notes-at(.)" mode="body">
        <xsl:with-param name="placed" select="true()" tunnel="yes"/>
      </xsl:apply-templates>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:lb" mode="body">
    <xsl:choose>
      <xsl:when test="@break = 'no' or ed:hyphen-break(.)"/>
      <xsl:when test="ancestor::tei:p or ancestor::tei:head or ancestor::tei:note">
        <xsl:if test="not(ed:cjk-join(.))"><xsl:text> </xsl:text></xsl:if>
      </xsl:when>
      <xsl:otherwise><br class="lb"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Header-only and machinery elements that may turn up inside text: rendered as text. -->
  <!-- Whitespace collapsed here, as HTML would (WeasyPrint 70 trips over a tab-and-newline
       run inside a footnote in a heading). -->
  <xsl:template match="text()" mode="body">
    <xsl:value-of select="replace(., '\s+', ' ')"/>
  </xsl:template>
  <!-- before a line or page break inside a word: the source's line breaking is no space -->
  <xsl:template match="text()[following-sibling::node()[1][self::tei:lb[@break = 'no' or ed:hyphen-break(.)] or self::tei:pb[@break = 'no']]]" mode="body" priority="1">
    <xsl:value-of select="replace(replace(., '\s+', ' '), ' $', '')"/>
  </xsl:template>
  <!-- after a line break inside a word (break="no", or a line-end hyphen): none either -->
  <xsl:template match="text()[preceding-sibling::node()[1][self::tei:lb[@break = 'no' or ed:hyphen-break(.)]]]" mode="body" priority="2">
    <xsl:variable name="s" select="replace(replace(., '\s+', ' '), '^ ', '')"/>
    <xsl:value-of select="if (following-sibling::node()[1][self::tei:lb[@break = 'no' or ed:hyphen-break(.)] or self::tei:pb[@break = 'no']])
        then replace($s, ' $', '') else $s"/>
  </xsl:template>
  <!-- the markup's line breaking between breaks and the page's furniture is no space (the
       breaks make their own) -->
  <xsl:template match="text()[not(normalize-space())][preceding-sibling::node()[1][self::tei:lb or self::tei:pb or self::tei:cb or self::tei:fw]]
      [following-sibling::node()[1][self::tei:lb or self::tei:pb or self::tei:cb or self::tei:fw]]" mode="body" priority="3"/>
  <xsl:template match="text()[matches(., $ed:cjk)]" mode="body">
    <xsl:value-of select="replace(ed:cjk-trim(.), '\s+', ' ')"/>
  </xsl:template>
  <xsl:template match="comment() | processing-instruction()" mode="body"/>

  <!-- ===== the fallback: any other element renders its content, named by a class ===== -->

  <xsl:template match="*" mode="body" priority="-1">
    <xsl:call-template name="pr:element"/>
  </xsl:template>

  <xsl:template name="pr:element">
    <xsl:param name="plain" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:param name="children" as="node()*" select="node()"/>
    <xsl:variable name="block" select="not($plain) and not(pr:inline(.)) and
      (local-name() = $pr:blocks or exists(.//*[local-name() = $pr:blocks]))"/>
    <xsl:element name="{if ($block) then 'div' else 'span'}">
      <xsl:attribute name="class" select="string-join((local-name(),
          if (@rend or @rendition or @style) then ed:rend-kinds(.) ! ('rend-' || .) else ()), ' ')"/>
      <xsl:if test="@xml:id or @ref"><xsl:call-template name="pr:id"/></xsl:if>
      <xsl:call-template name="pr:lang"/>
      <xsl:apply-templates select="$children" mode="body"/>
    </xsl:element>
  </xsl:template>
</xsl:stylesheet>
