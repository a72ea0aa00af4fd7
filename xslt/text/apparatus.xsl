<?xml version="1.0" encoding="UTF-8"?>
<!--
  The apparatus: every editorial intervention of a text (ed:interventions: choice, sic, corr,
  supplied, app), and every editorial note, in text order, each as
    1.1  Chamberlain] Chamberlin ed. — the editorial note
  (location = section number; the reading before ']' is the one printed in the text).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-edition:functions"
    xmlns:tx="urn:x-edition:text"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    exclude-result-prefixes="#all">

  <xsl:mode name="tx:apparatus" on-no-match="shallow-skip" on-multiple-match="fail"/>

  <xsl:function name="tx:flat" as="xs:string">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:sequence select="normalize-space(replace(tx:inline($nodes), '&#xFDD0;[^&#xFDD0;]*&#xFDD0;', ''))"/>
  </xsl:function>

  <!-- Every entry of a document's apparatus, in document order. -->
  <xsl:function name="tx:apparatus-items" as="element()*">
    <xsl:param name="doc" as="node()"/>
    <xsl:variable name="interventions" select="ed:interventions($doc)"/>
    <xsl:variable name="commented" select="for $i in $interventions return ed:notes-on($i)"/>
    <xsl:sequence select="($interventions,
        root($doc)//tei:text//tei:note[ed:is-editorial(.)] except $commented)/."/>
  </xsl:function>

  <!-- The apparatus of one document, as blocks (nothing when it has no entries and
       $always is false). -->
  <xsl:template name="tx:apparatus">
    <xsl:param name="doc" as="node()"/>
    <xsl:param name="title" as="xs:string"/>
    <xsl:param name="underline" as="xs:string"/>
    <xsl:variable name="items" select="tx:apparatus-items($doc)"/>
    <xsl:sequence select="tx:heading($title, $underline)"/>
    <xsl:choose>
      <xsl:when test="empty($items)">
        <xsl:sequence select="tx:b('No editorial interventions.', 0, '', 0, false())"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="$items" mode="tx:apparatus">
          <xsl:with-param name="item-ids" select="map:merge($items ! map{generate-id(.): true()})" tunnel="yes"/>
        </xsl:apply-templates>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The number of the source page a node stands on (its nearest numbered page break before
       it, of the witness followed), or () (at once, in a document that numbers no page). -->
  <xsl:key name="tx:numbered-pb" match="tei:pb[normalize-space(@n)]" use="'pb'"/>
  <xsl:function name="tx:page-of" as="xs:string?">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="if (not(root($node) instance of document-node()) or empty(key('tx:numbered-pb', 'pb', root($node))[1])) then ()
        else normalize-space($node/preceding::tei:pb[normalize-space(@n)][ed:break-shown(.)][1]/@n)[.]"/>
  </xsl:function>

  <xsl:template name="tx:app-entry">
    <xsl:param name="lemma" as="xs:string"/>
    <xsl:param name="notes" as="element(tei:note)*" select="ed:notes-on(.)"/>
    <xsl:param name="part" as="xs:string" tunnel="yes"/>
    <xsl:param name="item-ids" as="map(xs:string, xs:boolean)" tunnel="yes"/>
    <xsl:variable name="place" select="if (self::tei:app) then ed:app-place(.) else ."/>
    <xsl:variable name="line" select="ed:line-of($place)"/>
    <!-- (in a lineated transcription its source line, 'l. 5', after the section only when there
         is one: a document without headings has only §0) -->
    <xsl:variable name="section" select="'§' || tx:location($place, $part)"/>
    <!-- (before any heading, the source's page where it numbers its pages: 'p. 12', not §0) -->
    <xsl:variable name="page" select="if (not(matches($section, '(§|\.)0$')) or exists($line)) then ()
        else tx:page-of($place)"/>
    <!-- (else the labels of the numbered head-less divisions it stands in: 'Book 1, Section 2') -->
    <xsl:variable name="divisions" select="if (not(matches($section, '(§|\.)0$')) or exists($line) or exists($page)) then ''
        else string-join($place/ancestor::*[local-name() = $tx:divs][ed:div-number(.)] ! ed:div-label(.)[.], ', ')"/>
    <xsl:variable name="loc" select="if (exists($line)) then string-join(($section[. ne '§0'], $line), ' ')
        else if (exists($page)) then string-join((replace($section, '\.?0$', '')[. ne '§'], 'p. ' || $page), ' ')
        else if ($divisions) then string-join((replace($section, '\.?0$', '')[. ne '§'], $divisions), ' ')
        else string-join(($section,
        ($place/ancestor::tei:l[@n][1]/@n, self::tei:app/@loc)[1] ! ('l. ' || .)), ' ')"/>
    <xsl:variable name="comments" select="for $n in $notes return tx:flat($n/node())"/>
    <!-- tight when an entry precedes this one other than one that contains it
         (exists(preceding::*[. intersect $items])): the context position is this entry's
         place in the entries, which are in document order -->
    <xsl:variable name="containing" select="count(ancestor::*[map:contains($item-ids, generate-id(.))])"/>
    <xsl:sequence select="tx:b(string-join(($lemma[.], $comments), ' — '), 0, $loc || '  ', string-length($loc) + 2, position() - 1 gt $containing)"/>
  </xsl:template>

  <xsl:function name="tx:cert" as="xs:string?">
    <xsl:param name="el" as="element()*"/>
    <xsl:sequence select="($el/@cert[. ne 'high'] ! ('(certainty: ' || . || ')'))[1]"/>
  </xsl:function>

  <xsl:template match="tei:choice" mode="tx:apparatus">
    <xsl:variable name="printed" select="tx:flat(ed:reading(., 'printed'))"/>
    <xsl:variable name="alternatives" select="tei:corr | tei:reg | tei:expan"/>
    <xsl:variable name="what" select="if (tei:reg) then 'reg.' else if (tei:expan) then 'expan.' else 'ed.'"/>
    <xsl:call-template name="tx:app-entry">
      <xsl:with-param name="lemma" select="string-join((
          $printed || ']',
          string-join(for $a in $alternatives return tx:flat($a/node()), '; '),
          $what, tx:cert($alternatives)), ' ')"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:sic" mode="tx:apparatus">
    <xsl:call-template name="tx:app-entry">
      <xsl:with-param name="lemma" select="string-join((tx:flat(node()) || ']', 'sic', tx:cert(.)), ' ')"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:corr" mode="tx:apparatus">
    <xsl:call-template name="tx:app-entry">
      <xsl:with-param name="lemma" select="string-join((tx:flat(node()) || ']', 'ed. (corrected)', tx:cert(.)), ' ')"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:supplied" mode="tx:apparatus">
    <xsl:call-template name="tx:app-entry">
      <xsl:with-param name="lemma" select="string-join(((if (@reason = 'omitted') then '⟨' || tx:flat(node()) || '⟩]' else '[' || tx:flat(node()) || ']]'), 'supplied ed.',
          @reason ! ('(' || . || ')'), tx:cert(.)), ' ')"/>
    </xsl:call-template>
  </xsl:template>

  <!-- "summer A C] sommer B; om. D (conjecture)": the reading in the text, the variants, each
       with its witnesses' sigla. -->
  <xsl:template match="tei:app" mode="tx:apparatus">
    <xsl:call-template name="tx:app-entry">
      <xsl:with-param name="lemma" select="string-join((ed:app-lemma(.) ! tx:reading(.), string-join(
          for $r in ed:app-variants(.) return tx:reading($r), '; ')[.]), '] ')"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:function name="tx:reading" as="xs:string">
    <xsl:param name="reading" as="element()?"/>
    <!-- words only when it has text (a reading of nothing but a <space/> is an omission too) -->
    <xsl:variable name="words" select="if (normalize-space(string($reading))) then tx:flat($reading/node()) else ''"/>
    <!-- words written right to left are isolated (U+2068…U+2069), so that the sigla and brackets
         after them keep their order in a bidi-aware viewer -->
    <xsl:variable name="words" select="if (matches($words, '[&#x0590;-&#x08FF;&#xFB1D;-&#xFDFF;&#xFE70;-&#xFEFF;]'))
        then '&#x2068;' || $words || '&#x2069;' else $words"/>
    <xsl:sequence select="string-join(((if ($words) then $words else ed:no-words($reading)), ed:reading-notes($reading),
        tx:cert($reading)), ' ')"/>
  </xsl:function>

  <!-- An editorial note on no intervention: its location and text. -->
  <xsl:template match="tei:note" mode="tx:apparatus">
    <xsl:call-template name="tx:app-entry">
      <xsl:with-param name="lemma" select="'editorial note'"/>
      <xsl:with-param name="notes" select="."/>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
