<?xml version="1.0" encoding="UTF-8"?>
<!--
  The edition's metadata, read from a TEI header once for every output: title, editors,
  publisher, date, version, identifiers, licence, and the "how to cite" sentence. The web,
  text and print editions, CITATION.cff, the Dublin Core record and the deposit's bag-info
  all call these functions, so they cannot drift apart.

  Include it after functions.xsl (it uses ed:safe-url):
    <xsl:include href="../common/functions.xsl"/>
    <xsl:include href="../common/citation.xsl"/>
  Every function takes the document (any node of it) whose teiHeader holds the metadata,
  usually $edition; any TEI header works, missing parts give empty results.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-edition:functions"
    exclude-result-prefixes="#all">

  <!-- The teiHeader of the document (TEI or teiCorpus root). -->
  <xsl:function name="ed:header" as="element(tei:teiHeader)?">
    <xsl:param name="doc" as="node()?"/>
    <xsl:sequence select="if (empty($doc)) then () else root($doc)/*/tei:teiHeader"/>
  </xsl:function>

  <!-- The whitespace-normalised text of nodes (an element: its content) as it reads: notes
       inside left out, a choice as printed, an app as its lemma (a location-referenced one not
       at all), a line break as a space (none inside a word). One mode, so that every format's
       titles, labels and apparatus lines agree. -->
  <xsl:function name="ed:plain" as="xs:string">
    <xsl:param name="el" as="node()*"/>
    <xsl:variable name="parts" as="item()*">
      <xsl:apply-templates select="$el ! (if (. instance of element()) then node() else .)" mode="ed:plain"/>
    </xsl:variable>
    <xsl:sequence select="normalize-space(string-join($parts ! string(.), ''))"/>
  </xsl:function>

  <xsl:mode name="ed:plain" on-no-match="text-only-copy"/>
  <xsl:template match="tei:note | tei:witDetail | tei:app[ed:app-detached(.)] | comment() | processing-instruction()" mode="ed:plain"/>
  <xsl:template match="tei:lb" mode="ed:plain"><xsl:sequence select="if (@break = 'no') then '' else ' '"/></xsl:template>
  <xsl:template match="tei:choice" mode="ed:plain"><xsl:apply-templates select="ed:reading(., 'printed')" mode="ed:plain"/></xsl:template>
  <xsl:template match="tei:app" mode="ed:plain"><xsl:apply-templates select="ed:app-lemma(.)/node()" mode="ed:plain"/></xsl:template>

  <!-- An apparatus reading as one line: its words (or 'om.' when it has none), its witnesses'
       sigla, its cause or type: 'sommer B', 'om. B C', 'sung C (conjecture)'. -->
  <xsl:function name="ed:reading-label" as="xs:string">
    <xsl:param name="reading" as="element()?"/>
    <xsl:variable name="words" select="ed:plain($reading)"/>
    <xsl:sequence select="string-join(((if ($words) then $words else ed:no-words($reading)), ed:reading-notes($reading)), ' ')"/>
  </xsl:function>

  <!-- An apparatus entry as one line: 'quick T] slow S', 'solus', or '' (only notes). -->
  <xsl:function name="ed:app-label" as="xs:string">
    <xsl:param name="app" as="element(tei:app)"/>
    <xsl:sequence select="string-join((ed:app-lemma($app) ! ed:reading-label(.), ed:variants-label($app)[.]), '] ')"/>
  </xsl:function>

  <!-- An entry's variants, as one line: 'sommer B; om. C'. -->
  <xsl:function name="ed:variants-label" as="xs:string">
    <xsl:param name="app" as="element(tei:app)"/>
    <xsl:sequence select="string-join(ed:app-variants($app) ! ed:reading-label(.), '; ')"/>
  </xsl:function>

  <!-- The label of a division that has no head of its own, from what its attributes say
       (EpiDoc's 'Edition', 'Translation', 'Face a'; 'Chapter 3'): shown as the editors' words,
       never as the source's heading. Empty for a headed division or one that says too little. -->
  <xsl:function name="ed:div-label" as="xs:string">
    <xsl:param name="div" as="element()"/>
    <xsl:variable name="kind" select="normalize-space(translate(
        if ($div/@type = 'textpart') then ($div/@subtype, 'part')[1] else $div/@type, '_-', '  '))"/>
    <xsl:variable name="named" select="$div/@type = ('edition', 'translation', 'commentary', 'apparatus',
        'bibliography', 'transcription', 'history', 'description', 'abstract', 'preface', 'introduction')"/>
    <xsl:variable name="n" select="ed:div-number($div)"/>
    <xsl:sequence select="if ($div/tei:head or not($kind) or not($named or $n)) then ''
        else string-join((upper-case(substring($kind, 1, 1)) || substring($kind, 2), $n[.]), ' ')"/>
  </xsl:function>

  <!-- A change of hand in words: 'hand: Jeremy Bentham' (the handNote's scribe, else its
       first words, else its id), 'new hand' when it names none. -->
  <xsl:function name="ed:hand-label" as="xs:string">
    <xsl:param name="shift" as="element()"/>
    <xsl:variable name="id" select="ed:id-from-pointer($shift/@new)[1]"/>
    <xsl:variable name="note" select="ed:by-id($id, $shift)"/>
    <xsl:variable name="name" select="normalize-space(($note/@scribe, $note/tei:persName,
        (let $t := normalize-space(ed:plain($note)) return if (string-length($t) le 40) then $t else ()), $id)[normalize-space()][1])"/>
    <xsl:sequence select="if ($name) then 'hand: ' || $name else 'new hand'"/>
  </xsl:function>

  <!-- A division's number (@n), or '' when it has none or @n is an identifier, not a number
       (a CTS URN, urn:cts:…; a path). -->
  <xsl:function name="ed:div-number" as="xs:string">
    <xsl:param name="div" as="element()"/>
    <xsl:sequence select="string(normalize-space($div/@n)[not(matches(., '^[a-zA-Z][\w+.-]*:|/'))])"/>
  </xsl:function>

  <!-- What a gap says of itself, in words: its extent and why ('3 characters illegible',
       'about 2 lines lost (hole)'); empty when it says neither. The edition's own excerpt
       reasons are spelled out by each format. -->
  <xsl:function name="ed:gap-words" as="xs:string">
    <xsl:param name="gap" as="element()"/>
    <xsl:variable name="unit" select="lower-case(normalize-space($gap/@unit))"/>
    <xsl:variable name="how-many" select="if ($gap/@quantity) then string($gap/@quantity)
        else if ($gap/@atLeast and $gap/@atMost and string($gap/@atLeast) ne string($gap/@atMost))
          then $gap/@atLeast || '–' || $gap/@atMost
        else if ($gap/@atLeast and $gap/@atMost) then normalize-space($gap/@atLeast)
        else if ($gap/@atLeast) then 'at least ' || normalize-space($gap/@atLeast)
        else if ($gap/@atMost) then 'up to ' || normalize-space($gap/@atMost)
        else ''"/>
    <xsl:variable name="one" select="replace($how-many, '^(at least|up to) ', '') = '1'"/>
    <xsl:variable name="unit-words" select="
        if ($unit = ('char', 'chars', 'character', 'characters', 'letter', 'letters')) then (if ($one) then 'character' else 'characters')
        else if ($unit = ('line', 'lines')) then (if ($one) then 'line' else 'lines')
        else if ($unit = ('word', 'words', 'token', 'tokens')) then (if ($one) then 'word' else 'words')
        else if ($unit = ('page', 'pages')) then (if ($one) then 'page' else 'pages')
        else if ($unit = ('leaf', 'leaves', 'folio', 'folios')) then (if ($one) then 'leaf' else 'leaves')
        else if ($unit = ('column', 'columns')) then (if ($one) then 'column' else 'columns')
        else translate($unit, '_', ' ')"/>
    <xsl:variable name="extent" select="
        if ($how-many) then string-join((if ($gap/@precision = 'low' or $gap/@cert = ('low', 'medium')) then 'about' else (),
                                          $how-many, $unit-words[.]), ' ')
        else if (normalize-space($gap/@extent) and not(lower-case(normalize-space($gap/@extent)) = 'unknown'))
          then normalize-space($gap/@extent)
        else if ($unit-words) then $unit-words
        else ''"/>
    <xsl:variable name="reason" select="for $r in normalize-space(translate($gap/@reason, '_-', '  '))
        [not($gap/@reason = ('not-in-source', 'excerpt-start', 'excerpt-end'))]
        return if ($r = 'damage') then 'damaged' else $r"/>
    <xsl:variable name="agent" select="normalize-space(translate($gap/@agent, '_-', '  '))"/>
    <xsl:sequence select="string-join(($extent[.], $reason[.], $agent[.] ! ('(' || . || ')')), ' ')"/>
  </xsl:function>

  <!-- A reading without words: a witness's lacuna or its start or end, else an omission. -->
  <xsl:function name="ed:no-words" as="xs:string">
    <xsl:param name="reading" as="element()?"/>
    <xsl:sequence select="if ($reading/tei:lacunaStart) then 'lacuna begins' else if ($reading/tei:lacunaEnd) then 'lacuna ends'
      else if ($reading/tei:witStart) then 'witness begins' else if ($reading/tei:witEnd) then 'witness ends' else 'om.'"/>
  </xsl:function>

  <!-- What follows a reading's words: its witnesses' sigla, its cause or type, and what the
       entry's witDetail says of it ('dicit B (in marg.)'). -->
  <xsl:function name="ed:reading-notes" as="xs:string*">
    <xsl:param name="reading" as="element()?"/>
    <xsl:variable name="app" select="$reading/ancestor::tei:app[1]"/>
    <xsl:variable name="wits" select="ed:id-from-pointer($reading/@wit)"/>
    <xsl:variable name="details" select="$app/tei:witDetail[if (@target) then ed:id-from-pointer(@target) = $reading/@xml:id
                                         else ed:id-from-pointer(@wit) = $wits]"/>
    <!-- who made a reading that no witness has (a conjecture): its @resp, named -->
    <xsl:variable name="resp" select="for $id in ed:id-from-pointer($reading/@resp)
        return (ed:by-id($id, $reading) ! (if (self::tei:person or self::tei:org) then ed:entry-label(.) else ed:plain(.))[.], $id)[1]"/>
    <xsl:sequence select="ed:sigla($reading)[.], $resp, ($reading/@cause, $reading/@type)[1] ! ('(' || . || ')'),
                          $details ! ed:plain(.)[.] ! ('(' || . || ')')"/>
  </xsl:function>

  <!-- A bibl as one line: as written when it has its own punctuation (mixed content), else
       its parts (author, title, date, scope...; monogr, imprint... in turn) joined with commas;
       notes left out. -->
  <xsl:function name="ed:bibl-label" as="xs:string">
    <xsl:param name="bibl" as="element()"/>
    <xsl:sequence select="if ($bibl/text()[normalize-space()] or not($bibl/*)) then ed:plain($bibl)
      else string-join($bibl/*[not(self::tei:note)] ! ed:bibl-label(.)[.], ', ')"/>
  </xsl:function>

  <!-- A letter's correspondence (profileDesc/correspDesc): its actions, each as a role ('From',
       'To', ...) and a line of who, where and when ('Ada Merriman, Bath, 3 March 1848'). -->
  <!-- The header's correspondence (senders, addressees), less that of the letters a division
       of the text claims with @decls (several letters in one file: each shown at its letter). -->
  <xsl:function name="ed:corresp-actions" as="element(tei:correspAction)*">
    <xsl:param name="node" as="node()?"/>
    <xsl:variable name="claimed" select="root($node)/*/tei:text//*[starts-with(local-name(), 'div')]/@decls ! ed:local-ids(.)"/>
    <xsl:sequence select="root($node)/*/tei:teiHeader/tei:profileDesc/tei:correspDesc[not(@xml:id = $claimed)]
                          /tei:correspAction[*[not(self::tei:note)]]"/>
  </xsl:function>

  <!-- The correspondence of one letter among several in a file: what its division's @decls
       points at. -->
  <xsl:function name="ed:div-corresp-actions" as="element(tei:correspAction)*">
    <xsl:param name="div" as="element()"/>
    <xsl:sequence select="if (not($div/@decls)) then () else
        (for $id in ed:local-ids($div/@decls) return ed:by-id($id, $div)[self::tei:correspDesc])
        /tei:correspAction[*[not(self::tei:note)]]"/>
  </xsl:function>

  <xsl:function name="ed:corresp-role" as="xs:string">
    <xsl:param name="action" as="element(tei:correspAction)"/>
    <xsl:sequence select="(map{'sent': 'From', 'received': 'To', 'transmitted': 'Transmitted by',
        'redirected': 'Redirected to', 'forwarded': 'Forwarded to'}(string($action/@type)),
        $action/@type ! (upper-case(substring(., 1, 1)) || substring(., 2)), 'Correspondence')[1]"/>
  </xsl:function>

  <xsl:function name="ed:corresp-label" as="xs:string">
    <xsl:param name="action" as="element(tei:correspAction)"/>
    <xsl:sequence select="string-join($action/*[not(self::tei:note)] ! (if (self::tei:date and not(normalize-space()))
        then ed:date-words(.) else ed:plain(.))[.], ', ')"/>
  </xsl:function>

  <!-- A date element without words, from its attributes: '1850-03-03', '1850-01-01 to 1850-03-31',
       'between 1850-01-01 and 1850-03-31', 'not before 1850', 'not after 1850'. -->
  <xsl:function name="ed:date-words" as="xs:string">
    <xsl:param name="date" as="element()"/>
    <xsl:sequence select="if ($date/@when) then string($date/@when)
      else if ($date/@from and $date/@to) then $date/@from || ' to ' || $date/@to
      else if ($date/@notBefore and $date/@notAfter) then 'between ' || $date/@notBefore || ' and ' || $date/@notAfter
      else if ($date/@from) then 'from ' || $date/@from
      else if ($date/@to) then 'until ' || $date/@to
      else if ($date/@notBefore) then 'not before ' || $date/@notBefore
      else if ($date/@notAfter) then 'not after ' || $date/@notAfter
      else ''"/>
  </xsl:function>

  <!-- The main title (type="main", else the first title) of the titleStmt. -->
  <xsl:function name="ed:edition-main-title" as="xs:string">
    <xsl:param name="doc" as="node()?"/>
    <xsl:sequence select="ed:plain(ed:main-title(ed:header($doc)/tei:fileDesc/tei:titleStmt/tei:title))"/>
  </xsl:function>

  <!-- Of a titleStmt's titles, the text's own: the main title; else the item's (level a); else
       the first that is not a subtitle, a short or alternative form, or the title of the volume,
       series or journal it is part of; else the first. -->
  <xsl:function name="ed:main-title" as="element()?">
    <xsl:param name="titles" as="element()*"/>
    <xsl:sequence select="($titles[@type = 'main'], $titles[@level = 'a'],
        $titles[not(@level = ('s', 'j')) and not(@type = ('sub', 'subtitle', 'short', 'alt', 'desc', 'volume', 'series', 'collection'))],
        $titles)[1]"/>
  </xsl:function>

  <!-- The subtitle (title type="sub"), or ''. -->
  <xsl:function name="ed:edition-subtitle" as="xs:string">
    <xsl:param name="doc" as="node()?"/>
    <xsl:sequence select="ed:plain(ed:header($doc)/tei:fileDesc/tei:titleStmt/tei:title[@type = 'sub'][1])"/>
  </xsl:function>

  <!-- 'Main Title: Subtitle' (no colon doubled when the main title ends in punctuation). -->
  <xsl:function name="ed:edition-title" as="xs:string">
    <xsl:param name="doc" as="node()?"/>
    <xsl:variable name="main" select="ed:edition-main-title($doc)"/>
    <xsl:variable name="sub" select="ed:edition-subtitle($doc)"/>
    <xsl:sequence select="if (not($sub)) then $main
      else if (matches($main, '[.:?!]$')) then $main || ' ' || $sub
      else $main || ': ' || $sub"/>
  </xsl:function>

  <!-- The edition's editors: titleStmt/editor; else the people of its respStmts; else its authors. -->
  <xsl:function name="ed:edition-editors" as="element()*">
    <xsl:param name="doc" as="node()?"/>
    <xsl:variable name="ts" select="ed:header($doc)/tei:fileDesc/tei:titleStmt"/>
    <xsl:sequence select="if ($ts/tei:editor) then $ts/tei:editor
      else if ($ts/tei:respStmt/(tei:persName, tei:name, tei:orgName)) then $ts/tei:respStmt/(tei:persName, tei:name, tei:orgName)
      else $ts/tei:author"/>
  </xsl:function>

  <!-- The element that carries an agent's name: its persName/orgName/name child, or itself. -->
  <xsl:function name="ed:agent-name-element" as="element()">
    <xsl:param name="agent" as="element()"/>
    <xsl:sequence select="($agent/(tei:persName, tei:orgName, tei:name)[1], $agent)[1]"/>
  </xsl:function>

  <!-- True when the agent is an organisation rather than a person. -->
  <xsl:function name="ed:agent-is-org" as="xs:boolean">
    <xsl:param name="agent" as="element()"/>
    <xsl:sequence select="exists(ed:agent-name-element($agent)/self::tei:orgName)"/>
  </xsl:function>

  <!-- Given names of a person (forename elements), or '' when the name is not structured. -->
  <xsl:function name="ed:given-names" as="xs:string">
    <xsl:param name="agent" as="element()"/>
    <xsl:sequence select="normalize-space(string-join(ed:agent-name-element($agent)//tei:forename ! ed:plain(.), ' '))"/>
  </xsl:function>

  <!-- Family names of a person (surname elements), or '' when the name is not structured. -->
  <xsl:function name="ed:family-names" as="xs:string">
    <xsl:param name="agent" as="element()"/>
    <xsl:sequence select="normalize-space(string-join(ed:agent-name-element($agent)//tei:surname ! ed:plain(.), ' '))"/>
  </xsl:function>

  <!-- The name as read: 'Forename Surname' when structured, else the normalised text. -->
  <xsl:function name="ed:agent-name" as="xs:string">
    <xsl:param name="agent" as="element()"/>
    <xsl:variable name="given" select="ed:given-names($agent)"/>
    <xsl:variable name="family" select="ed:family-names($agent)"/>
    <xsl:sequence select="if ($family) then normalize-space($given || ' ' || $family)
                          else ed:plain(ed:agent-name-element($agent))"/>
  </xsl:function>

  <!-- The names of an author or editor element as read: one name; or, when it holds several
       names in no stated language ('<persName>A</persName> and <persName>B</persName>'), each
       (names in several languages are one person's: the first). -->
  <xsl:function name="ed:agent-names" as="xs:string">
    <xsl:param name="agent" as="element()"/>
    <xsl:variable name="names" select="$agent/(tei:persName, tei:orgName, tei:name)"/>
    <xsl:sequence select="if (count($names) gt 1 and empty($names/@xml:lang))
        then ed:join-names($names ! ed:agent-name(.)[.]) else ed:agent-name($agent)"/>
  </xsl:function>

  <!-- 'A', 'A and B', 'A, B and C'. -->
  <xsl:function name="ed:join-names" as="xs:string">
    <xsl:param name="names" as="xs:string*"/>
    <xsl:variable name="n" select="count($names)"/>
    <xsl:sequence select="if ($n le 2) then string-join($names, ' and ')
      else string-join($names[position() lt $n], ', ') || ' and ' || $names[$n]"/>
  </xsl:function>

  <!-- The contact: an editor with role="contact", else the first editor. -->
  <xsl:function name="ed:edition-contact" as="element()?">
    <xsl:param name="doc" as="node()?"/>
    <xsl:variable name="editors" select="ed:edition-editors($doc)"/>
    <xsl:sequence select="($editors[tokenize(@role) = 'contact'], $editors)[1]"/>
  </xsl:function>

  <!-- An e-mail address given in the header (contact first), or ''. -->
  <xsl:function name="ed:edition-email" as="xs:string">
    <xsl:param name="doc" as="node()?"/>
    <xsl:sequence select="normalize-space((ed:edition-contact($doc)//tei:email,
                          ed:header($doc)/tei:fileDesc/tei:publicationStmt//tei:email)[1])"/>
  </xsl:function>

  <!-- The publisher (or the authority, or the distributor), or ''. -->
  <xsl:function name="ed:edition-publisher" as="xs:string">
    <xsl:param name="doc" as="node()?"/>
    <xsl:variable name="ps" select="ed:header($doc)/tei:fileDesc/tei:publicationStmt"/>
    <xsl:sequence select="ed:plain(($ps/tei:publisher, $ps/tei:authority, $ps/tei:distributor)[1])"/>
  </xsl:function>

  <!-- The place of publication, or ''. -->
  <xsl:function name="ed:edition-place" as="xs:string">
    <xsl:param name="doc" as="node()?"/>
    <xsl:sequence select="ed:plain(ed:header($doc)/tei:fileDesc/tei:publicationStmt/tei:pubPlace[1])"/>
  </xsl:function>

  <!-- The publication date, normalised (@when, else the text), or ''. -->
  <xsl:function name="ed:edition-date" as="xs:string">
    <xsl:param name="doc" as="node()?"/>
    <xsl:variable name="d" select="ed:header($doc)/tei:fileDesc/tei:publicationStmt/tei:date[1]"/>
    <xsl:sequence select="if ($d/@when) then string($d/@when) else ed:plain($d)"/>
  </xsl:function>

  <!-- The year of publication (four digits), or ''. -->
  <xsl:function name="ed:edition-year" as="xs:string">
    <xsl:param name="doc" as="node()?"/>
    <xsl:sequence select="((analyze-string(ed:edition-date($doc), '\d{4}')//*:match)[1] ! string(.), '')[1]"/>
  </xsl:function>

  <!-- The version: editionStmt/edition/@n, or ''. -->
  <xsl:function name="ed:edition-version" as="xs:string">
    <xsl:param name="doc" as="node()?"/>
    <xsl:sequence select="normalize-space(ed:header($doc)/tei:fileDesc/tei:editionStmt/tei:edition[@n][1]/@n)"/>
  </xsl:function>

  <!-- The edition statement's text (e.g. 'Second revised digital edition'), or ''. -->
  <xsl:function name="ed:edition-statement" as="xs:string">
    <xsl:param name="doc" as="node()?"/>
    <xsl:sequence select="ed:plain(ed:header($doc)/tei:fileDesc/tei:editionStmt/tei:edition[1])"/>
  </xsl:function>

  <!-- The publicationStmt's identifiers of one of the given types (case-insensitive). -->
  <xsl:function name="ed:edition-idnos" as="xs:string*">
    <xsl:param name="doc" as="node()?"/>
    <xsl:param name="types" as="xs:string*"/>
    <xsl:sequence select="ed:header($doc)/tei:fileDesc/tei:publicationStmt/tei:idno
      [lower-case(@type) = (for $t in $types return lower-case($t))] ! normalize-space(.)[.]"/>
  </xsl:function>

  <!-- The DOI without a resolver prefix ('10.5281/zenodo.1'), or ''. -->
  <xsl:function name="ed:edition-doi" as="xs:string">
    <xsl:param name="doc" as="node()?"/>
    <xsl:variable name="raw" select="ed:edition-idnos($doc, 'DOI')[1]"/>
    <xsl:variable name="doi" select="replace(string($raw), '^(https?://(dx\.)?doi\.org/|doi:)', '', 'i')"/>
    <xsl:sequence select="if (matches($doi, '^10\.\d{4,9}(\.\d+)?/\S+$')) then $doi else ''"/>
  </xsl:function>

  <!-- The landing page: an http(s) idno of type URL/URI, or the publicationStmt's ptr; or ''. -->
  <xsl:function name="ed:edition-url" as="xs:string">
    <xsl:param name="doc" as="node()?"/>
    <xsl:variable name="ps" select="ed:header($doc)/tei:fileDesc/tei:publicationStmt"/>
    <xsl:sequence select="string((ed:edition-idnos($doc, ('URL', 'URI')), $ps/tei:ptr/@target ! string(.))
                          [matches(., '^https?://\S+$', 'i')][ed:safe-url(.)][1])"/>
  </xsl:function>

  <!-- The edition's one identifier: DOI, else URL, else any idno, else the root's xml:id. -->
  <xsl:function name="ed:edition-identifier" as="xs:string">
    <xsl:param name="doc" as="node()?"/>
    <xsl:variable name="doi" select="ed:edition-doi($doc)"/>
    <xsl:sequence select="string((
      if ($doi) then 'https://doi.org/' || $doi else (),
      ed:edition-url($doc)[.],
      ed:header($doc)/tei:fileDesc/tei:publicationStmt/tei:idno ! normalize-space(.)[.],
      if (empty($doc)) then () else root($doc)/*/@xml:id ! string(.))[1])"/>
  </xsl:function>

  <!-- A link a reader can follow: the DOI as a URL, else the landing page; or ''. -->
  <xsl:function name="ed:edition-link" as="xs:string">
    <xsl:param name="doc" as="node()?"/>
    <xsl:variable name="doi" select="ed:edition-doi($doc)"/>
    <xsl:sequence select="if ($doi) then 'https://doi.org/' || $doi else ed:edition-url($doc)"/>
  </xsl:function>

  <!-- The series (seriesStmt idno, else its title), or ''. -->
  <xsl:function name="ed:edition-series" as="xs:string">
    <xsl:param name="doc" as="node()?"/>
    <xsl:variable name="s" select="ed:header($doc)/tei:fileDesc/tei:seriesStmt[1]"/>
    <xsl:sequence select="string(($s/tei:idno ! normalize-space(.)[.], ed:plain($s/tei:title[1])[.])[1])"/>
  </xsl:function>

  <!-- The licence URL (availability/licence/@target, through ed:safe-url), or ''. -->
  <xsl:function name="ed:licence-url" as="xs:string">
    <xsl:param name="doc" as="node()?"/>
    <xsl:sequence select="string(ed:safe-url(string(
      ed:header($doc)/tei:fileDesc/tei:publicationStmt/tei:availability/tei:licence[@target][1]/@target)))"/>
  </xsl:function>

  <!-- The rights statement: the licence text, then the availability's paragraphs. -->
  <xsl:function name="ed:rights" as="xs:string*">
    <xsl:param name="doc" as="node()?"/>
    <xsl:variable name="av" select="ed:header($doc)/tei:fileDesc/tei:publicationStmt/tei:availability"/>
    <xsl:sequence select="$av/(tei:licence, tei:p) ! ed:plain(.)[.]"/>
  </xsl:function>

  <!-- A Creative Commons licence URL as its SPDX identifier ('CC-BY-4.0'), or ''. -->
  <xsl:function name="ed:spdx-licence" as="xs:string">
    <xsl:param name="url" as="xs:string?"/>
    <xsl:variable name="u" select="lower-case(normalize-space($url))"/>
    <xsl:variable name="cc" select="'^https?://(www\.)?creativecommons\.org/licenses/((by|by-sa|by-nd|by-nc|by-nc-sa|by-nc-nd))/([1-4]\.0|2\.5)(/.*)?$'"/>
    <xsl:sequence select="
      if (matches($u, $cc)) then 'CC-' || upper-case(replace($u, $cc, '$2')) || '-' || replace($u, $cc, '$4')
      else if (matches($u, '^https?://(www\.)?creativecommons\.org/publicdomain/zero/1\.0(/.*)?$')) then 'CC0-1.0'
      else if (matches($u, '^https?://opensource\.org/licenses?/mit(/.*)?$')) then 'MIT'
      else ''"/>
  </xsl:function>

  <!-- Keywords (profileDesc/textClass/keywords/term). -->
  <xsl:function name="ed:edition-keywords" as="xs:string*">
    <xsl:param name="doc" as="node()?"/>
    <xsl:sequence select="distinct-values(ed:header($doc)/tei:profileDesc/tei:textClass/tei:keywords//tei:term ! ed:plain(.)[.])"/>
  </xsl:function>

  <!-- Languages (ISO 639 codes of profileDesc/langUsage). -->
  <xsl:function name="ed:edition-languages" as="xs:string*">
    <xsl:param name="doc" as="node()?"/>
    <xsl:sequence select="distinct-values(ed:header($doc)/tei:profileDesc/tei:langUsage/tei:language/@ident ! normalize-space(.)[.])"/>
  </xsl:function>

  <!-- A one-paragraph description: the projectDesc's first paragraph, else the title. -->
  <xsl:function name="ed:edition-description" as="xs:string">
    <xsl:param name="doc" as="node()?"/>
    <xsl:variable name="p" select="ed:plain(ed:header($doc)/tei:encodingDesc/tei:projectDesc/tei:p[1])"/>
    <xsl:sequence select="if ($p) then $p else ed:edition-title($doc)"/>
  </xsl:function>

  <!-- The sources, as the sourceDesc describes them (one string per bibl/biblStruct/msDesc/p). -->
  <xsl:function name="ed:edition-sources" as="xs:string*">
    <xsl:param name="doc" as="node()?"/>
    <xsl:variable name="sd" select="ed:header($doc)/tei:fileDesc/tei:sourceDesc"/>
    <xsl:sequence select="($sd//(tei:bibl, tei:biblStruct, tei:msDesc)[not(ancestor::tei:bibl or ancestor::tei:biblStruct or ancestor::tei:msDesc)],
                           $sd/tei:p) ! ed:plain(.)[.]"/>
  </xsl:function>

  <!-- How to cite the edition: as the header states it (a note, p or bibl of @type citation,
       e.g. in notesStmt), else one sentence composed from the header:
       'Marta Vázquez and James O'Neill (eds.), Title: Subtitle, version 1.2. Publisher, 2025. https://doi.org/…'
       (the link, DOI or landing page, ends the sentence without a full stop, so it can be copied whole). -->
  <xsl:function name="ed:how-to-cite" as="xs:string">
    <xsl:param name="doc" as="node()?"/>
    <xsl:variable name="stated" select="normalize-space(string-join((ed:header($doc)//(tei:note, tei:p, tei:bibl)
      [@type = ('citation', 'cite', 'how-to-cite', 'howToCite', 'recommendedCitation')])[1]//text(), ''))"/>
    <xsl:sequence select="if ($stated) then $stated else ed:composed-citation($doc)"/>
  </xsl:function>

  <!-- The citation composed from the header's parts (see ed:how-to-cite). -->
  <xsl:function name="ed:composed-citation" as="xs:string">
    <xsl:param name="doc" as="node()?"/>
    <xsl:variable name="editors" select="ed:edition-editors($doc)"/>
    <xsl:variable name="names" select="$editors ! ed:agent-names(.)[.]"/>
    <xsl:variable name="who" select="if (empty($names)) then ''
      else ed:join-names($names) || (if (empty($editors/self::tei:editor)) then ''
                                     else if (count($names) gt 1) then ' (eds.)' else ' (ed.)')"/>
    <xsl:variable name="version" select="ed:edition-version($doc)"/>
    <xsl:variable name="title" select="ed:edition-title($doc)
      || (if ($version) then ', version ' || $version else '')"/>
    <xsl:variable name="imprint" select="string-join((ed:edition-publisher($doc)[.], ed:edition-year($doc)[.]), ', ')"/>
    <xsl:variable name="parts" select="(string-join(($who[.], $title[.]), ', '), $imprint)[.]"/>
    <xsl:sequence select="string-join(($parts ! (if (matches(., '[.?!]$')) then . else . || '.'),
                                       ed:edition-link($doc)[.]), ' ')"/>
  </xsl:function>
</xsl:stylesheet>
