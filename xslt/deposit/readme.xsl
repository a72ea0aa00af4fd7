<?xml version="1.0" encoding="UTF-8"?>
<!--
  README.txt for the archivist: what the deposit is, who made it, how to cite it, what each
  folder holds, how to check its fixity and how to rebuild the editions. Applied to the
  edition document. Parameters: $payload-list (the payload files, paths under data/,
  sorted, one a line), $tag-file-list (the bag's extra tag files, one a line),
  $toolkit-version. Plain UTF-8 text, lines of at most 78 characters where the words allow.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-edition:functions"
    xmlns:dep="urn:x-edition:deposit"
    exclude-result-prefixes="#all">

  <xsl:include href="../common/functions.xsl"/>
  <xsl:include href="../common/citation.xsl"/>

  <!-- one path a line (a string: lists of strings do not cross into saxonche safely) -->
  <xsl:param name="payload-list" as="xs:string" select="''"/>
  <xsl:param name="tag-file-list" as="xs:string" select="''"/>
  <xsl:variable name="payload" as="xs:string*" select="tokenize($payload-list, '\n')[.]"/>
  <xsl:variable name="tag-files" as="xs:string*" select="tokenize($tag-file-list, '\n')[.]"/>
  <xsl:param name="toolkit-version" as="xs:string" select="''"/>

  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:mode on-no-match="fail"/>

  <!-- What each top-level payload folder holds. -->
  <xsl:variable name="folders" as="map(xs:string, xs:string)" select="map {
    'tei': 'The master copy: the TEI P5 XML sources, edited by hand (edition.xml: the edition header and introduction; texts/: the transcribed texts; registers/: persons, places, organisations, works). schema/ holds the RELAX NG schemas, the Schematron rules and their licence notices.',
    'xslt': 'The XSLT 3.0 stylesheets that derive every edition from the TEI (common/: shared functions; one folder per output format; deposit/: this bag''s metadata).',
    'html': 'The web edition: a static site; open html/index.html in a browser.',
    'text': 'The plain-text edition (UTF-8).',
    'pdf': 'The print edition (PDF).'
  }"/>

  <xsl:template match="/">
    <xsl:variable name="doc" select="."/>
    <xsl:variable name="title" select="ed:edition-title($doc)"/>
    <xsl:variable name="editors" select="ed:edition-editors($doc) ! ed:agent-name(.)[.]"/>
    <xsl:variable name="top" select="distinct-values($payload ! (if (contains(., '/')) then substring-before(., '/') else ()))"/>
    <xsl:variable name="lines" as="xs:string*">
      <xsl:sequence select="$title, replace($title, '.', '='), ''"/>
      <xsl:sequence select="dep:wrap('An archival deposit of the digital scholarly edition ' || $title
        || (if (exists($editors)) then ', edited by ' || ed:join-names($editors) else '')
        || (if (ed:edition-publisher($doc)) then ', published by ' || ed:edition-publisher($doc) else '')
        || (if (ed:edition-date($doc)) then ', ' || ed:edition-date($doc) else '') || '.', '')"/>
      <xsl:sequence select="''"/>
      <xsl:sequence select="dep:field('Identifier', ed:edition-identifier($doc))"/>
      <xsl:sequence select="dep:field('Version', string-join((ed:edition-version($doc)[.], ed:edition-statement($doc)[.]), ', '))"/>
      <xsl:sequence select="dep:field('Landing page', ed:edition-url($doc))"/>
      <xsl:sequence select="dep:field('Licence', ed:licence-url($doc))"/>
      <xsl:sequence select="''"/>
      <xsl:sequence select="'How to cite', '-----------', dep:wrap(ed:how-to-cite($doc), ''), ''"/>
      <xsl:if test="exists(ed:rights($doc))">
        <xsl:sequence select="'Rights', '------'"/>
        <xsl:for-each select="ed:rights($doc)">
          <xsl:sequence select="dep:wrap(., ''), ''"/>
        </xsl:for-each>
      </xsl:if>
      <xsl:if test="exists(ed:edition-sources($doc))">
        <xsl:sequence select="'Sources', '-------'"/>
        <xsl:for-each select="ed:edition-sources($doc)">
          <xsl:sequence select="dep:wrap(., '  ', '- ')"/>
        </xsl:for-each>
        <xsl:sequence select="''"/>
      </xsl:if>
      <xsl:sequence select="'What the bag holds', '------------------',
        dep:wrap('The bag follows BagIt (RFC 8493). The payload is under data/; the files beside it describe and protect it.', ''), ''"/>
      <xsl:for-each select="$top">
        <xsl:variable name="count" select="count($payload[starts-with(., current() || '/')])"/>
        <xsl:sequence select="'data/' || . || '/  (' || $count || (if ($count = 1) then ' file)' else ' files)')"/>
        <xsl:sequence select="dep:wrap(($folders(.), 'Further files of the edition.')[1], '    ')"/>
      </xsl:for-each>
      <xsl:for-each select="$payload[not(contains(., '/'))]">
        <xsl:sequence select="'data/' || ., dep:wrap(
          if (. = 'README.txt') then 'This file.'
          else if (. = 'CITATION.cff') then 'Citation metadata (Citation File Format 1.2.0), from the edition header.'
          else 'Part of the payload.', '    ')"/>
      </xsl:for-each>
      <xsl:sequence select="'bag-info.txt', dep:wrap('Who deposited what: organisation, contact, description, identifiers, bagging date, payload size (Payload-Oxum), all from the edition header.', '    ')"/>
      <xsl:sequence select="'manifest-sha256.txt, manifest-sha512.txt', dep:wrap('A checksum for every payload file.', '    ')"/>
      <xsl:sequence select="'tagmanifest-sha256.txt, tagmanifest-sha512.txt', dep:wrap('A checksum for every other file outside data/.', '    ')"/>
      <xsl:for-each select="$tag-files">
        <xsl:sequence select="., dep:wrap(
          if (ends-with(., 'dublin-core.xml')) then 'A Dublin Core (oai_dc) record of the edition.'
          else if (ends-with(., 'tei-header.xml')) then 'The edition header (the teiHeader of data/tei/edition.xml).'
          else 'Metadata.', '    ')"/>
      </xsl:for-each>
      <xsl:sequence select="'', 'Checking the bag', '----------------',
        dep:wrap('Any BagIt validator checks completeness and fixity, e.g. the Library of Congress bagit-python: bagit.py --validate BAG. The edition''s toolkit names every changed, missing or extra file: edition verify BAG.', ''), ''"/>
      <xsl:sequence select="'Rebuilding the editions', '-----------------------',
        dep:wrap('The TEI under data/tei/ is the master; every other edition is derived from it by the stylesheets under data/xslt/, run by the toolkit ''edition'''
          || (if ($toolkit-version) then ' (version ' || $toolkit-version || ')' else '')
          || ' with Saxon (XSLT 3.0) and, for the PDF, WeasyPrint: edition build. With the same sources, tools and SOURCE_DATE_EPOCH, the builds are byte-identical.', ''), ''"/>
      <xsl:sequence select="'Files (' || count($payload) || ')', replace('Files (' || count($payload) || ')', '.', '-')"/>
      <xsl:sequence select="$payload ! ('data/' || .)"/>
    </xsl:variable>
    <xsl:value-of select="string-join($lines, '&#10;') || '&#10;'"/>
  </xsl:template>

  <!-- A labelled line, or nothing when the value is empty. -->
  <xsl:function name="dep:field" as="xs:string*">
    <xsl:param name="label" as="xs:string"/>
    <xsl:param name="value" as="xs:string?"/>
    <xsl:sequence select="if (normalize-space($value)) then $label || ': ' || $value else ()"/>
  </xsl:function>

  <xsl:function name="dep:wrap" as="xs:string*">
    <xsl:param name="text" as="xs:string?"/>
    <xsl:param name="indent" as="xs:string"/>
    <xsl:sequence select="dep:wrap($text, $indent, $indent)"/>
  </xsl:function>

  <!-- Words filled into lines of at most 78 characters (a longer word stands alone). -->
  <xsl:function name="dep:wrap" as="xs:string*">
    <xsl:param name="text" as="xs:string?"/>
    <xsl:param name="indent" as="xs:string"/>
    <xsl:param name="first" as="xs:string"/>
    <xsl:iterate select="tokenize(normalize-space($text), ' ')">
      <xsl:param name="line" as="xs:string" select="''"/>
      <xsl:param name="lead" as="xs:string" select="$first"/>
      <xsl:on-completion>
        <xsl:sequence select="($lead || $line)[$line]"/>
      </xsl:on-completion>
      <xsl:choose>
        <xsl:when test="$line and string-length($lead || $line || ' ' || .) gt 78">
          <xsl:sequence select="$lead || $line"/>
          <xsl:next-iteration>
            <xsl:with-param name="line" select="."/>
            <xsl:with-param name="lead" select="$indent"/>
          </xsl:next-iteration>
        </xsl:when>
        <xsl:otherwise>
          <xsl:next-iteration>
            <xsl:with-param name="line" select="if ($line) then $line || ' ' || . else ."/>
          </xsl:next-iteration>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:iterate>
  </xsl:function>
</xsl:stylesheet>
