<?xml version="1.0" encoding="UTF-8"?>
<!--
  The title block: what the edition is (title, attributed source and its certainty, editors,
  edition, publication, licence, how to cite) from the TEI header, then the conventions of
  this plain-text edition, then the contents. Fields missing from a document's own header
  are taken from the edition header.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-edition:functions"
    xmlns:tx="urn:x-edition:text"
    exclude-result-prefixes="#all">

  <!-- Header text without notes (notes in a header are evidence, given separately). -->
  <xsl:function name="tx:header-text" as="xs:string">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:sequence select="tx:flat($nodes/(self::text(), self::*[not(self::tei:note)]))"/>
  </xsl:function>

  <!-- A bibliographic description: as printed when it has its own punctuation, else its
       parts joined by commas. -->
  <xsl:function name="tx:bibl-text" as="xs:string">
    <xsl:param name="bibl" as="element()"/>
    <xsl:sequence select="if ($bibl/text()[normalize-space() ne ''] or not($bibl/*)) then tx:header-text($bibl/node())
      else string-join($bibl/*[not(self::tei:note)] ! (if (self::tei:msIdentifier) then tx:bibl-text(.)
                       else tx:header-text(.))[. ne ''], ', ')"/>
  </xsl:function>

  <xsl:function name="tx:field" as="map(*)?">
    <xsl:param name="label" as="xs:string"/>
    <xsl:param name="values" as="xs:string*"/>
    <xsl:variable name="v" select="$values[normalize-space(.) ne '']"/>
    <xsl:if test="exists($v)">
      <xsl:sequence select="tx:b($label || ': ' || string-join($v, '; '), 0, '', 4, true())"/>
    </xsl:if>
  </xsl:function>

  <xsl:template name="tx:title-block">
    <xsl:param name="header" as="element(tei:teiHeader)?"/>
    <xsl:param name="fallback" as="element(tei:teiHeader)?"/>
    <xsl:param name="title" as="xs:string"/>
    <xsl:param name="scope" as="document-node()*"/>
    <xsl:param name="parts" as="map(xs:string, xs:string)"/>
    <xsl:variable name="h" select="($header, $fallback)"/>
    <xsl:variable name="ts" select="$h ! tei:fileDesc/tei:titleStmt"/>
    <xsl:variable name="pub" select="$h ! tei:fileDesc/tei:publicationStmt"/>
    <xsl:sequence select="tx:heading($title, '=')"/>
    <xsl:for-each select="($header/tei:fileDesc/tei:titleStmt/tei:title[@type = ('sub', 'subtitle')])[1]">
      <xsl:sequence select="tx:b(tx:header-text(node()), 0, '', 0, false())"/>
    </xsl:for-each>
    <!-- the source and its attribution -->
    <xsl:variable name="sources" select="$h[1]/tei:fileDesc/tei:sourceDesc/*/descendant-or-self::*[
        self::tei:bibl or self::tei:biblStruct or self::tei:biblFull or self::tei:msDesc or self::tei:p]
        [not(ancestor::*[self::tei:bibl or self::tei:biblStruct or self::tei:biblFull or self::tei:msDesc or self::tei:p])]
        [normalize-space()]"/>
    <xsl:for-each select="$sources">
      <xsl:sequence select="tx:b(tx:bibl-text(.), 0, 'Source: ', 4, position() gt 1)"/>
      <xsl:variable name="cert" select="(@cert, .//@cert)[1]"/>
      <xsl:if test="$cert">
        <xsl:sequence select="tx:b('attributed by the editors, certainty: ' || $cert || '.', 4, '', 0, true())"/>
      </xsl:if>
      <xsl:for-each select="tei:note">
        <xsl:sequence select="tx:b(tx:flat(node()), 4, '', 0, true())"/>
      </xsl:for-each>
    </xsl:for-each>
    <xsl:variable name="people" as="map(*)*">
      <xsl:for-each select="ed:corresp-actions($header)">
        <xsl:sequence select="tx:field(ed:corresp-role(.), ed:corresp-label(.))"/>
      </xsl:for-each>
      <!-- names as read ('Joachim D. Kamiet' from surname, forename; the first of several names) -->
      <xsl:sequence select="tx:field('Author', $header/tei:fileDesc/tei:titleStmt/tei:author ! ed:agent-names(.))"/>
      <xsl:sequence select="tx:field('Editors', ($ts ! tei:editor)[1]/../tei:editor ! ed:agent-names(.))"/>
      <xsl:for-each select="($header/tei:fileDesc/tei:titleStmt[tei:respStmt], $fallback/tei:fileDesc/tei:titleStmt)[1]/tei:respStmt">
        <xsl:sequence select="tx:field((tx:header-text(tei:resp/node())[normalize-space()], 'Contributor')[1] ! (upper-case(substring(., 1, 1)) || substring(., 2)),
            string-join((tei:name, tei:persName, tei:orgName) ! ed:agent-name(.), ', '))"/>
      </xsl:for-each>
      <xsl:variable name="edition" select="$h ! tei:fileDesc/tei:editionStmt/tei:edition"/>
      <xsl:sequence select="tx:field('Edition', ($edition)[1] ! tx:header-text(node()))"/>
      <xsl:sequence select="tx:field('Published', ($pub[tei:publisher | tei:distributor])[1] ! string-join(
          (tei:publisher, tei:distributor, tei:pubPlace, tei:date) ! tx:header-text(node()), ', '))"/>
      <xsl:sequence select="tx:field('Identifier', ($pub[tei:idno])[1]/tei:idno ! normalize-space(string-join((@type, .), ' ')))"/>
      <xsl:variable name="licence" select="($pub ! tei:availability)[1]"/>
      <xsl:sequence select="tx:field('Licence', $licence ! string-join((
          (tei:licence ! string-join((tx:header-text(node()), @target ! ed:safe-url(.)), ' ')),
          (tei:p ! tx:header-text(node())), (if (tei:licence | tei:p) then () else tx:header-text(node()))), ' '))"/>
      <xsl:sequence select="tx:field('How to cite', tx:how-to-cite($header, $fallback, $title))"/>
    </xsl:variable>
    <xsl:if test="exists($people)">
      <xsl:sequence select="tx:b($people[1]?text, 0, '', 4, false())"/>
      <xsl:sequence select="$people[position() gt 1]"/>
    </xsl:if>
    <xsl:call-template name="tx:conventions">
      <xsl:with-param name="scope" select="$scope"/>
    </xsl:call-template>
    <xsl:call-template name="tx:contents">
      <xsl:with-param name="scope" select="$scope"/>
      <xsl:with-param name="parts" select="$parts"/>
    </xsl:call-template>
  </xsl:template>

  <!-- How to cite (ed:how-to-cite, shared with every format): a document's own stated
       citation, else its title within the edition's citation, else the one its header gives. -->
  <xsl:function name="tx:how-to-cite" as="xs:string?">
    <xsl:param name="header" as="element(tei:teiHeader)?"/>
    <xsl:param name="fallback" as="element(tei:teiHeader)?"/>
    <xsl:param name="title" as="xs:string"/>
    <xsl:variable name="stated" select="$header//(tei:note, tei:p, tei:bibl)[@type = ('citation', 'cite', 'how-to-cite', 'howToCite', 'recommendedCitation')]"/>
    <xsl:sequence select="if (exists($header) and (exists($stated) or empty($fallback))) then ed:how-to-cite($header)
      else if (exists($fallback)) then
        (if (exists($header)) then $title || (if (matches($title, '[.?!]$')) then ' ' else '. ') || 'In: ' else '') || ed:how-to-cite($fallback)
      else ()"/>
  </xsl:function>

  <xsl:template name="tx:conventions">
    <xsl:param name="scope" as="document-node()*"/>
    <xsl:variable name="notes" select="$scope//tei:note[ancestor::tei:text or ed:is-anchored(.)]"/>
    <xsl:variable name="missing" select="$notes[tx:note-kind(.) = 'missing']"/>
    <xsl:sequence select="tx:heading('About this plain-text edition', '-')"/>
    <xsl:for-each select="(
      'The text is given as printed in the source; every editorial intervention is listed in the apparatus at the end (the reading printed in the text before the bracket, the editors'' reading after it, then their note).',
      'Headings are numbered as in the contents below; these section numbers (§1.2; §0: before the first heading) locate the entries of the apparatus and the appendices.'
        || ' Front matter is numbered i, ii…, back matter A, B….'[exists($scope//tei:text//(tei:front | tei:back)//*[tx:is-section(.)])],
      '_Underscores_ mark italics (titles of works, foreign words, emphasis); *asterisks* mark bold.',
      'A vertical bar | marks a page break of the source'
        || (', with the number of the page that begins when the source gives one: |12|'[exists($scope//tei:text//tei:pb[normalize-space(@n)])])
        || '. A page break inside a word never splits it: the word is printed whole and the bar follows it (bellies | for bel|lies).',
      'A number in square brackets, [4], marks a note at its place in the text; the note''s text follows the paragraph in which the mark stands, indented and introduced by the same number.'
        [exists($notes[tx:note-kind(.) = 'foot'])],
      'Endnotes are printed under Notes at the end of their text.'[exists($notes[tx:note-kind(.) = 'end'])],
      ('Note references ' || tx:range($missing) || ' are printed as in the source, but their notes are not in the excerpt (the book''s endnotes were not transcribed); they are marks only.')[exists($missing)],
      '[…] marks text not given: the excerpt begins or ends in mid-sentence, or the source omits it. [Square brackets] around words mark text supplied by the editors; ⟦double brackets⟧ text deleted in the source.',
      'Inside […] the editors say how much is missing and why, where the source says so: [… 3 characters illegible].'[exists($scope//tei:gap[ancestor::tei:text][ed:gap-words(.)])],
      'A dot under a letter (ạ) marks it as unclear in the source.'[exists($scope//tei:unclear[ancestor::tei:text])],
      '⟨Angle brackets⟩ mark letters or words the source omits, supplied by the editors.'[exists($scope//tei:supplied[ancestor::tei:text][@reason = 'omitted'])],
      '{Braces} mark letters or words in the source that the editors judge superfluous.'[exists($scope//tei:surplus[ancestor::tei:text])],
      'A label in square brackets on a line of its own, [Translation], names a division that has no heading in the source.'[exists($scope//tei:text//*[local-name() = $tx:divs][ed:div-label(.)])],
      'A hyphen that ends a line of the source inside a word is kept, and the word joined: Men-schen.'[exists($scope//tei:text//tei:lb[not(@break)][ed:hyphen-break(.)])],
      'Verse lines carry their numbers in the left margin: every fifth, and any other numbering (5a).'[exists($scope//tei:text//tei:l[@n])],
      '⸢Half brackets⸣ mark words added in the source (above the line, in the margin).'[exists($scope//tei:add[ancestor::tei:text])],
      'Texts transcribed line by line (inscriptions, papyri) keep the lines of the source, each on a line of its own with its number in the margin every fifth line and wherever the numbering is irregular (7a, or a jump). A word broken across the end of a line is printed whole on the line where it begins. The apparatus locates their entries by the line of the source: l. 5, or in a text of several parts (faces, columns, fragments) the part and the line: a 5.'[exists($scope//tei:text//tei:lb[@n]) and exists($scope//tei:text//(tei:ab | tei:p)[ed:lineated(.)])],
      '(Parentheses) inside a word mark the editors'' expansion of an abbreviation: Iohann(i).'[exists($scope//tei:ex[ancestor::tei:text])],
      '[vac.] marks a space left blank in the source.'[exists($scope//tei:space[ancestor::tei:text][tx:is-vacat(.)])],
      ('Where the witnesses differ, the text gives one reading; the apparatus gives it before the bracket with the sigla of its witnesses, then the other readings with theirs (om.: the words are missing there).'
        || ' Verse is located by line number (l. 3).'[exists($scope//tei:app[ancestor::tei:l[@n]])]
        || (' Sigla: ' || string-join(for $w in $scope//tei:witness[@xml:id] return ($w/@n, $w/@xml:id)[1] || ' = ' || ed:plain($w), '; ') || '.')
           [exists($scope//tei:witness[@xml:id])])[exists($scope//tei:app[ancestor::tei:text])],
      'Block quotations are indented by four spaces; their attribution follows on a line beginning with a dash. Quotation marks are those of the source'
        || ('; where its encoding leaves them out of a quotation in the running text, the editors supply them'
            [exists($scope//tei:text//(tei:q, tei:quote, tei:said)[exists(ed:quote-marks(.))])]) || '.',
      'Plain text, UTF-8, lines of at most ' || $width || ' characters (longer only for a single word that does not fit)'
        || (if ($tx:cjk) then '; a Chinese or Japanese character counts as two.' else '.'))">
      <xsl:sequence select="tx:b(., 0, '- ', 2, position() gt 1)"/>
    </xsl:for-each>
  </xsl:template>

  <!-- '[1]–[39]' or '[3], [7]' -->
  <xsl:function name="tx:range" as="xs:string">
    <xsl:param name="notes" as="element(tei:note)*"/>
    <xsl:variable name="marks" select="distinct-values($notes ! tx:note-mark(.))"/>
    <xsl:sequence select="if (count($marks) gt 2) then $marks[1] || '–' || $marks[last()] else string-join($marks, ', ')"/>
  </xsl:function>

  <xsl:template name="tx:contents">
    <xsl:param name="scope" as="document-node()*"/>
    <xsl:param name="parts" as="map(xs:string, xs:string)"/>
    <xsl:variable name="lines" as="map(*)*">
      <xsl:for-each select="$scope">
        <xsl:variable name="part" select="($parts(generate-id(.)), '')[1]"/>
        <xsl:if test="$part ne '' and $part ne '0'">
          <xsl:sequence select="tx:b(tx:part-title(.), 0, $part || '  ', string-length($part) + 2, true())"/>
        </xsl:if>
        <xsl:for-each select=".//tei:text//*[tx:is-section(.)]">
          <xsl:variable name="n" select="tx:location(., $part)"/>
          <xsl:variable name="depth" select="count(tokenize($n, '\.')) - 1"/>
          <xsl:sequence select="tx:b(tx:header-text(tei:head[1]/node()), 2 * $depth, $n || '  ', string-length($n) + 2, true())"/>
        </xsl:for-each>
      </xsl:for-each>
    </xsl:variable>
    <xsl:if test="exists($lines)">
      <xsl:sequence select="tx:heading('Contents', '-')"/>
      <xsl:sequence select="$lines"/>
    </xsl:if>
  </xsl:template>

  <xsl:function name="tx:part-title" as="xs:string">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:sequence select="(ed:doc-title($doc)[. ne ''], string(($doc/*/@xml:id, 'Text')[1]))[1]"/>
  </xsl:function>
</xsl:stylesheet>
