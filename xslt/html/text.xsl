<?xml version="1.0" encoding="UTF-8"?>
<!--
  A TEI document's text as HTML (mode "text"). Tunnel parameters:
    inline   inside phrasing content (a p, a heading, a note): blocks become spans
    copy     a second rendering (margin note): no ids
    in-link  inside a link: names and refs render without their own link
    page     the document whose reading page this is (() on whole-edition pages)
  Any element without a rule below renders its content in a span/div classed with its name.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-edition:functions"
    xmlns:h="urn:x-edition:html"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    exclude-result-prefixes="#all">

  <!-- ============ the reading page ============ -->
  <xsl:template name="h:text-page">
    <xsl:variable name="doc" select="/"/>
    <!-- (a document transcribed only as sourceDoc: its surfaces, zones and lines) -->
    <xsl:variable name="texts-el" select="(/tei:TEI/tei:text, /tei:teiCorpus//tei:TEI/tei:text,
                                          /tei:TEI[not(tei:text)]/tei:sourceDoc)"/>
    <xsl:variable name="title" select="(ed:doc-title(/)[.], h:text-id(/))[1]"/>
    <xsl:variable name="authors" select="h:authors(/)"/>
    <xsl:call-template name="h:page">
      <xsl:with-param name="title" select="$title"/>
      <xsl:with-param name="lang" select="h:lang(/)"/>
      <xsl:with-param name="current" select="h:text-id(/)"/>
      <xsl:with-param name="canonical" select="h:text-page(/)"/>
      <xsl:with-param name="description" select="string-join((ed:join-names(h:names($authors))[.], $title,
          if (exists($edition)) then 'in ' || h:site-title() else ()), ', ')"/>
      <xsl:with-param name="json-ld" select="map:merge((
          map{'@context': 'https://schema.org', '@type': 'Chapter', 'name': $title, 'url': h:url(h:text-page(/))},
          if (ed:declared-lang(/)) then map{'inLanguage': ed:declared-lang(/)} else (),
          if (exists($authors)) then map{'author': h:agents(h:names($authors))} else (),
          if (exists($edition)) then map{'isPartOf': h:edition-json()} else ()))"/>
      <xsl:with-param name="content">
        <xsl:if test="empty(/*/(tei:text, tei:sourceDoc, tei:TEI))">
          <xsl:message select="'the document has no text (no text, sourceDoc or TEI in it): its page shows only its header'"/>
        </xsl:if>
        <article class="reading" lang="{ed:declared-lang(/)}">
          <header class="text-head">
            <h1 dir="auto"><xsl:value-of select="$title"/></h1>
            <xsl:call-template name="h:byline"><xsl:with-param name="doc" select="/"/></xsl:call-template>
            <xsl:call-template name="h:source-line"><xsl:with-param name="doc" select="/"/></xsl:call-template>
            <xsl:call-template name="h:correspondence"><xsl:with-param name="doc" select="/"/></xsl:call-template>
            <xsl:if test="exists(ed:interventions(/)[self::tei:choice])">
              <xsl:call-template name="h:reading-switch"/>
            </xsl:if>
            <xsl:call-template name="h:toc"><xsl:with-param name="scope" select="$texts-el"/></xsl:call-template>
          </header>
          <xsl:apply-templates select="$texts-el" mode="text">
            <xsl:with-param name="page" select="/" tunnel="yes"/>
          </xsl:apply-templates>
          <xsl:call-template name="h:end-notes">
            <xsl:with-param name="scope" select="$texts-el"/>
            <xsl:with-param name="page" select="/" tunnel="yes"/>
          </xsl:call-template>
          <footer class="text-foot">
            <h2 id="cite-text">How to cite this text</h2>
            <p class="citation" dir="auto"><xsl:value-of select="h:citation((), /)"/></p>
            <xsl:if test="$tei-href">
              <p><a class="download" href="{$tei-href}" type="application/tei+xml">TEI source of this text</a></p>
            </xsl:if>
          </footer>
        </article>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- "John Gunther (attribution: medium certainty)" -->
  <xsl:template name="h:byline">
    <xsl:param name="doc" as="node()"/>
    <xsl:variable name="authors" select="h:authors($doc)"/>
    <xsl:if test="exists($authors)">
      <p class="byline">
        <xsl:for-each select="$authors">
          <xsl:if test="position() gt 1"><xsl:value-of select="if (position() = last()) then ' and ' else ', '"/></xsl:if>
          <span class="author"><xsl:value-of select="ed:agent-names(.)"/></span>
          <xsl:if test="@cert">
            <span class="cert"> (attributed; certainty: <xsl:value-of select="@cert"/>)</span>
          </xsl:if>
        </xsl:for-each>
      </p>
    </xsl:if>
  </xsl:template>

  <xsl:template name="h:source-line">
    <xsl:param name="doc" as="node()"/>
    <xsl:variable name="bibl" select="root($doc)/*/tei:teiHeader/tei:fileDesc/tei:sourceDesc/(tei:bibl, tei:biblStruct, tei:biblFull, tei:listBibl/tei:bibl)[1]"/>
    <xsl:if test="$bibl and ed:bibl-label($bibl)">
      <p class="source">Source: <xsl:value-of select="ed:bibl-label($bibl)"/></p>
    </xsl:if>
  </xsl:template>

  <!-- A letter's senders and addressees, places and dates (correspDesc). -->
  <xsl:template name="h:correspondence">
    <xsl:param name="doc" as="node()"/>
    <xsl:param name="actions" as="element(tei:correspAction)*" select="ed:corresp-actions($doc)"/>
    <xsl:if test="exists($actions)">
      <dl class="correspondence">
        <xsl:for-each select="$actions">
          <dt><xsl:value-of select="ed:corresp-role(.)"/></dt>
          <dd><xsl:value-of select="ed:corresp-label(.)"/></dd>
        </xsl:for-each>
      </dl>
    </xsl:if>
  </xsl:template>

  <!-- Printed / corrected reading: radio buttons; CSS (:has) switches without JS. -->
  <xsl:template name="h:reading-switch">
    <fieldset class="reading-switch">
      <legend>Reading</legend>
      <label><input type="radio" name="reading" value="printed" id="reading-printed" checked="checked"/> as printed</label>
      <label><input type="radio" name="reading" value="corrected" id="reading-corrected"/> corrected</label>
    </fieldset>
  </xsl:template>

  <!-- Table of contents: every div with a head. -->
  <xsl:template name="h:toc">
    <xsl:param name="scope" as="element()*"/>
    <xsl:variable name="divs" select="$scope/descendant::*[self::tei:div or self::tei:div1 or self::tei:div2
                                      or self::tei:div3 or self::tei:div4 or self::tei:div5][tei:head][not(ancestor::tei:note)]"/>
    <xsl:if test="count($divs) gt 1">
      <nav class="toc" aria-labelledby="toc-title">
        <h2 id="toc-title">Contents</h2>
        <ol>
          <xsl:for-each select="$divs">
            <xsl:variable name="depth" select="count(ancestor::*[h:is-div(.)])"/>
            <li class="toc-{min((3, $depth + 1))}">
              <a href="#{(tei:head[1]/@xml:id, @xml:id, ed:id(.))[1]}"><xsl:value-of select="ed:plain(tei:head[1])"/></a>
            </li>
          </xsl:for-each>
        </ol>
      </nav>
    </xsl:if>
  </xsl:template>

  <xsl:function name="h:is-div" as="xs:boolean">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="exists($el/(self::tei:div, self::tei:div1, self::tei:div2, self::tei:div3, self::tei:div4,
                          self::tei:div5, self::tei:div6, self::tei:div7))"/>
  </xsl:function>

  <!-- ============ shared attribute helpers ============ -->

  <!-- id (unless a copy), lang, class from the element's name and @rend/@type. -->
  <xsl:template name="h:attrs">
    <xsl:param name="class" as="xs:string?" select="()"/>
    <xsl:param name="id" as="xs:string?" select="@xml:id"/>
    <xsl:param name="copy" tunnel="yes" as="xs:boolean" select="false()"/>
    <xsl:if test="$id and not($copy)"><xsl:attribute name="id" select="$id"/></xsl:if>
    <xsl:if test="@xml:lang"><xsl:attribute name="lang" select="ed:bcp47(@xml:lang)"/></xsl:if>
    <!-- a passage in a language written the other way from its context's -->
    <xsl:if test="@xml:lang and ed:direction(@xml:lang) ne ed:direction(ed:lang-of(..))">
      <xsl:attribute name="dir" select="ed:direction(@xml:lang)"/>
    </xsl:if>
    <xsl:attribute name="class" select="if (not(@rend or @type or @rendition or @style)) then (if (not($class) or $class = local-name())
       then local-name() else string-join(distinct-values((local-name(), tokenize($class, ' '))), ' '))
       else string-join(distinct-values((local-name(), tokenize($class, ' '),
       for $t in tokenize(normalize-space(@rend), ' ')[matches(., '^[\w-]+$')] return 'rend-' || $t,
       ed:rend-kinds(.) ! ('rend-' || .),
       for $t in tokenize(normalize-space(@type), ' ')[matches(., '^[\w-]+$')] return 'type-' || $t)), ' ')"/>
  </xsl:template>

  <!-- The rendition of an element with no specific rule: its content, its name as a class. -->
  <xsl:template match="*" mode="text">
    <!-- reported, never silently generic: the build counts these per element name -->
    <xsl:message select="'unhandled ' || name()"/>
    <xsl:call-template name="h:generic"/>
  </xsl:template>

  <!-- Elements whose right rendering is the generic one: linguistic segments, the parts of a
       citation or imprint, the editorial declarations (their name stays their class; nothing to report). -->
  <xsl:template match="tei:msDesc | tei:s | tei:c | tei:m | tei:cl | tei:phr | tei:seg | tei:rhyme
                       | tei:bibl | tei:biblScope | tei:author | tei:editor | tei:publisher | tei:pubPlace
                       | tei:idno | tei:docDate | tei:docEdition
                       | tei:correction | tei:hyphenation | tei:interpretation | tei:normalization
                       | tei:quotation | tei:segmentation | tei:stdVals | tei:punctuation
                       | tei:ex | tei:am | tei:label | tei:formula | tei:eg | tei:geo | tei:location | tei:listApp
                       | tei:pron | tei:hyph | tei:syll | tei:per | tei:tns | tei:mood
                       | tei:superEntry | tei:entry | tei:re | tei:dictScrap | tei:subst | tei:metamark | tei:secl" mode="text">
    <xsl:call-template name="h:generic"/>
  </xsl:template>

  <!-- A manuscript description: its parts as classed blocks, the main ones labelled; any other
       element in it (support, extent, handNote...) generic on purpose. -->
  <xsl:template match="tei:msDesc//*" mode="text" priority="-0.25">
    <xsl:call-template name="h:generic"/>
  </xsl:template>
  <xsl:template match="tei:msContents | tei:physDesc | tei:history | tei:additional | tei:msPart
                       | tei:incipit | tei:explicit | tei:rubric | tei:finalRubric | tei:colophon" mode="text">
    <xsl:param name="inline" tunnel="yes" as="xs:boolean" select="false()"/>
    <xsl:element name="{if ($inline or h:phrasing-only(.)) then 'span' else 'div'}">
      <xsl:call-template name="h:attrs"/>
      <span class="ms-label gen"><xsl:value-of select="$h:ms-labels(local-name())"/>: </span>
      <xsl:apply-templates mode="text"/>
    </xsl:element>
  </xsl:template>
  <xsl:variable name="h:ms-labels" as="map(xs:string, xs:string)" select="map{'msContents': 'Contents',
      'physDesc': 'Physical description', 'history': 'History', 'additional': 'Additional information', 'msPart': 'Part',
      'incipit': 'Inc.', 'explicit': 'Expl.', 'rubric': 'Rubric', 'finalRubric': 'Final rubric', 'colophon': 'Colophon'}"/>

  <!-- A list of witnesses standing in a text: sigla and descriptions. -->
  <xsl:template match="tei:listWit" mode="text">
    <xsl:param name="inline" tunnel="yes" as="xs:boolean" select="false()"/>
    <xsl:choose>
      <xsl:when test="$inline"><xsl:call-template name="h:generic"/></xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="tei:head" mode="text"/>
        <dl><xsl:call-template name="h:attrs"><xsl:with-param name="class" select="'witnesses'"/></xsl:call-template>
          <xsl:for-each select=".//tei:witness">
            <dt><xsl:value-of select="(@n, @xml:id)[1]"/></dt>
            <dd><xsl:call-template name="h:attrs"/><xsl:apply-templates select="node() except tei:listWit" mode="text">
              <xsl:with-param name="inline" select="true()" tunnel="yes"/></xsl:apply-templates></dd>
          </xsl:for-each>
        </dl>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A text's own register lists: shown in the registers, not as reading text. -->
  <xsl:template match="tei:listPerson | tei:listPlace | tei:listOrg | tei:listEvent | tei:listNym | tei:listRelation | tei:listObject" mode="text"/>
  <!-- running heads, catchwords, signatures: the source page's furniture, not its text; a
       witness's start or end and a lacuna mark a reading (the apparatus words them) -->
  <xsl:template match="tei:fw | tei:witStart | tei:witEnd | tei:lacunaStart | tei:lacunaEnd" mode="text"/>

  <!-- An address (a letter's): a line per addrLine. -->
  <xsl:template match="tei:address" mode="text">
    <xsl:param name="inline" tunnel="yes" as="xs:boolean" select="false()"/>
    <xsl:element name="{if ($inline) then 'span' else 'div'}">
      <xsl:call-template name="h:attrs"/>
      <xsl:apply-templates mode="text"><xsl:with-param name="inline" select="true()" tunnel="yes"/></xsl:apply-templates>
    </xsl:element>
  </xsl:template>
  <xsl:template match="tei:addrLine" mode="text">
    <span><xsl:call-template name="h:attrs"/><xsl:apply-templates mode="text"/></span>
  </xsl:template>

  <!-- A source document's transcription (sourceDoc): surfaces and zones as blocks, each
       written line a line. -->
  <xsl:template match="tei:sourceDoc | tei:surface | tei:surfaceGrp | tei:zone" mode="text">
    <div><xsl:call-template name="h:attrs"/>
      <xsl:if test="self::tei:surface and @n"><span class="pb pb-mark" title="Surface {@n}" data-n="{@n}"/></xsl:if>
      <xsl:apply-templates mode="text"/>
    </div>
  </xsl:template>
  <xsl:template match="tei:line" mode="text">
    <div><xsl:call-template name="h:attrs"><xsl:with-param name="class" select="'l block'"/></xsl:call-template>
      <xsl:apply-templates mode="text"><xsl:with-param name="inline" select="true()" tunnel="yes"/></xsl:apply-templates>
    </div>
  </xsl:template>

  <!-- Dictionaries: the headword bold, a sense with its number, an empty oRef as the headword. -->
  <xsl:template match="tei:form | tei:gramGrp | tei:pos | tei:gen | tei:number | tei:case | tei:etym | tei:usg | tei:lbl | tei:xr | tei:def" mode="text">
    <xsl:call-template name="h:generic"/>
    <xsl:text> </xsl:text>  <!-- (dictionaries often write these parts with no space between) -->
  </xsl:template>
  <xsl:template match="tei:orth" mode="text">
    <b><xsl:call-template name="h:attrs"/><xsl:apply-templates mode="text"/></b>
  </xsl:template>
  <xsl:template match="tei:sense" mode="text">
    <xsl:param name="inline" tunnel="yes" as="xs:boolean" select="false()"/>
    <xsl:element name="{if ($inline) then 'span' else 'div'}">
      <xsl:call-template name="h:attrs"/>
      <xsl:if test="@n"><span class="sense-n gen"><xsl:value-of select="@n"/>. </span></xsl:if>
      <xsl:apply-templates mode="text"/>
    </xsl:element>
  </xsl:template>
  <xsl:template match="tei:oRef | tei:oVar | tei:pRef" mode="text">
    <span><xsl:call-template name="h:attrs"/>
      <xsl:choose>
        <xsl:when test="node()"><xsl:apply-templates mode="text"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="ed:headword(.)"/></xsl:otherwise>
      </xsl:choose>
    </span>
  </xsl:template>

  <!-- A glyph: its content, else the character its declaration maps it to; its name on hover. -->
  <xsl:template match="tei:g" mode="text">
    <xsl:variable name="decl" select="ed:by-id(ed:id-from-pointer(@ref)[1], .)"/>
    <span>
      <xsl:call-template name="h:attrs"/>
      <xsl:for-each select="($decl/(tei:glyphName, tei:charName))[1]"><xsl:attribute name="title" select="normalize-space()"/></xsl:for-each>
      <xsl:choose>
        <xsl:when test="node()"><xsl:apply-templates mode="text"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="ed:glyph(.)"/></xsl:otherwise>
      </xsl:choose>
    </span>
  </xsl:template>

  <!-- A space left blank in the source: a visible gap, named for screen readers. -->
  <xsl:template match="tei:space" mode="text">
    <xsl:variable name="extent" select="ed:gap-words(.)[.] ! (': ' || .)"/>
    <span title="blank space in the source{$extent}">
      <xsl:call-template name="h:attrs"/>
      <span class="visually-hidden">(blank space<xsl:value-of select="$extent"/>)</span>
    </span>
  </xsl:template>

  <!-- Element, attribute and value names (TEI documentation): as code. -->
  <xsl:template match="tei:gi | tei:tag | tei:att | tei:val | tei:ident | tei:code" mode="text">
    <code class="{local-name()}">
      <xsl:value-of select="if (self::tei:gi) then '&lt;' || . || '&gt;' else if (self::tei:att) then '@' || . else string(.)"/>
    </code>
  </xsl:template>

  <!-- A TEI example (egXML): its markup, preformatted. -->
  <xsl:template match="*:egXML" mode="text">
    <pre class="egXML"><xsl:value-of select="ed:example-markup(.)"/></pre>
  </xsl:template>

  <xsl:template name="h:generic">
    <xsl:param name="inline" tunnel="yes" as="xs:boolean" select="false()"/>
    <xsl:element name="{if ($inline or h:phrasing-only(.)) then 'span' else 'div'}">
      <xsl:call-template name="h:attrs"/>
      <xsl:apply-templates mode="text"/>
    </xsl:element>
  </xsl:template>

  <!-- An unknown element holding only text and phrase-level elements renders as a span. -->
  <xsl:function name="h:phrasing-only" as="xs:boolean">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="exists($el/parent::*[self::tei:p or self::tei:ab or self::tei:l or self::tei:head
      or self::tei:hi or self::tei:emph or self::tei:title or self::tei:q or self::tei:foreign
      or self::tei:u or self::tei:s or self::tei:seg or self::tei:w or self::tei:cl or self::tei:phr])"/>
  </xsl:function>

  <xsl:template match="text()" mode="text">
    <xsl:value-of select="."/>
  </xsl:template>
  <!-- before a line or page break inside a word: the source's line breaking is no space -->
  <xsl:template match="text()[following-sibling::node()[1][self::tei:lb[@break = 'no'] or self::tei:pb[@break = 'no']]]" mode="text">
    <xsl:value-of select="replace(., '\s+$', '')"/>
  </xsl:template>

  <!-- Tokens (w, pc) written without spaces between them: spaced as words (ed:space-after). -->
  <xsl:template match="tei:w | tei:pc" mode="text">
    <xsl:call-template name="h:generic"/>
    <xsl:if test="ed:space-after(.)"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>

  <!-- Speech: a turn with its speaker's name; non-verbal events as bracketed words; the
       transcript's annotations and timeline are not speech. -->
  <xsl:template match="tei:u" mode="text">
    <xsl:param name="inline" tunnel="yes" as="xs:boolean" select="false()"/>
    <xsl:element name="{if ($inline) then 'span' else 'div'}">
      <xsl:call-template name="h:attrs"><xsl:with-param name="class" select="'block'"/></xsl:call-template>
      <xsl:for-each select="ed:speakers(.)[.]"><span class="speaker gen"><xsl:value-of select="."/>: </span></xsl:for-each>
      <xsl:apply-templates mode="text"><xsl:with-param name="inline" select="true()" tunnel="yes"/></xsl:apply-templates>
    </xsl:element>
  </xsl:template>
  <xsl:template match="tei:pause | tei:incident | tei:vocal | tei:kinesic | tei:shift | tei:writing[not(node()[not(self::tei:desc)])]" mode="text">
    <span class="event gen"><xsl:value-of select="' ' || ed:event-label(.) || ' '"/></span>
  </xsl:template>
  <xsl:template match="tei:spanGrp | tei:span | tei:timeline | tei:interpGrp | tei:linkGrp" mode="text"/>
  <xsl:template match="tei:annotationBlock" mode="text">
    <div class="annotationBlock"><xsl:apply-templates mode="text"/></div>
  </xsl:template>
  <xsl:template match="comment() | processing-instruction()" mode="text"/>

  <!-- ============ structure ============ -->

  <xsl:template match="tei:text" mode="text">
    <xsl:param name="inline" tunnel="yes" as="xs:boolean" select="false()"/>
    <xsl:element name="{if ($inline) then 'span' else 'div'}">
      <xsl:call-template name="h:attrs"/>
      <!-- the text's direction (the page around it, its labels, stays left to right) -->
      <!-- (a text in no declared language: the browser's guess from its first letters) -->
      <xsl:if test="not(ancestor::tei:text)">
        <xsl:variable name="lang" select="ed:lang-of(.)"/>
        <xsl:if test="ed:direction($lang) = 'rtl' or not(ed:declared-lang(.))">
          <xsl:attribute name="dir" select="if (ed:direction($lang) = 'rtl') then 'rtl' else 'auto'"/>
        </xsl:if>
      </xsl:if>
      <xsl:apply-templates mode="text"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:div | tei:div1 | tei:div2 | tei:div3 | tei:div4 | tei:div5 | tei:div6 | tei:div7" mode="text">
    <xsl:param name="inline" tunnel="yes" as="xs:boolean" select="false()"/>
    <xsl:element name="{if ($inline) then 'span' else 'section'}">
      <xsl:call-template name="h:attrs"><xsl:with-param name="class" select="'div'"/></xsl:call-template>
      <!-- one letter among several in the file: its own From/To lines -->
      <xsl:if test="not($inline) and @decls">
        <xsl:call-template name="h:correspondence">
          <xsl:with-param name="doc" select="."/>
          <xsl:with-param name="actions" select="ed:div-corresp-actions(.)"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:if test="not($inline) and ed:div-label(.)">
        <p class="div-label gen" lang="en"><xsl:value-of select="ed:div-label(.)"/></p>
      </xsl:if>
      <xsl:apply-templates mode="text"/>
    </xsl:element>
  </xsl:template>

  <!-- Section headings: h2..h6 by depth; other heads (lists, tables, figures) stay classed blocks. -->
  <xsl:template match="tei:head" mode="text">
    <xsl:param name="inline" tunnel="yes" as="xs:boolean" select="false()"/>
    <xsl:variable name="section" select="not($inline) and parent::*[h:is-div(.) or self::tei:body or self::tei:front
                                         or self::tei:back or self::tei:text or self::tei:group]"/>
    <xsl:variable name="level" select="min((6, count(ancestor::*[h:is-div(.)]) + 1))"/>
    <xsl:element name="{if ($section) then 'h' || $level else if ($inline) then 'span' else 'div'}">
      <xsl:call-template name="h:attrs">
        <xsl:with-param name="id" select="(@xml:id, if ($section and not(@xml:id) and not(../@xml:id)
            and not(preceding-sibling::tei:head)) then ed:id(..) else ())[1]"/>
      </xsl:call-template>
      <xsl:apply-templates mode="text">
        <xsl:with-param name="inline" select="true()" tunnel="yes"/>
      </xsl:apply-templates>
    </xsl:element>
  </xsl:template>

  <!-- Paragraphs: with a "cite this" popover (native popover: no script needed). -->
  <xsl:template match="tei:p | tei:ab" mode="text">
    <xsl:param name="inline" tunnel="yes" as="xs:boolean" select="false()"/>
    <xsl:param name="copy" tunnel="yes" as="xs:boolean" select="false()"/>
    <xsl:param name="page" tunnel="yes" as="node()?" select="()"/>
    <xsl:element name="{if ($inline) then 'span' else 'p'}">
      <xsl:call-template name="h:attrs"/>
      <xsl:apply-templates mode="text">
        <xsl:with-param name="inline" select="true()" tunnel="yes"/>
      </xsl:apply-templates>
      <xsl:if test="@xml:id and not($copy) and not($inline) and exists($page) and not(ancestor::tei:note)">
        <xsl:call-template name="h:cite-this"/>
      </xsl:if>
    </xsl:element>
  </xsl:template>

  <!-- A lineated transcription (ed:lineated: EpiDoc's <ab><lb n="1"/>…): each line of the
       source a block line of its own, span.text-line (data-n: its @n; data-line: the number the
       CSS shows in the margin, as for verse: ed:lb-labels), hanging when it wraps. The line before
       a break inside a word (lb break="no") is .break-after: the CSS ends it with a hyphen, as
       editions of inscriptions and papyri print it (the words are not joined across lines).
       A line break inside an element (a supplied passage across lines): see tei:lb below. -->
  <xsl:template match="tei:p[ed:lineated(.)] | tei:ab[ed:lineated(.)]" mode="text" priority="1">
    <xsl:param name="inline" tunnel="yes" as="xs:boolean" select="false()"/>
    <xsl:param name="copy" tunnel="yes" as="xs:boolean" select="false()"/>
    <xsl:param name="page" tunnel="yes" as="node()?" select="()"/>
    <xsl:choose>
      <xsl:when test="$inline"><xsl:next-match/></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="labels" select="ed:lb-labels(ed:line-breaks(.))"/>
        <p>
          <xsl:call-template name="h:attrs"><xsl:with-param name="class" select="'lineated'"/></xsl:call-template>
          <xsl:for-each-group select="node()" group-starting-with="tei:lb">
            <xsl:variable name="lb" select="current-group()[1][self::tei:lb]"/>
            <!-- the next line's break: looking forward, from this line's last node -->
            <xsl:variable name="next" select="current-group()[last()]/following-sibling::node()[1][self::tei:lb]"/>
            <xsl:if test="$lb or current-group()[self::* or self::text()[normalize-space()]]">
              <span class="text-line{if ($next/@break = 'no') then ' break-after' else ''}">
                <xsl:for-each select="$lb/@xml:id[not($copy)]"><xsl:attribute name="id" select="."/></xsl:for-each>
                <xsl:for-each select="$lb/@n"><xsl:attribute name="data-n" select="normalize-space(.)"/></xsl:for-each>
                <xsl:for-each select="$lb ! $labels(generate-id(.))[.]"><xsl:attribute name="data-line" select="."/></xsl:for-each>
                <xsl:apply-templates select="current-group() except $lb" mode="text">
                  <xsl:with-param name="inline" select="true()" tunnel="yes"/>
                  <xsl:with-param name="h:lines" select="$labels" tunnel="yes"/>
                </xsl:apply-templates>
              </span>
            </xsl:if>
          </xsl:for-each-group>
          <xsl:if test="@xml:id and not($copy) and exists($page) and not(ancestor::tei:note)">
            <xsl:call-template name="h:cite-this"/>
          </xsl:if>
        </p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A line break of a lineated block inside one of its elements (a supplied passage running
       across lines): a <br>, its number in the margin (span.lb-n), a hyphen before it when it
       breaks a word (span.lb-nobreak, drawn by the CSS). -->
  <xsl:template match="tei:lb" mode="text" priority="1">
    <xsl:param name="h:lines" tunnel="yes" as="map(xs:string, xs:string)?" select="()"/>
    <xsl:choose>
      <xsl:when test="exists($h:lines) and map:contains($h:lines, generate-id(.))">
        <xsl:if test="@break = 'no'"><span class="lb-nobreak"/></xsl:if>
        <br><xsl:call-template name="h:attrs"/></br>
        <span class="lb-n">
          <xsl:for-each select="@n"><xsl:attribute name="data-n" select="normalize-space(.)"/></xsl:for-each>
          <xsl:for-each select="$h:lines(generate-id(.))[.]"><xsl:attribute name="data-line" select="."/></xsl:for-each>
        </span>
      </xsl:when>
      <xsl:otherwise><xsl:next-match/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="h:cite-this">
    <xsl:param name="page" tunnel="yes" as="node()?" select="()"/>
    <span class="cite-this gen">
      <button type="button" class="cite-button" popovertarget="cite-{@xml:id}">
        <span aria-hidden="true">¶</span><span class="visually-hidden">Cite this paragraph</span>
      </button>
      <span class="cite-pop" id="cite-{@xml:id}" popover="auto" role="dialog" aria-label="Citation">
        <span class="cite-label">Cite this paragraph</span>
        <span class="cite-text" data-href="{h:url(h:citation-parts(root())?page || '#' || @xml:id)}">
          <xsl:value-of select="h:citation(., root())"/>
        </span>
        <a class="cite-anchor" href="#{@xml:id}">Link to this paragraph</a>
      </span>
    </span>
  </xsl:template>

  <xsl:template match="tei:front | tei:body | tei:back | tei:group" mode="text">
    <xsl:param name="inline" tunnel="yes" as="xs:boolean" select="false()"/>
    <xsl:element name="{if ($inline) then 'span' else 'div'}">
      <xsl:call-template name="h:attrs"/>
      <xsl:apply-templates mode="text"/>
    </xsl:element>
  </xsl:template>

  <!-- Verse -->
  <xsl:template match="tei:lg | tei:l | tei:sp | tei:speaker | tei:stage | tei:opener | tei:closer | tei:salute
                       | tei:signed | tei:dateline | tei:byline | tei:epigraph | tei:trailer | tei:argument
                       | tei:docTitle | tei:titlePart | tei:titlePage | tei:docAuthor | tei:docImprint | tei:postscript" mode="text">
    <xsl:param name="inline" tunnel="yes" as="xs:boolean" select="false()"/>
    <xsl:element name="{if ($inline) then 'span' else 'div'}">
      <xsl:call-template name="h:attrs"><xsl:with-param name="class" select="'block'"/></xsl:call-template>
      <!-- a verse line's number, drawn in the margin by CSS (not part of the line's text) -->
      <xsl:if test="self::tei:l and not($inline)">
        <xsl:for-each select="ed:line-number(.)[.]"><xsl:attribute name="data-line" select="."/></xsl:for-each>
      </xsl:if>
      <xsl:apply-templates mode="text">
        <xsl:with-param name="inline" select="exists(self::tei:l | self::tei:speaker | self::tei:salute
            | self::tei:signed | self::tei:dateline | self::tei:byline | self::tei:titlePart | self::tei:docAuthor)
            or $inline" tunnel="yes"/>
      </xsl:apply-templates>
    </xsl:element>
  </xsl:template>

  <!-- Lists -->
  <xsl:template match="tei:list | tei:listBibl" mode="text">
    <xsl:param name="inline" tunnel="yes" as="xs:boolean" select="false()"/>
    <xsl:choose>
      <xsl:when test="$inline">
        <span><xsl:call-template name="h:attrs"/><xsl:apply-templates mode="text"/></span>
      </xsl:when>
      <xsl:otherwise>
        <div class="list-wrap">
          <xsl:apply-templates select="tei:head" mode="text"/>
          <xsl:element name="{if (@type = ('ordered', 'numbered')) then 'ol' else 'ul'}">
            <xsl:call-template name="h:attrs"/>
            <xsl:for-each select="node()[not(self::tei:head)][self::* or normalize-space()]">
              <xsl:choose>
                <xsl:when test="self::tei:item | self::tei:bibl | self::tei:biblStruct">
                  <li><xsl:call-template name="h:attrs"/>
                    <xsl:apply-templates mode="text"><xsl:with-param name="inline" select="true()" tunnel="yes"/></xsl:apply-templates></li>
                </xsl:when>
                <xsl:otherwise>
                  <li class="list-other"><xsl:apply-templates select="." mode="text">
                    <xsl:with-param name="inline" select="true()" tunnel="yes"/></xsl:apply-templates></li>
                </xsl:otherwise>
              </xsl:choose>
            </xsl:for-each>
          </xsl:element>
        </div>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:item" mode="text">
    <span><xsl:call-template name="h:attrs"/>
      <xsl:apply-templates mode="text"><xsl:with-param name="inline" select="true()" tunnel="yes"/></xsl:apply-templates></span>
  </xsl:template>

  <!-- Tables -->
  <xsl:template match="tei:table" mode="text">
    <xsl:param name="inline" tunnel="yes" as="xs:boolean" select="false()"/>
    <xsl:choose>
      <xsl:when test="$inline">
        <span><xsl:call-template name="h:attrs"/><xsl:apply-templates mode="text"/></span>
      </xsl:when>
      <xsl:otherwise>
        <div class="table-wrap">
          <table>
            <xsl:call-template name="h:attrs"/>
            <xsl:if test="tei:head">
              <caption><xsl:apply-templates select="tei:head/node()" mode="text">
                <xsl:with-param name="inline" select="true()" tunnel="yes"/></xsl:apply-templates></caption>
            </xsl:if>
            <tbody>
              <xsl:for-each select="node()[not(self::tei:head)][self::* or normalize-space()]">
                <xsl:choose>
                  <xsl:when test="self::tei:row">
                    <tr><xsl:call-template name="h:attrs"/>
                      <xsl:for-each select="node()[self::* or normalize-space()]">
                        <xsl:element name="{if (../@role = 'label' or @role = 'label') then 'th' else 'td'}">
                          <xsl:if test="self::tei:cell"><xsl:call-template name="h:attrs"/></xsl:if>
                          <xsl:if test="@cols castable as xs:integer and xs:integer(@cols) gt 1">
                            <xsl:attribute name="colspan" select="@cols"/></xsl:if>
                          <xsl:if test="@rows castable as xs:integer and xs:integer(@rows) gt 1">
                            <xsl:attribute name="rowspan" select="@rows"/></xsl:if>
                          <xsl:apply-templates select="if (self::tei:cell) then node() else ." mode="text">
                            <xsl:with-param name="inline" select="true()" tunnel="yes"/></xsl:apply-templates>
                        </xsl:element>
                      </xsl:for-each>
                    </tr>
                  </xsl:when>
                  <xsl:otherwise>
                    <tr class="table-other"><td><xsl:apply-templates select="." mode="text">
                      <xsl:with-param name="inline" select="true()" tunnel="yes"/></xsl:apply-templates></td></tr>
                  </xsl:otherwise>
                </xsl:choose>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:row | tei:cell" mode="text">
    <span><xsl:call-template name="h:attrs"/><xsl:apply-templates mode="text">
      <xsl:with-param name="inline" select="true()" tunnel="yes"/></xsl:apply-templates></span>
  </xsl:template>

  <!-- Quotations: marks as printed in the source; the editors supply them only where the
       encoding leaves them out of a quotation in running text (ed:quote-marks). -->
  <xsl:template match="tei:cit" mode="text">
    <xsl:param name="inline" tunnel="yes" as="xs:boolean" select="false()"/>
    <xsl:choose>
      <xsl:when test="$inline">
        <!-- run in: the words, then the source in parentheses -->
        <span><xsl:call-template name="h:attrs"/><xsl:apply-templates select="node() except (tei:bibl | tei:ref)" mode="text"/>
          <xsl:for-each select="(tei:bibl | tei:ref)[normalize-space()]">
            <xsl:variable name="paren" select="not(starts-with(normalize-space(), '('))"/>
            <xsl:value-of select="if ($paren) then ' (' else ' '"/><xsl:apply-templates select="." mode="text"/><xsl:value-of select="')'[$paren]"/>
          </xsl:for-each>
        </span>
      </xsl:when>
      <xsl:otherwise>
        <figure><xsl:call-template name="h:attrs"/>
          <blockquote>
            <xsl:apply-templates select="node() except (tei:bibl, tei:ref, tei:note)" mode="text"/>
          </blockquote>
          <xsl:if test="tei:bibl | tei:ref | tei:note">
            <figcaption><xsl:apply-templates select="tei:bibl | tei:ref | tei:note" mode="text">
              <xsl:with-param name="inline" select="true()" tunnel="yes"/></xsl:apply-templates></figcaption>
          </xsl:if>
        </figure>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:quote | tei:q | tei:said" mode="text">
    <xsl:param name="inline" tunnel="yes" as="xs:boolean" select="false()"/>
    <xsl:variable name="block" select="not($inline) and (parent::tei:cit or parent::*[h:is-div(.) or self::tei:body
                                       or self::tei:front or self::tei:back])"/>
    <xsl:variable name="source" select="ed:by-id(ed:id-from-pointer(@source)[1], .)"/>
    <xsl:element name="{if ($block and not(parent::tei:cit)) then 'blockquote' else if ($block) then 'div' else 'span'}">
      <xsl:call-template name="h:attrs"/>
      <xsl:if test="$source">
        <xsl:attribute name="title" select="'Quoted from ' || (if (ed:entry-kind($source) != 'other')
             then ed:entry-label($source) else ed:plain($source))"/>
      </xsl:if>
      <xsl:variable name="marks" select="if ($block) then () else ed:quote-marks(.)"/>
      <xsl:if test="exists($marks)"><span class="qm gen" aria-hidden="true"><xsl:value-of select="$marks[1]"/></span></xsl:if>
      <xsl:apply-templates mode="text">
        <xsl:with-param name="inline" select="not($block) or $inline" tunnel="yes"/>
      </xsl:apply-templates>
      <xsl:if test="exists($marks)"><span class="qm gen" aria-hidden="true"><xsl:value-of select="$marks[2]"/></span></xsl:if>
    </xsl:element>
  </xsl:template>

  <!-- ============ phrases ============ -->

  <xsl:template match="tei:emph" mode="text">
    <em><xsl:call-template name="h:attrs"/><xsl:apply-templates mode="text"/></em>
  </xsl:template>

  <xsl:template match="tei:hi" mode="text">
    <xsl:variable name="kinds" select="ed:rend-kinds(.)"/>
    <xsl:element name="{if ($kinds = 'sup') then 'sup' else if ($kinds = 'sub') then 'sub'
                        else if ($kinds = 'italic') then 'i' else if ($kinds = 'bold') then 'b' else 'span'}">
      <xsl:call-template name="h:attrs"/>
      <xsl:apply-templates mode="text"><xsl:with-param name="inline" select="true()" tunnel="yes"/></xsl:apply-templates>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:foreign | tei:mentioned | tei:term | tei:gloss | tei:soCalled | tei:distinct" mode="text">
    <xsl:element name="{if (self::tei:foreign or self::tei:mentioned) then 'i' else 'span'}">
      <xsl:call-template name="h:attrs"/>
      <xsl:apply-templates mode="text"><xsl:with-param name="inline" select="true()" tunnel="yes"/></xsl:apply-templates>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:date | tei:time" mode="text">
    <xsl:variable name="when" select="string(@when)"/>
    <xsl:choose>
      <xsl:when test="matches($when, '^\d{4}(-\d{2}(-\d{2})?)?$')">
        <time datetime="{$when}"><xsl:call-template name="h:attrs"/>
          <xsl:apply-templates mode="text"><xsl:with-param name="inline" select="true()" tunnel="yes"/></xsl:apply-templates></time>
      </xsl:when>
      <xsl:otherwise>
        <span><xsl:call-template name="h:attrs"/>
          <xsl:if test="ed:date-value(.)"><xsl:attribute name="data-date" select="ed:date-value(.)"/></xsl:if>
          <xsl:apply-templates mode="text"><xsl:with-param name="inline" select="true()" tunnel="yes"/></xsl:apply-templates></span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:num | tei:measure" mode="text">
    <xsl:variable name="value" select="(@value, @quantity)[1]"/>
    <xsl:element name="{if ($value) then 'data' else 'span'}">
      <xsl:if test="$value"><xsl:attribute name="value" select="$value"/></xsl:if>
      <xsl:call-template name="h:attrs"/>
      <xsl:if test="@min or @max or @atLeast or @atMost">
        <xsl:attribute name="title" select="string-join((@min, @atLeast) ! ('at least ' || ed:format-number(.)), '')
          || (if ((@min or @atLeast) and (@max or @atMost)) then ', ' else '')
          || string-join((@max, @atMost) ! ('at most ' || ed:format-number(.)), '')"/>
      </xsl:if>
      <xsl:apply-templates mode="text"><xsl:with-param name="inline" select="true()" tunnel="yes"/></xsl:apply-templates>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:lb" mode="text">
    <xsl:param name="inline" tunnel="yes" as="xs:boolean" select="false()"/>
    <xsl:if test="@break = 'no'"><span class="lb-nobreak"/></xsl:if>
    <br><xsl:call-template name="h:attrs"/></br>
  </xsl:template>

  <!-- Page breaks: an empty marker (drawn by CSS), so it never adds a space or splits a word. -->
  <!-- (the breaks of another witness than the one the text follows: an anchor only) -->
  <xsl:template match="tei:pb[not(ed:break-shown(.))] | tei:cb[not(ed:break-shown(.))]" mode="text" priority="1">
    <xsl:if test="@xml:id"><span id="{@xml:id}" class="{local-name()} other-witness"/></xsl:if>
  </xsl:template>
  <xsl:template match="tei:pb | tei:cb | tei:milestone" mode="text">
    <span title="{if (self::tei:pb) then 'Page break in the source' || (if (@n) then ' (page ' || @n || ')' else '')
                  else local-name() || ' ' || @unit || ' ' || @n}">
      <xsl:call-template name="h:attrs">
        <xsl:with-param name="class" select="string-join(('pb-mark', if (@break = 'no') then 'nobreak' else ()), ' ')"/>
      </xsl:call-template>
      <xsl:if test="@n"><xsl:attribute name="data-n" select="@n"/></xsl:if>
    </span>
  </xsl:template>

  <!-- A change of hand: a small editorial marker. -->
  <xsl:template match="tei:handShift" mode="text">
    <span><xsl:call-template name="h:attrs"><xsl:with-param name="class" select="'gen'"/></xsl:call-template>[<xsl:value-of select="ed:hand-label(.)"/>]</span><xsl:text> </xsl:text>
  </xsl:template>

  <xsl:template match="tei:anchor" mode="text">
    <span><xsl:call-template name="h:attrs"/></span>
    <xsl:apply-templates select="ed:notes-at(.)" mode="text">
      <xsl:with-param name="placed" select="true()" tunnel="yes"/>
    </xsl:apply-templates>
  </xsl:template>

  <!-- Gaps: a visible ellipsis with what the gap says of itself (extent, reason) for every reader. -->
  <xsl:template match="tei:gap" mode="text">
    <xsl:variable name="reason" select="string(@reason)"/>
    <span><xsl:call-template name="h:attrs"><xsl:with-param name="class" select="'gen'"/></xsl:call-template>
      <xsl:choose>
        <xsl:when test="$reason = 'not-in-source'">not in this excerpt</xsl:when>
        <xsl:when test="$reason = 'excerpt-start'"><span aria-hidden="true">[…]</span><span class="visually-hidden">(the excerpt begins here, mid-sentence)</span></xsl:when>
        <xsl:when test="$reason = 'excerpt-end'"><span aria-hidden="true">[…]</span><span class="visually-hidden">(the excerpt ends here)</span></xsl:when>
        <xsl:when test="ed:gap-words(.)">[… <xsl:value-of select="ed:gap-words(.)"/>]</xsl:when>
        <xsl:otherwise><span aria-hidden="true">[…]</span><span class="visually-hidden">(omitted)</span></xsl:otherwise>
      </xsl:choose>
    </span>
  </xsl:template>

  <!-- Images are not fetched: the figure's description and head stand in. -->
  <xsl:template match="tei:graphic | tei:media" mode="text">
    <span><xsl:call-template name="h:attrs"><xsl:with-param name="class" select="'gen'"/></xsl:call-template>[illustration]</span>
  </xsl:template>

  <xsl:template match="tei:figure" mode="text">
    <xsl:param name="inline" tunnel="yes" as="xs:boolean" select="false()"/>
    <xsl:element name="{if ($inline) then 'span' else 'div'}">
      <xsl:call-template name="h:attrs"/>
      <xsl:apply-templates mode="text"/>
    </xsl:element>
  </xsl:template>
</xsl:stylesheet>
