<?xml version="1.0" encoding="UTF-8"?>
<!--
  Front matter of the print edition: <head> (the PDF's metadata), half-title, title page,
  imprint (edition, publisher, licence, how to cite), table of contents. Everything comes
  from the edition header ($edition) when there is one, else from the texts' own headers.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-edition:functions"
    xmlns:pr="urn:x-edition:print"
    exclude-result-prefixes="#all">

  <!-- ===== metadata functions ===== -->

  <xsl:function name="pr:title-stmt" as="element(tei:titleStmt)*">
    <xsl:param name="doc" as="node()"/>
    <xsl:sequence select="root($doc)/*/tei:teiHeader/tei:fileDesc/tei:titleStmt"/>
  </xsl:function>

  <!-- A document's title: titleStmt main title, else the first head of its text, else its file. -->
  <xsl:function name="pr:title" as="xs:string">
    <xsl:param name="doc" as="node()"/>
    <xsl:variable name="t" select="ed:doc-title($doc)"/>
    <xsl:sequence select="if ($t) then $t
      else (ed:plain((root($doc)//tei:text//tei:head)[1])[.], 'Untitled text')[1]"/>
  </xsl:function>

  <xsl:function name="pr:subtitle" as="xs:string">
    <xsl:param name="doc" as="node()"/>
    <xsl:sequence select="ed:plain(pr:title-stmt($doc)/tei:title[@type = 'sub'][1])"/>
  </xsl:function>

  <!-- A person's name as written in a header (author, editor, respStmt/persName). -->
  <xsl:function name="pr:person-name" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <!-- names as read (forename surname; the first of one person's names in several languages),
         unless the element says more in words of its own ('John Gunther (attributed)') -->
    <xsl:variable name="s" select="if ($el/(tei:persName, tei:orgName, tei:name) and not($el/text()[normalize-space()]))
        then ed:agent-names($el) else ed:plain($el)"/>
    <xsl:sequence select="if ($s) then $s else
      (for $e in ed:by-id(ed:id-from-pointer($el/@ref)[1], $el) return ed:entry-label($e), '')[1]"/>
  </xsl:function>

  <xsl:function name="pr:authors" as="xs:string*">
    <xsl:param name="doc" as="node()"/>
    <xsl:sequence select="distinct-values(pr:title-stmt($doc)/tei:author ! pr:person-name(.)[.])"/>
  </xsl:function>

  <xsl:function name="pr:editors" as="xs:string*">
    <xsl:param name="doc" as="node()"/>
    <xsl:sequence select="distinct-values(pr:title-stmt($doc)/tei:editor ! pr:person-name(.)[.])"/>
  </xsl:function>

  <xsl:function name="pr:edition-title" as="xs:string">
    <xsl:sequence select="if ($edition) then pr:title($edition)
      else if (count($texts) = 1) then pr:title($texts[1])
      else if ($texts) then string-join($texts ! pr:title(.), '; ')
      else 'Edition'"/>
  </xsl:function>

  <xsl:function name="pr:edition-subtitle" as="xs:string">
    <xsl:sequence select="if ($edition) then pr:subtitle($edition)
      else if (count($texts) = 1) then pr:subtitle($texts[1]) else ''"/>
  </xsl:function>

  <xsl:function name="pr:edition-editors" as="xs:string*">
    <xsl:sequence select="if ($edition and exists(pr:editors($edition))) then pr:editors($edition)
      else distinct-values($texts ! pr:editors(.))"/>
  </xsl:function>

  <!-- The header that speaks for the edition: the edition header, else the first text's. -->
  <xsl:function name="pr:edition-header" as="element(tei:teiHeader)?">
    <xsl:sequence select="(($edition, $texts) ! root(.)/*/tei:teiHeader)[1]"/>
  </xsl:function>

  <xsl:function name="pr:publication" as="element(tei:publicationStmt)?">
    <xsl:sequence select="pr:edition-header()/tei:fileDesc/tei:publicationStmt"/>
  </xsl:function>

  <!-- A W3C date for the PDF: the build date (SOURCE_DATE_EPOCH), else the publication date. -->
  <xsl:function name="pr:pdf-date" as="xs:string?">
    <xsl:variable name="pub" select="string((pr:publication()/tei:date/@when)[1])"/>
    <xsl:sequence select="if ($build-date) then $build-date
      else if (matches($pub, '^\d{4}(-\d{2}(-\d{2})?)?$')) then $pub else ()"/>
  </xsl:function>

  <!-- ===== <head>: what WeasyPrint writes into the PDF's information dictionary ===== -->

  <xsl:template name="pr:head">
    <xsl:param name="title" as="xs:string"/>
    <xsl:param name="authors" as="xs:string*"/>
    <xsl:param name="description" as="xs:string?"/>
    <head>
      <meta charset="utf-8"/>
      <title><xsl:value-of select="$title"/></title>
      <xsl:for-each select="$authors">
        <meta name="author" content="{.}"/>
      </xsl:for-each>
      <xsl:if test="$description">
        <meta name="description" content="{$description}"/>
      </xsl:if>
      <meta name="generator" content="{$generator}"/>
      <xsl:for-each select="pr:pdf-date()">
        <meta name="dcterms.created" content="{.}"/>
        <meta name="dcterms.modified" content="{.}"/>
      </xsl:for-each>
      <link rel="stylesheet" href="print.css"/>
      <style>@page { size: <xsl:value-of select="$pr:page-size"/>; }<xsl:if
        test="matches($pr:page-size, '^(A[0-4]|B[0-4]|C[0-4]|letter|legal|ledger)( |$)', 'i')">
        html { font-size: 11.5pt; }</xsl:if></style>
    </head>
  </xsl:template>

  <!-- ===== the book's front matter ===== -->

  <xsl:template name="pr:front-matter">
    <xsl:variable name="title" select="pr:edition-title()"/>
    <xsl:variable name="sub" select="pr:edition-subtitle()"/>
    <xsl:variable name="editors" select="pr:edition-editors()"/>
    <xsl:variable name="pub" select="pr:publication()"/>

    <section class="half-title">
      <p class="half-title-text"><xsl:value-of select="$title"/></p>
    </section>

    <section class="title-page" id="title-page">
      <h1 class="book-title"><xsl:value-of select="$title"/></h1>
      <xsl:if test="$sub">
        <p class="book-subtitle"><xsl:value-of select="$sub"/></p>
      </xsl:if>
      <div class="rule" aria-hidden="true"/>
      <xsl:if test="exists($editors)">
        <p class="book-editors-label">Edited by</p>
        <p class="book-editors"><xsl:value-of select="ed:join-names($editors)"/></p>
      </xsl:if>
      <div class="book-publisher">
        <xsl:for-each select="$pub/tei:publisher[1]">
          <p class="publisher"><xsl:value-of select="ed:plain(.)"/></p>
        </xsl:for-each>
        <xsl:variable name="place-year" select="(ed:plain($pub/tei:pubPlace[1]), ed:plain($pub/tei:date[1]))[.]"/>
        <xsl:if test="exists($place-year)">
          <p class="place-year"><xsl:value-of select="string-join($place-year, ' · ')"/></p>
        </xsl:if>
      </div>
    </section>

    <xsl:call-template name="pr:imprint">
      <xsl:with-param name="title" select="$title"/>
      <xsl:with-param name="editors" select="$editors"/>
    </xsl:call-template>

    <xsl:call-template name="pr:contents"/>
  </xsl:template>

  <xsl:template name="pr:imprint">
    <xsl:param name="title" as="xs:string"/>
    <xsl:param name="editors" as="xs:string*"/>
    <xsl:variable name="header" select="pr:edition-header()"/>
    <xsl:variable name="pub" select="pr:publication()"/>
    <xsl:variable name="edition-stmt" select="ed:plain($header/tei:fileDesc/tei:editionStmt)"/>
    <xsl:variable name="idnos" select="$pub/tei:idno"/>
    <section class="imprint" id="imprint">
      <div class="imprint-body">
        <p class="imprint-title"><span class="sc"><xsl:value-of select="$title"/></span></p>
        <xsl:if test="$edition-stmt">
          <p><xsl:value-of select="$edition-stmt"/></p>
        </xsl:if>
        <xsl:for-each select="$pub/(tei:publisher, tei:distributor, tei:authority)[1]">
          <p>Published by <xsl:value-of select="ed:plain(.)"/>
            <xsl:for-each select="$pub/tei:pubPlace[1]">, <xsl:value-of select="ed:plain(.)"/></xsl:for-each>
            <xsl:for-each select="$pub/tei:date[1]">, <xsl:value-of select="ed:plain(.)"/></xsl:for-each>.</p>
        </xsl:for-each>
        <xsl:for-each select="$idnos">
          <p class="idno"><xsl:value-of select="(@type, 'Identifier')[1]"/>: <xsl:value-of select="ed:plain(.)"/></p>
        </xsl:for-each>

        <xsl:variable name="availability" select="$pub/tei:availability"/>
        <xsl:if test="$availability">
          <div class="licence">
            <xsl:for-each select="$availability/tei:licence">
              <xsl:variable name="text" select="replace(ed:plain(.), '\.$', '')"/>
              <xsl:variable name="url" select="ed:safe-url(@target)"/>
              <p>
                <xsl:value-of select="$text"/>
                <xsl:if test="$url and not(contains($text, $url))">
                  <xsl:text>: </xsl:text><a class="url" href="{$url}"><xsl:value-of select="$url"/></a>
                </xsl:if>
                <xsl:text>.</xsl:text>
              </p>
            </xsl:for-each>
            <xsl:for-each select="$availability/tei:p">
              <p><xsl:value-of select="ed:plain(.)"/></p>
            </xsl:for-each>
          </div>
        </xsl:if>

        <div class="how-to-cite">
          <p class="imprint-label">How to cite</p>
          <!-- the one "how to cite" sentence every output shares (common/citation.xsl) -->
          <p class="citation">
            <xsl:value-of select="ed:how-to-cite($header)"/>
          </p>
          <p class="cite-ids">Every paragraph, note and heading keeps the identifier it has in the
            TEI sources; cite by text and identifier as well as by page.</p>
        </div>

        <xsl:variable name="sources" select="$header/tei:fileDesc/tei:sourceDesc//tei:bibl[not(ancestor::tei:bibl)]"/>
        <xsl:if test="$sources">
          <div class="sources">
            <p class="imprint-label">Sources</p>
            <xsl:for-each select="$sources">
              <p><xsl:call-template name="pr:bibl"/></p>
            </xsl:for-each>
          </div>
        </xsl:if>

        <p class="colophon">Set in EB Garamond. Typeset from the TEI sources with
          <xsl:value-of select="$generator"/>, XSLT 3.0 and WeasyPrint.</p>
      </div>
    </section>
  </xsl:template>

  <!-- ===== editorial principles (the edition header's encodingDesc), after the introduction ===== -->

  <xsl:function name="pr:principles" as="element()*">
    <xsl:sequence select="pr:edition-header()/tei:encodingDesc/(tei:samplingDecl, tei:editorialDecl/*)[.//tei:p]"/>
  </xsl:function>

  <xsl:template name="pr:principles">
    <xsl:variable name="parts" select="pr:principles()"/>
    <xsl:if test="exists($parts)">
      <section class="front-text principles" id="principles">
        <h2 class="head section-head principles-title" data-running="Editorial Principles">Editorial Principles</h2>
        <xsl:for-each select="$parts">
          <xsl:variable name="label" select="map{'samplingDecl': 'The excerpts', 'normalization': 'Spelling',
            'quotation': 'Quotations', 'hyphenation': 'Hyphenation', 'segmentation': 'Divisions, page breaks and notes',
            'correction': 'Corrections', 'interpretation': 'Names, dates and figures', 'punctuation': 'Punctuation',
            'stdVals': 'Standard values'}(local-name())"/>
          <h3 class="head principles-part"><xsl:value-of select="($label, local-name())[1]"/></h3>
          <xsl:for-each select=".//tei:p">
            <div class="p">
              <xsl:apply-templates select="node()" mode="body">
                <xsl:with-param name="plain" select="true()" tunnel="yes"/>
              </xsl:apply-templates>
            </div>
          </xsl:for-each>
        </xsl:for-each>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- A bibl: as written when it carries its own punctuation; a structured one (elements
       separated by whitespace only) gets the usual: Author, Title (Place: Publisher, Date), scope. -->
  <xsl:template name="pr:bibl">
    <xsl:variable name="structured" select="exists(*) and not(text()[normalize-space()])"/>
    <xsl:choose>
      <xsl:when test="not($structured)">
        <xsl:apply-templates select="node()" mode="body">
          <xsl:with-param name="plain" select="true()" tunnel="yes"/>
        </xsl:apply-templates>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="authors" select="(tei:author, tei:editor)[1]/../(if (tei:author) then tei:author else tei:editor)"/>
        <xsl:variable name="imprint" select="(tei:pubPlace, tei:publisher, tei:date)"/>
        <xsl:variable name="rest" select="* except ($authors, tei:title, $imprint, tei:note)"/>
        <xsl:for-each select="$authors">
          <xsl:if test="position() gt 1"><xsl:value-of select="if (position() = last()) then ' and ' else ', '"/></xsl:if>
          <xsl:apply-templates select="node()" mode="body"><xsl:with-param name="plain" select="true()" tunnel="yes"/></xsl:apply-templates>
        </xsl:for-each>
        <xsl:if test="exists($authors) and tei:title">, </xsl:if>
        <xsl:for-each select="tei:title">
          <xsl:if test="position() gt 1">. </xsl:if>
          <xsl:apply-templates select="." mode="body"><xsl:with-param name="plain" select="true()" tunnel="yes"/></xsl:apply-templates>
        </xsl:for-each>
        <xsl:if test="exists($imprint)">
          <xsl:text> (</xsl:text>
          <xsl:value-of select="string-join((string-join((tei:pubPlace, tei:publisher) ! ed:plain(.), ': ')[.], tei:date ! ed:plain(.)), ', ')"/>
          <xsl:text>)</xsl:text>
        </xsl:if>
        <xsl:variable name="before" select="exists(($authors, tei:title, $imprint))"/>
        <xsl:for-each select="$rest">
          <xsl:if test="$before or position() gt 1"><xsl:text>, </xsl:text></xsl:if>
          <xsl:apply-templates select="node()" mode="body"><xsl:with-param name="plain" select="true()" tunnel="yes"/></xsl:apply-templates>
        </xsl:for-each>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ===== contents ===== -->

  <xsl:template name="pr:contents">
    <nav class="toc" id="contents">
      <h1 class="toc-title">Contents</h1>
      <ol class="toc-list">
        <xsl:for-each select="$edition//tei:text//tei:div[tei:head][not(ancestor::tei:div[tei:head])]">
          <li class="toc-front"><a href="#{pr:anchor(.)}"><xsl:value-of select="ed:plain(tei:head[1])"/></a></li>
        </xsl:for-each>
        <xsl:if test="exists(pr:principles())">
          <li class="toc-front"><a href="#principles">Editorial Principles</a></li>
        </xsl:if>
        <xsl:for-each select="$pr:texts">
          <li class="toc-text">
            <a href="#{pr:doc-key(.)}"><xsl:value-of select="pr:title(.)"/></a>
            <xsl:variable name="parts" select=".//tei:text//tei:div[tei:head][not(ancestor::tei:div[tei:head])]"/>
            <xsl:if test="$parts">
              <ol>
                <xsl:for-each select="$parts">
                  <li class="toc-section"><a href="#{pr:anchor(.)}"><xsl:value-of select="ed:plain(tei:head[1])"/></a></li>
                </xsl:for-each>
              </ol>
            </xsl:if>
          </li>
        </xsl:for-each>
        <xsl:for-each select="pr:back-parts(($edition, $pr:texts))">
          <li class="toc-back"><a href="#{?id}"><xsl:value-of select="?title"/></a></li>
        </xsl:for-each>
      </ol>
    </nav>
  </xsl:template>
</xsl:stylesheet>
