<?xml version="1.0" encoding="UTF-8"?>
<!--
  Appendices: the register entries mentioned in the texts (persons, places, organisations,
  works), each with its dates, description, name variants, identifiers and the sections
  where it is mentioned; and a chronology of every tagged date with its normalised value,
  where it stands and its context. An appendix with no entries is left out.

  $scope: the text documents covered; $parts: map from generate-id(document) to the
  section-number prefix of that document ('' in a document's own file).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-edition:functions"
    xmlns:tx="urn:x-edition:text"
    exclude-result-prefixes="#all">

  <xsl:function name="tx:loc" as="xs:string">
    <xsl:param name="node" as="node()"/>
    <xsl:param name="parts" as="map(xs:string, xs:string)"/>
    <xsl:sequence select="'§' || tx:location($node, ($parts(generate-id(root($node))), '')[1])"/>
  </xsl:function>

  <!-- Mentions of a register entry in the given documents' texts (@ref pointing at it):
       $scope//tei:text//*[@ref][ed:id-from-pointer(@ref) = $id], through an index. -->
  <xsl:key name="tx:mentions" match="tei:text//*[@ref]" use="ed:id-from-pointer(@ref)"/>

  <xsl:function name="tx:mentions" as="element()*">
    <xsl:param name="entry" as="element()"/>
    <xsl:param name="scope" as="document-node()*"/>
    <xsl:variable name="id" select="string($entry/@xml:id)"/>
    <!-- in the order of $scope (the edition's text order), not the documents' parse order -->
    <xsl:sequence select="for $d in $scope return key('tx:mentions', $id, $d)"/>
  </xsl:function>

  <xsl:function name="tx:year-or-text" as="xs:string?">
    <xsl:param name="d" as="element()?"/>
    <xsl:sequence select="if (empty($d)) then ()
      else (($d/@when, $d/@notBefore, $d/@from, $d/@notAfter, $d/@to)[1] ! replace(., '^(-?\d{4}).*$', '$1'),
            normalize-space($d))[. ne ''][1]"/>
  </xsl:function>

  <!-- '(1878–1953)', '(founded 1917)', or nothing. -->
  <xsl:function name="tx:entry-dates" as="xs:string?">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="from" select="tx:year-or-text(($e/tei:birth, $e/tei:event[@type = ('founded', 'foundation')], $e/tei:date)[1])"/>
    <xsl:variable name="to" select="tx:year-or-text(($e/tei:death, $e/tei:event[@type = ('dissolved', 'dissolution')])[1])"/>
    <xsl:sequence select="if (exists($from) and exists($to)) then '(' || $from || '–' || $to || ')'
      else if (exists($from)) then '(' || (if ($e/tei:birth) then 'born ' else '') || $from || ')'
      else if (exists($to)) then '(' || (if ($e/tei:death) then 'died ' else 'until ') || $to || ')'
      else ()"/>
  </xsl:function>

  <xsl:function name="tx:sort-name" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="pn" select="($e/tei:persName[not(@type = 'variant')], $e/tei:persName)[1]"/>
    <xsl:variable name="label" select="ed:entry-label($e)"/>
    <xsl:variable name="surname" select="(($pn/tei:surname)[1] ! normalize-space(.),
        if ($e/self::tei:person) then tokenize($label, ' ')[last()] else ())[1]"/>
    <xsl:sequence select="lower-case(normalize-space(string-join(($surname, $label), ' ')))"/>
  </xsl:function>

  <xsl:template name="tx:appendices">
    <xsl:param name="scope" as="document-node()*"/>
    <xsl:param name="parts" as="map(xs:string, xs:string)"/>
    <xsl:param name="all" as="xs:boolean"/>
    <xsl:variable name="appendices" as="map(*)*">
      <xsl:for-each select="('person', 'place', 'org', 'work')">
        <xsl:variable name="entries" select="ed:register-entries(.)[$all or exists(tx:mentions(., $scope))]"/>
        <xsl:if test="exists($entries)">
          <xsl:sequence select="map{'entries': $entries, 'title': map{'person': 'Persons', 'place': 'Places',
              'org': 'Organisations', 'work': 'Works cited'}(.)}"/>
        </xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:for-each select="$appendices">
      <xsl:sequence select="tx:heading('Appendix ' || position() || ': ' || ?title, '=')"/>
      <xsl:for-each select="?entries">
        <xsl:sort select="tx:sort-name(.)"/>
        <xsl:sort select="string(@xml:id)"/>
        <xsl:call-template name="tx:register-entry">
          <xsl:with-param name="scope" select="$scope"/>
          <xsl:with-param name="parts" select="$parts"/>
        </xsl:call-template>
      </xsl:for-each>
    </xsl:for-each>
    <xsl:call-template name="tx:chronology">
      <xsl:with-param name="scope" select="$scope"/>
      <xsl:with-param name="parts" select="$parts"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="tx:register-entry">
    <xsl:param name="scope" as="document-node()*"/>
    <xsl:param name="parts" as="map(xs:string, xs:string)"/>
    <xsl:variable name="e" select="."/>
    <xsl:variable name="label" select="ed:entry-label(.)"/>
    <xsl:variable name="names" select="(tei:persName, tei:placeName, tei:orgName, tei:title, tei:name)"/>
    <xsl:variable name="variants" select="distinct-values(for $n in $names return normalize-space(string-join($n//text(), '')))[. ne $label]"/>
    <xsl:variable name="author" select="tei:author ! tx:flat(.)"/>
    <xsl:variable name="desc" select="(tei:note, tei:desc, tei:occupation, tei:state, tei:location, tei:country)
        ! tx:flat(node())"/>
    <xsl:variable name="mentions" select="tx:mentions(., $scope)"/>
    <xsl:variable name="where" select="distinct-values(for $m in $mentions return tx:loc($m, $parts))"/>
    <xsl:sequence select="tx:b(string-join(($label, tx:entry-dates(.)), ' '), 0, '', 4, false())"/>
    <xsl:for-each select="($author ! ('By ' || .), $desc, (if (exists($variants)) then 'Also: ' || string-join($variants, '; ') else ()),
        (if (tei:idno) then 'Identifiers: ' || string-join(tei:idno ! normalize-space(string-join((@type, .), ' ')), '; ') else ()),
        'Mentioned: ' || (if (exists($where)) then string-join($where, ', ') else 'not in these texts'))[. ne '']">
      <xsl:sequence select="tx:b(., 4, '', 2, true())"/>
    </xsl:for-each>
  </xsl:template>

  <!-- Chronology: every date of the texts, ordered by its normalised value (undated ones
       last), then by position in the text. -->
  <xsl:template name="tx:chronology">
    <xsl:param name="scope" as="document-node()*"/>
    <xsl:param name="parts" as="map(xs:string, xs:string)"/>
    <xsl:variable name="dates" select="for $d in $scope return $d//tei:text//tei:date[not(ed:in-register-list(.))]"/>
    <xsl:if test="exists($dates)">
      <xsl:sequence select="tx:heading('Chronology', '=')"/>
      <xsl:sequence select="tx:b('Every date tagged in the texts, by its normalised value (ISO 8601; a/b a range, a..b not before a and not after b), with the section where it stands and its context.', 0, '', 0, false())"/>
      <xsl:for-each select="$dates">
        <xsl:sort select="ed:date-sort-key(.) = ''"/>
        <xsl:sort select="ed:date-sort-key(.)"/>
        <xsl:variable name="value" select="(ed:date-value(.)[. ne ''], 'undated')[1]"/>
        <xsl:variable name="loc" select="tx:loc(., $parts)"/>
        <xsl:sequence select="tx:b(string-join(($value, @cert ! ('(certainty: ' || . || ')')), ' ') || '  ' || $loc || '  ' || tx:flat(node()),
            0, '', 4, false())"/>
        <xsl:sequence select="tx:b('…' || tx:context(.) || '…', 4, '', 0, true())"/>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

  <!-- A few words either side of an element, within its paragraph (notes and corrections
       left out): normalize-space() of the last 9 tokens of the paragraph's text before it
       (tokenize(., '\s+'), joined by spaces), its own text, the first 9 tokens after it.
       Speed (a paragraph with 2,000 dates took 80 s): the text either side is gathered from
       the 16 nearest text nodes, not the whole paragraph; when that window does not reach the
       paragraph's edge, it still gives the same words if it holds 11 words or more (only its
       first word, before, or last word, after, can be cut); otherwise a window 8 times as
       large is tried, and so on, up to the paragraph's whole text on that side. Words are
       split by normalize-space() and a literal space, which give the same result as
       tokenize(., '\s+') once the whole is normalised, only faster. -->
  <xsl:function name="tx:context" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <xsl:variable name="block" select="($el/ancestor::*[tx:is-structural(.) or self::tei:note])[last()]"/>
    <xsl:variable name="before" select="tx:context-side($el, $block, 16, true())"/>
    <xsl:variable name="after" select="tx:context-side($el, $block, 16, false())"/>
    <xsl:variable name="words-before" select="$before?words"/>
    <xsl:variable name="words-after" select="$after?words"/>
    <!-- a space at the end of the text before (the empty last token) counts as one of the 9;
         so does one at the start of the text after -->
    <xsl:variable name="space-before" select="substring($before?text, string-length($before?text)) = (' ', '&#9;', '&#10;', '&#13;')"/>
    <xsl:variable name="space-after" select="substring($after?text, 1, 1) = (' ', '&#9;', '&#10;', '&#13;')"/>
    <xsl:sequence select="normalize-space(
        string-join(subsequence($words-before, count($words-before) - (if ($space-before) then 8 else 9) + 1), ' ')
        || (if ($space-before) then ' ' else '') || tx:flat($el/node()) || (if ($space-after) then ' ' else '')
        || string-join(subsequence($words-after, 1, if ($space-after) then 8 else 9), ' '))"/>
  </xsl:function>

  <!-- The paragraph's text before (or after) $el and its words, from the $n nearest text
       nodes, else from 8 times as many, else from the whole paragraph: map{'text', 'words'}. -->
  <xsl:function name="tx:context-side" as="map(*)">
    <xsl:param name="el" as="element()"/>
    <xsl:param name="block" as="element()?"/>
    <xsl:param name="n" as="xs:integer?"/>
    <xsl:param name="before" as="xs:boolean"/>
    <xsl:variable name="near" select="if (empty($n)) then
        (if ($before) then $block//text()[. &lt;&lt; $el] else $block//text()[. >> $el][not(ancestor::* intersect $el)])
      else if ($before) then $el/preceding::text()[position() le $n] else $el/following::text()[position() le $n]"/>
    <xsl:variable name="text" select="tx:context-text($near, $block)"/>
    <xsl:variable name="words" select="tokenize(normalize-space($text), ' ')"/>
    <xsl:sequence select="if (empty($n) or count($near) lt $n or count($words) ge 11
        or (if ($before) then not($near[1] >> $block) else not($near[last()]/ancestor::* intersect $block)))
      then map{'text': $text, 'words': $words}
      else tx:context-side($el, $block, if ($n lt 1024) then $n * 8 else (), $before)"/>
  </xsl:function>

  <!-- The text of those of $texts that stand in the paragraph, not in a note, corr, reg,
       expan or rdg within it. -->
  <xsl:function name="tx:context-text" as="xs:string">
    <xsl:param name="texts" as="text()*"/>
    <xsl:param name="block" as="element()?"/>
    <xsl:sequence select="string-join($texts[ancestor::* intersect $block][not(ancestor::*[self::tei:note
        or self::tei:corr or self::tei:reg or self::tei:expan or self::tei:rdg][. >> $block])], '')"/>
  </xsl:function>
</xsl:stylesheet>
