<?xml version="1.0" encoding="UTF-8"?>
<!--
  search.html: full-text search over the static site, offline. The index is Pagefind's,
  written into pagefind/ by the html format's finish step from the pages' data-pagefind-*
  attributes (views.xsl: h:search-attributes); assets/search.js asks it and lists one result
  per paragraph (text, section, snippet with the hit marked) linked to the paragraph's id.
  Without JavaScript the page says so and points to the registers and the contents.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-edition:functions"
    xmlns:h="urn:x-edition:html"
    exclude-result-prefixes="#all">

  <xsl:template name="search">
    <xsl:call-template name="h:page">
      <xsl:with-param name="title" select="'Search'"/>
      <xsl:with-param name="current" select="'search'"/>
      <xsl:with-param name="canonical" select="'search.html'"/>
      <xsl:with-param name="description" select="'Search the texts, notes and registers of ' || h:site-title()"/>
      <xsl:with-param name="assets" select="('views.css', 'search.js')"/>
      <xsl:with-param name="content">
        <article class="view search-page">
          <h1>Search</h1>
          <form class="search" role="search" action="search.html" method="get" data-index="pagefind/pagefind.js">
            <label for="search-q">Words or names</label>
            <div class="search-row">
              <input type="search" id="search-q" name="q" autocomplete="off" spellcheck="false" aria-describedby="search-help"/>
              <button type="submit">Search</button>
            </div>
            <p id="search-help" class="help">
              Searches the texts, the notes, the registers (every form of a name) and the apparatus. Results lead to the paragraph.
            </p>
            <fieldset class="search-kinds" hidden="hidden">
              <legend>Look in</legend>
              <label><input type="radio" name="kind" value="" checked="checked"/> everything</label>
              <label><input type="radio" name="kind" value="Texts"/> texts</label>
              <label><input type="radio" name="kind" value="Registers"/> registers</label>
            </fieldset>
          </form>
          <noscript>
            <p class="noscript">Search needs JavaScript, which is switched off in this browser. Without it, the
              <a href="index.html">contents</a> and the registers
              <xsl:for-each select="h:register-kinds()">
                <xsl:if test="position() gt 1">, </xsl:if>
                <a href="{h:register-page(.)}"><xsl:value-of select="lower-case(h:register-title(.))"/></a>
              </xsl:for-each>
              lead to every text and every name.</p>
          </noscript>
          <p class="search-status" role="status" aria-live="polite"></p>
          <ol class="search-results"></ol>
        </article>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
