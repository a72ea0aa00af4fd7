<?xml version="1.0" encoding="UTF-8"?>
<!--
  The web edition: the one stylesheet the html format compiles. It includes the shared
  functions and one file per thing rendered:
    page.xsl       the page shell (head, metadata, JSON-LD, site navigation, footer)
    text.xsl       a TEI document's text: structure, blocks, phrases, the generic fallback
    notes.xsl      note marks, margin notes/popups, the notes listed at the end
    names.xsl      names and titles linked to the registers; ref/ptr links
    apparatus.xsl  interventions in the text (printed/corrected) and apparatus.html
    registers.xsl  persons.html, places.html, organisations.html, works.html
    index.xsl      index.html (edition header, introduction, contents, downloads)
    citation.xsl   text ids, hrefs, plain strings, citations
  Entry points: apply to a text document (its reading page); call-template "index",
  "register" (param kind) or "apparatus".
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-edition:functions"
    xmlns:h="urn:x-edition:html"
    exclude-result-prefixes="#all">

  <xsl:include href="../common/functions.xsl"/>
  <xsl:include href="../common/citation.xsl"/>
  <xsl:include href="citation.xsl"/>
  <xsl:include href="page.xsl"/>
  <xsl:include href="text.xsl"/>
  <xsl:include href="notes.xsl"/>
  <xsl:include href="names.xsl"/>
  <xsl:include href="apparatus.xsl"/>
  <xsl:include href="registers.xsl"/>
  <xsl:include href="index.xsl"/>
  <xsl:include href="views.xsl"/>
  <xsl:include href="chronology.xsl"/>
  <xsl:include href="figures.xsl"/>
  <xsl:include href="search.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" include-content-type="no" indent="no"/>

  <!-- Build options and what Python knows about files (names only, never content). -->
  <xsl:param name="base-url" as="xs:string" select="''"/>      <!-- '' : relative URLs -->
  <!-- Lists arrive as one string, one item a line (saxonche is unreliable with string sequences). -->
  <xsl:param name="text-id-lines" as="xs:string" select="''"/>   <!-- one id per $texts, same order -->
  <xsl:param name="download-lines" as="xs:string" select="''"/>  <!-- tei/... paths of the sources -->
  <!-- ../text/x.txt, ../pdf/x.pdf: the other editions beside the site in the output folder -->
  <xsl:param name="companion-lines" as="xs:string" select="''"/>
  <xsl:variable name="text-ids" as="xs:string*" select="tokenize($text-id-lines, '&#10;')"/>
  <xsl:variable name="downloads" as="xs:string*" select="tokenize($download-lines, '&#10;')[.]"/>
  <!-- What the whole site has ('chronology figures apparatus person place org work'),
       computed once per build by the template site-facts; () = compute on each page. -->
  <xsl:param name="site-facts" as="xs:string?" select="()"/>
  <!-- false: built without a search index (the build option no-search): no search page or links -->
  <xsl:param name="search" as="xs:boolean" select="true()"/>
  <xsl:param name="tei-href" as="xs:string?" select="()"/>     <!-- this text's TEI download -->

  <xsl:mode on-no-match="fail" on-multiple-match="fail"/>
  <xsl:mode name="text" on-no-match="fail" on-multiple-match="fail"/>
  <xsl:mode name="entry-data" on-no-match="fail" on-multiple-match="fail"/>

  <!-- A text document: its reading page. -->
  <xsl:template match="/">
    <xsl:call-template name="h:text-page"/>
  </xsl:template>

  <!-- The site's facts, once: which whole-edition pages exist (read by h:has-* on every page). -->
  <xsl:template name="site-facts">
    <xsl:value-of select="string-join((
      if (exists(h:tagged-dates())) then 'chronology' else (),
      if (exists(h:tagged-figures())) then 'figures' else (),
      if (some $t in $texts satisfies exists(ed:interventions($t))) then 'apparatus' else (),
      ('person', 'place', 'org', 'work')[exists(ed:register-entries(.))]), ' ')"/>
  </xsl:template>
</xsl:stylesheet>
