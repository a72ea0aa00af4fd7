<?xml version="1.0" encoding="UTF-8"?>
<!--
  index.html: from the edition header when there is one (title, editors, sources and their
  attribution, how to cite, licence, principles, history, the introduction), else from the
  documents' own headers; the contents (texts, registers, apparatus) and the downloads.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-edition:functions"
    xmlns:h="urn:x-edition:html"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    exclude-result-prefixes="#all">

  <xsl:template name="index">
    <xsl:variable name="header" select="$edition/*/tei:teiHeader"/>
    <xsl:variable name="fileDesc" select="$header/tei:fileDesc"/>
    <xsl:call-template name="h:page">
      <xsl:with-param name="title" select="h:site-title()"/>
      <xsl:with-param name="current" select="'index'"/>
      <xsl:with-param name="canonical" select="'index.html'"/>
      <xsl:with-param name="description" select="string-join((h:site-title(),
          ed:plain($fileDesc/tei:titleStmt/tei:title[@type = 'sub'][1])[.],
          if (exists(h:editors($edition))) then 'edited by ' || ed:join-names(h:names(h:editors($edition))) else ()), ', ')"/>
      <xsl:with-param name="json-ld" select="map:merge((map{'@context': 'https://schema.org'},
          if (exists($edition)) then h:edition-json() else map{'@type': 'WebSite', 'name': h:site-title()},
          map{'hasPart': array{ for $t in $texts return map:merge((
              map{'@type': 'Chapter', 'name': ed:doc-title($t), 'url': h:url(h:text-page($t))},
              if (exists(h:authors($t))) then map{'author': h:agents(h:names(h:authors($t)))} else ())) }}))"/>
      <xsl:with-param name="content">
        <article class="index" lang="{h:lang($edition)}">
          <header class="text-head">
            <h1><xsl:value-of select="h:site-title()"/></h1>
            <xsl:for-each select="$fileDesc/tei:titleStmt/tei:title[@type = 'sub']">
              <p class="subtitle"><xsl:value-of select="ed:plain(.)"/></p>
            </xsl:for-each>
            <xsl:if test="exists(h:editors($edition))">
              <p class="byline">Edited by <xsl:value-of select="ed:join-names(h:names(h:editors($edition)))"/></p>
            </xsl:if>
            <xsl:for-each select="$fileDesc/tei:publicationStmt[tei:publisher or tei:date]">
              <p class="imprint"><xsl:value-of select="string-join((ed:plain(tei:publisher[1])[.], h:year(.)), ', ')"/></p>
            </xsl:for-each>
          </header>

          <section aria-labelledby="contents-title" class="contents">
            <h2 id="contents-title">The texts</h2>
            <ol class="text-list">
              <xsl:for-each select="h:texts-in-order()">
                <xsl:variable name="text" select="."/>
                <xsl:variable name="source" select="$fileDesc/tei:sourceDesc//tei:bibl[ed:id-from-pointer(@corresp) = h:text-id($text)]"/>
                <li>
                  <a class="text-link" href="{h:text-page(.)}"><xsl:value-of select="(ed:doc-title(.)[.], h:text-id(.))[1]"/></a>
                  <xsl:call-template name="h:byline"><xsl:with-param name="doc" select="."/></xsl:call-template>
                  <xsl:choose>
                    <xsl:when test="$source">
                      <p class="source">Source: <xsl:value-of select="ed:bibl-label($source[1])"/>
                        <xsl:variable name="cert" select="($source[1]/@cert, $source[1]/tei:author/@cert)[1]"/>
                        <xsl:if test="$cert">
                          <xsl:text> </xsl:text>
                          <span class="cert">(attribution: <xsl:value-of select="$cert"/> certainty)</span>
                        </xsl:if>
                      </p>
                      <xsl:for-each select="$source[1]/tei:note[@type = 'attribution']">
                        <p class="attribution"><xsl:value-of select="ed:plain(.)"/></p>
                      </xsl:for-each>
                    </xsl:when>
                    <xsl:otherwise><xsl:call-template name="h:source-line"><xsl:with-param name="doc" select="."/></xsl:call-template></xsl:otherwise>
                  </xsl:choose>
                </li>
              </xsl:for-each>
            </ol>
            <xsl:if test="exists(h:register-kinds()) or h:has-apparatus()">
              <h3>Registers and apparatus</h3>
              <ul class="tools">
                <xsl:for-each select="h:register-kinds()">
                  <li><a href="{h:register-page(.)}"><xsl:value-of select="h:register-title(.)"/></a>
                    (<xsl:value-of select="count(ed:register-entries(.))"/>)</li>
                </xsl:for-each>
                <xsl:if test="h:has-apparatus()">
                  <li><a href="apparatus.html">Apparatus</a> (<xsl:value-of select="sum(for $t in $texts return count(ed:interventions($t)))"/> interventions)</li>
                </xsl:if>
              </ul>
            </xsl:if>
            <xsl:call-template name="h:index-views"/>
          </section>

          <xsl:if test="$edition/*/tei:text">
            <section class="introduction" aria-label="Introduction">
              <xsl:apply-templates select="$edition/*/tei:text" mode="text">
                <xsl:with-param name="page" select="$edition" tunnel="yes"/>
              </xsl:apply-templates>
              <xsl:call-template name="h:end-notes">
                <xsl:with-param name="scope" select="$edition/*/tei:text"/>
                <xsl:with-param name="page" select="$edition" tunnel="yes"/>
              </xsl:call-template>
            </section>
          </xsl:if>

          <xsl:if test="exists($edition)">
            <section aria-labelledby="cite-title">
              <h2 id="cite-title">How to cite</h2>
              <p class="citation"><xsl:value-of select="h:edition-citation()"/></p>
            </section>
          </xsl:if>

          <xsl:variable name="availability" select="$fileDesc/tei:publicationStmt/tei:availability"/>
          <xsl:if test="$availability">
            <section aria-labelledby="licence-title">
              <h2 id="licence-title">Licence</h2>
              <xsl:for-each select="$availability/tei:licence">
                <p><xsl:variable name="url" select="ed:safe-url(@target)"/>
                  <xsl:choose>
                    <xsl:when test="$url"><a rel="license" href="{$url}"><xsl:value-of select="ed:plain(.)"/></a></xsl:when>
                    <xsl:otherwise><xsl:value-of select="ed:plain(.)"/></xsl:otherwise>
                  </xsl:choose></p>
              </xsl:for-each>
              <xsl:for-each select="$availability/tei:p"><p><xsl:value-of select="ed:plain(.)"/></p></xsl:for-each>
            </section>
          </xsl:if>

          <xsl:variable name="principles" select="$header/tei:encodingDesc/(tei:editorialDecl, tei:projectDesc)"/>
          <xsl:if test="$principles">
            <section aria-labelledby="principles-title">
              <h2 id="principles-title">Editorial principles</h2>
              <xsl:apply-templates select="$principles/*" mode="text">
                <xsl:with-param name="copy" select="true()" tunnel="yes"/>
              </xsl:apply-templates>
            </section>
          </xsl:if>

          <section aria-labelledby="downloads" class="downloads-section">
            <h2 id="downloads">Downloads</h2>
            <p>The TEI P5 sources this site is built from:</p>
            <ul class="downloads">
              <xsl:for-each select="$downloads">
                <li><a href="{string-join(tokenize(., '/') ! encode-for-uri(.), '/')}" type="application/tei+xml"><xsl:value-of select="."/></a></li>
              </xsl:for-each>
            </ul>
            <xsl:variable name="companions" select="tokenize($companion-lines, '&#10;')[.]"/>
            <xsl:if test="exists($companions)">
              <p>The same edition as plain text and as a typeset book:</p>
              <ul class="downloads">
                <xsl:for-each select="$companions">
                  <xsl:variable name="file" select="tokenize(., '/')[last()]"/>
                  <xsl:variable name="pdf" select="ends-with(., '.pdf')"/>
                  <li><a href="{string-join(tokenize(., '/') ! encode-for-uri(.), '/')}"
                         type="{if ($pdf) then 'application/pdf' else 'text/plain'}">
                    <xsl:value-of select="(if ($pdf) then 'PDF' else 'Plain text') || ': '
                      || (if (starts-with($file, 'edition.')) then 'the whole edition'
                          else (for $t in $texts[h:text-id(.) || substring($file, string-length($file) - 3) = $file]
                                return ed:doc-title($t), $file)[1])"/>
                  </a> <span class="file-name">(<xsl:value-of select="$file"/>)</span></li>
                </xsl:for-each>
              </ul>
            </xsl:if>
          </section>

          <xsl:variable name="changes" select="$header/tei:revisionDesc//tei:change"/>
          <xsl:if test="$changes">
            <section aria-labelledby="history-title">
              <h2 id="history-title">History</h2>
              <ul class="history">
                <xsl:for-each select="$changes">
                  <li><xsl:if test="@when"><time datetime="{@when}"><xsl:value-of select="@when"/></time>: </xsl:if>
                    <xsl:value-of select="ed:plain(.)"/>
                    <xsl:variable name="who" select="for $p in ed:id-from-pointer(@who) return ed:by-id($p, .)"/>
                    <xsl:if test="exists($who)"> (<xsl:value-of select="ed:join-names(h:names($who))"/>)</xsl:if>
                  </li>
                </xsl:for-each>
              </ul>
            </section>
          </xsl:if>
        </article>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- The edition's citation: the one every format and CITATION.cff give (ed:how-to-cite), with
       the site's address when the header names no link and the build was given a base URL. -->
  <xsl:function name="h:edition-citation" as="xs:string">
    <xsl:sequence select="ed:how-to-cite($edition)
      || (if ($base-url and not(ed:edition-link($edition))) then ' ' || h:url('index.html') else '')"/>
  </xsl:function>
</xsl:stylesheet>
