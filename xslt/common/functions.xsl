<?xml version="1.0" encoding="UTF-8"?>
<!--
  Shared decisions for every output format: ids, pointers, register look-up, readings,
  notes, dates, numbers. A format folder holds only its own markup; anything two formats
  would both compute belongs here. Documents arrive as parameters (never fetched).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-edition:functions"
    exclude-result-prefixes="#all">

  <!-- Context supplied by the build (edition/corpus.py): the register documents, the
       edition header document and every text document. All may be empty (any TEI). -->
  <xsl:param name="registers" as="document-node()*" select="()"/>
  <xsl:param name="edition" as="document-node()?" select="()"/>
  <xsl:param name="texts" as="document-node()*" select="()"/>

  <xsl:key name="ed:id" match="*[@xml:id]" use="@xml:id"/>

  <!-- '#per-stalin', 'persons.xml#per-stalin' -> 'per-stalin'; '' for a bare URL. -->
  <xsl:function name="ed:id-from-pointer" as="xs:string*">
    <xsl:param name="pointers" as="xs:string?"/>
    <xsl:for-each select="tokenize(normalize-space($pointers), ' ')[contains(., '#')]">
      <xsl:sequence select="substring-after(., '#')"/>
    </xsl:for-each>
  </xsl:function>

  <!-- The element an id names, searched in the node's own document, the registers, the
       edition header and the texts (ids are unique across an edition). -->
  <xsl:function name="ed:by-id" as="element()?">
    <xsl:param name="id" as="xs:string?"/>
    <xsl:param name="context" as="node()"/>
    <!-- Nested conditionals, not one sequence: a key index is built per document and per
         transformation, so the texts are indexed only when an id is not found nearer. -->
    <xsl:variable name="local" select="if ($id) then key('ed:id', $id, root($context)) else ()"/>
    <xsl:variable name="register" select="if ($local or not($id)) then () else
      (for $d in ($registers, $edition) return key('ed:id', $id, $d))"/>
    <xsl:sequence select="($local, $register,
      if ($local or $register or not($id)) then () else (for $d in $texts return key('ed:id', $id, $d)))[1]"/>
  </xsl:function>

  <!-- How an element is rendered in the source, as kinds the formats know: italic, bold, sup,
       sub, underline, overline, strike, smallcaps, spaced. Read from @rend tokens, @style, and
       @rendition: its tokens ('#i', 'simple:italic') and the CSS of the tagsDecl renditions it
       points at (DTA: rendition xml:id="g" scheme="css": letter-spacing...). -->
  <xsl:function name="ed:rend-kinds" as="xs:string*" cache="yes">
    <xsl:param name="el" as="element()"/>
    <xsl:variable name="words" select="if (contains($el/@rend, ' ') or $el/@rendition) then tokenize(lower-case(normalize-space(
        string-join(($el/@rend, $el/@rendition), ' '))), ' ') ! replace(., '^(#|simple:|rend:)', '') else lower-case($el/@rend)"/>
    <!-- (CSS only where there is some: most elements say what they are in a word) -->
    <xsl:variable name="css" select="if (not($el/@style or contains($el/@rendition, '#'))) then '' else
        lower-case(string-join(($el/@style, for $id in tokenize(normalize-space($el/@rendition), ' ')[starts-with(., '#')]
          return key('ed:id', substring($id, 2), root($el))[self::tei:rendition]), ';'))"/>
    <xsl:sequence select="distinct-values(($words ! $ed:rend-words(.),
      if (not($css)) then () else (
        'italic'[matches($css, 'font-style:\s*(italic|oblique)')],
        'bold'[matches($css, 'font-weight:\s*(bold|bolder|[6-9]00)')],
        'sup'[matches($css, 'vertical-align:\s*(super|top)')],
        'sub'[matches($css, 'vertical-align:\s*(sub|bottom)')],
        'underline'[matches($css, 'text-decoration[^;]*underline')],
        'overline'[matches($css, 'text-decoration[^;]*overline')],
        'strike'[contains($css, 'line-through')],
        'smallcaps'[contains($css, 'small-caps')],
        'spaced'[contains($css, 'letter-spacing')])))"/>
  </xsl:function>
  <xsl:variable name="ed:rend-words" as="map(xs:string, xs:string)" xmlns:map="http://www.w3.org/2005/xpath-functions/map" select="map:merge((
      ('i', 'it', 'ital', 'italic', 'italics', 'italique', 'kursiv', 'slanted', 'oblique') ! map{.: 'italic'},
      ('b', 'bf', 'bold', 'strong', 'fett') ! map{.: 'bold'},
      ('sup', 'super', 'superscript', 'sup.') ! map{.: 'sup'},
      ('sub', 'subscript') ! map{.: 'sub'},
      ('u', 'ul', 'underline', 'underlined', 'uu', 'double-underline') ! map{.: 'underline'},
      ('supraline', 'overline', 'overbar', 'overlined') ! map{.: 'overline'},
      ('strikethrough', 'strike', 'struck', 'overstrike', 'line-through') ! map{.: 'strike'},
      ('sc', 'smcap', 'smallcaps', 'small-caps', 'smallcap', 'k') ! map{.: 'smallcaps'},
      ('spaced', 'letterspace', 'letterspaced', 'gesperrt', 'g', 'expanded') ! map{.: 'spaced'}))"/>

  <!-- A line break after a hyphen that ends a line inside a word, as early prints and their
       transcriptions (DTA) have it: 'Men-<lb/>ſchen'. The formats join the word and keep the
       hyphen (Men-ſchen), adding no space. -->
  <!-- (across the page's furniture too: 'toͤdli-<lb/><fw>…</fw><lb/><pb/><fw>…</fw><lb/>chen': the
       nearest text either side, past other breaks, running heads and catchwords) -->
  <xsl:function name="ed:hyphen-break" as="xs:boolean">
    <xsl:param name="lb" as="element()"/>
    <xsl:variable name="before" select="if ($lb/@break) then '' else string($lb/preceding-sibling::node()[not(ed:is-furniture(.))][1][self::text()])"/>
    <xsl:variable name="end" select="replace(substring($before, string-length($before) - 200), '\s+$', '')"/>
    <xsl:sequence select="$before ne ''
        and matches(substring($end, string-length($end) - 1), '^\p{L}[\-¬⸗]$')
        and matches(substring(normalize-space(substring(string($lb/following-sibling::node()[not(ed:is-furniture(.))][1][self::text()]), 1, 200)), 1, 1), '\p{L}')"/>
  </xsl:function>
  <xsl:function name="ed:is-furniture" as="xs:boolean">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="exists($node/(self::tei:lb, self::tei:pb, self::tei:cb, self::tei:fw, self::text()[not(normalize-space())]))"/>
  </xsl:function>

  <!-- The quotation marks the editors supply round a quotation in running text whose encoding
       leaves them out (q, quote, said): () where the source's own marks stand against it or
       open it ("<quote>…</quote>"), where it stands as a block, or where @rend says how it
       is marked. By its language: “ ” (‘ ’ inside another), „ “, « », 「 」 (Japanese, traditional Chinese). -->
  <xsl:function name="ed:quote-marks" as="xs:string*" cache="yes">
    <xsl:param name="q" as="element()"/>
    <xsl:variable name="at" select="if ($q/parent::tei:cit) then $q/.. else $q"/>
    <xsl:variable name="before" select="replace(string($at/preceding-sibling::node()[1][self::text()]), '\s+$', '')"/>
    <xsl:variable name="after" select="replace(substring(string($at/following-sibling::node()[1][self::text()]), 1, 20), '^\s+', '')"/>
    <xsl:variable name="words" select="normalize-space(substring(string($q), 1, 400))"/>
    <xsl:variable name="marks" select="'&quot;''“”„‟«»‹›‘‚‛「」『』＂'"/>
    <xsl:variable name="needed" select="not($q/self::tei:said[@direct = 'false'])
        and exists($at/../text()[normalize-space()]) and not($q/@type = 'block')
        and empty($q//(tei:p, tei:ab, tei:lg, tei:l, tei:list, tei:table, tei:sp))
        and not(matches(string-join(($q/@rend, $q/@rendition), ' '), 'pre\(|post\(|noquote|none|plain|block|display|ital', 'i'))
        and $words ne '' and not(contains($marks, substring($words, 1, 1)))
        and not($before ne '' and contains($marks, substring($before, string-length($before))))
        and not($after ne '' and contains(replace($marks, '’', ''), substring($after, 1, 1)))"/>
    <xsl:variable name="tag" select="lower-case(ed:lang-of($q))"/>
    <xsl:variable name="lang" select="if (matches($tag, '^zh-(hant|tw|hk|mo)')) then 'ja' else substring-before($tag || '-', '-')"/>
    <xsl:variable name="inner" select="exists($q/ancestor::*[self::tei:q or self::tei:quote or self::tei:said][exists(ed:quote-marks(.))])"/>
    <xsl:sequence select="if (not($needed)) then ()
        else if ($lang = ('de', 'cs', 'sk', 'sl', 'hr', 'bg', 'is', 'lt', 'et')) then (if ($inner) then ('‚', '‘') else ('„', '“'))
        else if ($lang = ('fr', 'it', 'es', 'pt', 'ru', 'uk', 'be', 'el', 'ca', 'no', 'nb', 'nn', 'ar', 'fa', 'tr', 'la'))
          then (if ($inner) then ('‹', '›') else ('«', '»'))
        else if ($lang = 'ja') then (if ($inner) then ('『', '』') else ('「', '」'))
        else if ($inner) then ('‘', '’') else ('“', '”')"/>
  </xsl:function>

  <!-- The register entry (person, place, org, bibl...) a name's @ref/@key points at. -->
  <xsl:function name="ed:entry" as="element()?">
    <xsl:param name="name" as="element()"/>
    <xsl:sequence select="ed:by-id(ed:id-from-pointer($name/@ref)[1], $name)"/>
  </xsl:function>

  <!-- The standard name of a register entry: its first name element (not a variant). -->
  <xsl:function name="ed:entry-label" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="names" select="$entry/(tei:persName, tei:placeName, tei:orgName,
                                        tei:title, tei:name, tei:label, tei:term)"/>
    <xsl:variable name="standard" select="($names[not(@type = 'variant')], $names)[1]"/>
    <xsl:sequence select="if ($standard) then ed:plain($standard)
                          else normalize-space(string($entry))"/>
  </xsl:function>

  <!-- Kind of register entry: person | place | org | work | other. -->
  <xsl:function name="ed:entry-kind" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="
      if ($entry/self::tei:person or $entry/self::tei:personGrp) then 'person'
      else if ($entry/self::tei:place) then 'place'
      else if ($entry/self::tei:org) then 'org'
      else if ($entry/self::tei:bibl or $entry/self::tei:biblStruct) then 'work'
      else 'other'"/>
  </xsl:function>

  <!-- Every register entry of the edition (registers' lists and any in the texts' headers/standOff). -->
  <xsl:function name="ed:register-entries" as="element()*">
    <xsl:param name="kind" as="xs:string"/>
    <!-- One descendant scan by element name per kind (fast on Saxon's tree), not a child
         step from every node. -->
    <xsl:variable name="docs" select="($registers, $texts)"/>
    <xsl:sequence select="
      if ($kind = 'person') then $docs/descendant::tei:person[parent::tei:listPerson]
                                 | $docs/descendant::tei:personGrp[parent::tei:listPerson]
      else if ($kind = 'place') then $docs/descendant::tei:place[parent::tei:listPlace]
      else if ($kind = 'org') then $docs/descendant::tei:org[parent::tei:listOrg]
      else if ($kind = 'work') then $docs/descendant::tei:bibl[@xml:id][parent::tei:listBibl]
                                 | $docs/descendant::tei:biblStruct[@xml:id][parent::tei:listBibl]
      else ()"/>
  </xsl:function>

  <!-- True inside a text's own register lists (listPerson, listPlace... in its back or body):
       data the registers show, not reading text. -->
  <xsl:function name="ed:in-register-list" as="xs:boolean">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="exists($node/ancestor-or-self::*[self::tei:listPerson or self::tei:listPlace or self::tei:listOrg
        or self::tei:listEvent or self::tei:listNym or self::tei:listRelation or self::tei:listObject])"/>
  </xsl:function>

  <!-- Mentions of an entry across the texts: every element whose @ref names its id. -->
  <xsl:function name="ed:mentions" as="element()*">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="id" select="string($entry/@xml:id)"/>
    <xsl:sequence select="$texts//tei:text//*[@ref][ed:id-from-pointer(@ref) = $id]"/>
  </xsl:function>

  <!-- A choice's reading: 'printed' (sic, orig, abbr) or 'corrected' (corr, reg, expan). -->
  <xsl:function name="ed:reading" as="node()*">
    <xsl:param name="choice" as="element(tei:choice)"/>
    <xsl:param name="which" as="xs:string"/>
    <xsl:variable name="printed" select="$choice/(tei:sic, tei:orig, tei:abbr)"/>
    <xsl:variable name="corrected" select="$choice/(tei:corr, tei:reg, tei:expan)"/>
    <xsl:sequence select="(if ($which = 'printed') then ($printed, $corrected) else ($corrected, $printed))[1]/node()"/>
  </xsl:function>

  <!-- A critical apparatus entry's reading that stands in the text: its lem, else its first
       rdg (in a rdgGrp too); the others are its variants. -->
  <xsl:function name="ed:app-lemma" as="element()?" cache="yes">
    <xsl:param name="app" as="element(tei:app)"/>
    <xsl:sequence select="(($app//tei:lem)[ancestor::tei:app[1] is $app], ($app//tei:rdg)[ancestor::tei:app[1] is $app])[1]"/>
  </xsl:function>

  <!-- An app kept apart from the words it is on (location-referenced or double end-point: @loc,
       @from/@to, or in a listApp): rendered where it stands as an apparatus entry, not as
       reading text; located at its @from anchor when there is one. -->
  <xsl:function name="ed:app-detached" as="xs:boolean">
    <xsl:param name="app" as="element(tei:app)"/>
    <xsl:sequence select="exists($app/@from | $app/@to | $app/@loc | $app/ancestor::tei:listApp)"/>
  </xsl:function>

  <xsl:function name="ed:app-place" as="element()">
    <xsl:param name="app" as="element(tei:app)"/>
    <xsl:sequence select="(ed:by-id(ed:id-from-pointer($app/@from)[1], $app)[root(.) is root($app)], $app)[1]"/>
  </xsl:function>

  <xsl:function name="ed:app-variants" as="element()*">
    <xsl:param name="app" as="element(tei:app)"/>
    <xsl:sequence select="($app//(tei:lem | tei:rdg))[ancestor::tei:app[1] is $app] except ed:app-lemma($app)"/>
  </xsl:function>

  <!-- The sigla of a reading's witnesses (@wit, else @source): each witness's @n, else its id
       ('#A #C' -> 'A C'); '' when it names none. -->
  <xsl:function name="ed:sigla" as="xs:string">
    <xsl:param name="reading" as="element()?"/>
    <xsl:sequence select="string-join(for $id in ed:id-from-pointer(($reading/@wit, $reading/@source)[1])
        return (ed:by-id($id, $reading)[self::tei:witness or self::tei:bibl or self::tei:msDesc]/@n, $id)[1], ' ')"/>
  </xsl:function>

  <!-- True for a node that does not stand in the text as printed: inside a choice's correction,
       regularisation or expansion, or inside an app's variant readings or witness details. -->
  <xsl:function name="ed:is-alternative" as="xs:boolean">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="exists($node/ancestor::tei:choice or $node/ancestor::tei:app) and (
        exists($node/ancestor::*[parent::tei:choice][self::tei:corr or self::tei:reg or self::tei:expan])
        or (exists($node/ancestor::tei:app) and (exists($node/ancestor::tei:witDetail)
            or (some $r in $node/ancestor::*[self::tei:lem or self::tei:rdg] satisfies not($r is ed:app-lemma($r/ancestor::tei:app[1])))
            or (some $a in $node/ancestor::tei:app satisfies ed:app-detached($a)))))"/>
  </xsl:function>

  <!-- The character an empty g stands for: its declaration's standard (else normalised, else
       any) mapping, else the glyph's name in brackets, else the pointer itself. -->
  <xsl:function name="ed:glyph" as="xs:string">
    <xsl:param name="g" as="element(tei:g)"/>
    <xsl:variable name="decl" select="ed:by-id(ed:id-from-pointer($g/@ref)[1], $g)"/>
    <xsl:variable name="mapping" select="($decl/tei:mapping[@type = 'standard'], $decl/tei:mapping[@type = 'normalized'],
                                          $decl/tei:mapping)[1]"/>
    <xsl:sequence select="if ($mapping) then string($mapping)
      else if ($decl/(tei:glyphName, tei:charName, tei:localProp[@name = 'Name']/@value)) then
        '[' || normalize-space(($decl/tei:glyphName, $decl/tei:charName, $decl/tei:localProp[@name = 'Name']/@value)[1]) || ']'
      else if (normalize-space($g/@ref)) then '[' || normalize-space($g/@ref) || ']'
      else if (normalize-space($g/@type)) then '[' || normalize-space(translate($g/@type, '-_', '  ')) || ']'
      else ''"/>
  </xsl:function>

  <!-- Editorial interventions in document order: choices and standalone sic/corr/supplied/unclear. -->
  <xsl:function name="ed:interventions" as="element()*">
    <xsl:param name="doc" as="node()"/>
    <xsl:sequence select="ed:interventions-of(root($doc))"/>
  </xsl:function>

  <!-- Computed once per document (callers pass any node of it, often once per element). -->
  <xsl:function name="ed:interventions-of" as="element()*" cache="yes">
    <xsl:param name="root" as="node()"/>
    <xsl:sequence select="($root/descendant::tei:choice | $root/descendant::tei:sic[not(parent::tei:choice)]
                          | $root/descendant::tei:corr[not(parent::tei:choice)] | $root/descendant::tei:supplied
                          | $root/descendant::tei:app[not(ed:is-alternative(.))])
                          [ancestor::tei:text]"/>
  </xsl:function>

  <!-- Editorial notes that comment on an intervention (note/@target pointing at it). -->
  <xsl:function name="ed:notes-on" as="element(tei:note)*">
    <xsl:param name="target" as="element()"/>
    <xsl:variable name="id" select="string($target/@xml:id)"/>
    <xsl:variable name="root" select="root($target)"/>
    <!-- an app's own notes (in it or its reading groups) comment on it too -->
    <xsl:sequence select="$target[self::tei:app]/(tei:note | tei:rdgGrp/tei:note),
      if (not($id)) then ()
      else if ($root instance of document-node()) then key('ed:note-target', $id, $root)
      else $root//tei:note[@target][ed:id-from-pointer(@target) = $id]"/>
  </xsl:function>
  <xsl:key name="ed:note-target" match="tei:note[@target]" use="ed:id-from-pointer(@target)"/>

  <!-- True for editorial notes, which the apparatus shows instead of the reading text. -->
  <xsl:function name="ed:is-editorial" as="xs:boolean">
    <xsl:param name="note" as="element(tei:note)"/>
    <xsl:sequence select="$note/@type = 'editorial' or (exists($note/@target) and not(ed:is-anchored($note)))
                          or exists($note/parent::tei:app | $note/parent::tei:rdgGrp)"/>
  </xsl:function>

  <!-- A note kept apart from the place it annotates (a notes division, the back matter,
       standOff) and tied to a place in the text: by its @target to an anchor there
       ('<anchor xml:id="a1"/>', '<note target="#a1">'), or by a pointer there that calls it
       ('<ptr type="note" target="#n1"/>', an empty ref). Every format shows it at that place,
       as if it stood there, and not where it is kept. -->
  <xsl:function name="ed:is-anchored" as="xs:boolean" cache="yes">
    <xsl:param name="note" as="element(tei:note)"/>
    <xsl:sequence select="exists(ed:note-place($note))"/>
  </xsl:function>

  <!-- Where a note kept apart is shown: the first anchor its @target names, else the first
       pointer in the text that calls it; or (). -->
  <xsl:function name="ed:note-place" as="element()?" cache="yes">
    <xsl:param name="note" as="element(tei:note)"/>
    <xsl:variable name="id" select="ed:id-from-pointer($note/@target)[1]"/>
    <!-- called: only a note kept apart (standOff, the back, a division of notes, a list of
         annotations), not one in the running text or between its paragraphs that a ref cites -->
    <xsl:variable name="kept" select="exists($note/@xml:id) and empty($note/ancestor::tei:note)
        and exists($note/ancestor::tei:standOff | $note/ancestor::tei:back | $note/parent::tei:listAnnotation
                   | $note/parent::tei:noteGrp | $note/parent::*[starts-with(local-name(), 'div')][contains(lower-case(@type), 'note')])"/>
    <xsl:sequence select="if ($note/@type = 'editorial' or not(root($note) instance of document-node())) then ()
        else (if (empty($id)) then () else key('ed:id', $id, root($note))[self::tei:anchor][not(ancestor::tei:note)][1],
              if (not($kept)) then () else key('ed:caller', string($note/@xml:id), root($note))
                [ancestor::tei:text][not(ancestor::tei:note)][1])[1]"/>
  </xsl:function>
  <!-- (pointers into this document only: '#n1', not 'other.xml#n1') -->
  <xsl:key name="ed:caller" match="tei:ptr[@target] | tei:ref[@target][not(node())]" use="ed:local-ids(@target)"/>
  <xsl:function name="ed:local-ids" as="xs:string*">
    <xsl:param name="pointers" as="xs:string?"/>
    <xsl:sequence select="tokenize(normalize-space($pointers), ' ')[starts-with(., '#')] ! substring(., 2)"/>
  </xsl:function>

  <!-- The notes to show at an anchor or a pointer (each at its one place, once). -->
  <xsl:function name="ed:notes-at" as="element(tei:note)*">
    <xsl:param name="place" as="element()"/>
    <xsl:sequence select="if (not(root($place) instance of document-node())) then ()
        else if ($place/self::tei:anchor) then ($place/@xml:id ! key('ed:note-target', string(.), root($place)))[ed:note-place(.) is $place]
        else (for $id in ed:local-ids($place/@target) return key('ed:id', $id, root($place))[self::tei:note])[ed:note-place(.) is $place]"/>
  </xsl:function>

  <!-- The note an empty pointer cites where it is not the note's own place ('see <ref
       target="#n2"/>'): the formats print 'note 2' (a repeated call, ptr type="note", its mark
       again). Only a note the edition shows: one in the text, or kept apart and placed. -->
  <xsl:function name="ed:cited-note" as="element(tei:note)?">
    <xsl:param name="pointer" as="element()"/>
    <xsl:sequence select="if (not(root($pointer) instance of document-node()) or $pointer/node()) then ()
        else (for $id in ed:local-ids($pointer/@target)[1] return key('ed:id', $id, root($pointer))[self::tei:note])
             [not(ed:is-editorial(.))][not(ed:note-place(.) is $pointer)]
             [if (ed:is-anchored(.)) then true() else exists(ancestor::tei:text) and empty(ancestor::tei:standOff)]"/>
  </xsl:function>

  <!-- The notes kept apart in a document (their numbers follow the places they are shown). -->
  <xsl:key name="ed:targeting-note" match="tei:note[@target]" use="'note'"/>
  <xsl:key name="ed:any-caller" match="tei:ptr[@target] | tei:ref[@target][not(node())]" use="'caller'"/>
  <xsl:function name="ed:kept-notes" as="element(tei:note)*" cache="yes">
    <xsl:param name="root" as="document-node()"/>
    <xsl:sequence select="(key('ed:targeting-note', 'note', $root)[ed:is-anchored(.)]
        | key('ed:any-caller', 'caller', $root) ! ed:notes-at(.))"/>
  </xsl:function>

  <!-- Where each numbered note of a document is shown (a note kept apart at its anchor or
       call, any other where it stands), in document order: once per document. -->
  <xsl:function name="ed:note-places" as="node()*" cache="yes">
    <xsl:param name="root" as="document-node()"/>
    <xsl:sequence select="((key('ed:numbered-note', 'note', $root) | ed:kept-notes($root)) ! (ed:note-place(.), .)[1])/."/>
  </xsl:function>

  <!-- The printed number of a note, or its place among the places the document's notes are
       shown (a note inside another counts after it). -->
  <xsl:function name="ed:note-number" as="xs:string">
    <xsl:param name="note" as="element(tei:note)"/>
    <xsl:variable name="root" select="root($note)"/>
    <xsl:sequence select="if ($note/@n) then string($note/@n)
      else if ($root instance of document-node())
        then string(ed:rank((ed:note-place($note), $note)[1], ed:note-places($root)) + 1)
      else string(count($note/preceding::tei:note[not(ed:is-editorial(.))][ancestor::tei:text]) + 1)"/>
  </xsl:function>
  <xsl:key name="ed:numbered-note" match="tei:note[not(ed:is-editorial(.))][ancestor::tei:text]" use="'note'"/>

  <!-- The document's title (first main title of the titleStmt). -->
  <xsl:function name="ed:doc-title" as="xs:string">
    <xsl:param name="doc" as="node()"/>
    <!-- (an empty title: the text's first heading) -->
    <xsl:sequence select="(ed:plain(ed:main-title(root($doc)/*/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title[normalize-space()]))[.],
        ed:plain((root($doc)/*/tei:text//tei:head[parent::*[starts-with(local-name(), 'div') or self::tei:body]])[1]))[1]"/>
  </xsl:function>

  <!-- A stable id for any element: its xml:id, else a generated one (stable for a given input). -->
  <xsl:function name="ed:id" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <!-- count($el/preceding::*[local-name() = local-name($el)]): the same-named elements
         before it in document order (a key, bisected) less its same-named ancestors. -->
    <xsl:variable name="root" select="root($el)"/>
    <xsl:sequence select="if ($el/@xml:id) then string($el/@xml:id)
      else local-name($el) || '-' || (if ($root instance of document-node())
             then ed:rank($el, key('ed:by-local-name', local-name($el), $root))
                  - count($el/ancestor::*[local-name() = local-name($el)])
             else count($el/preceding::*[local-name() = local-name($el)])) + 1
           || (if ($el/ancestor::*[local-name() = local-name($el)]) then '-' || count($el/ancestor::*) else '')"/>
  </xsl:function>
  <xsl:key name="ed:by-local-name" match="*" use="local-name()"/>

  <!-- The normalised value of a date: 'YYYY-MM-DD', 'from/to' or 'notBefore..notAfter'. -->
  <xsl:function name="ed:date-value" as="xs:string">
    <xsl:param name="date" as="element()"/>
    <xsl:sequence select="
      if ($date/@when) then string($date/@when)
      else if ($date/@from or $date/@to) then string($date/@from) || '/' || string($date/@to)
      else if ($date/@notBefore or $date/@notAfter) then string($date/@notBefore) || '..' || string($date/@notAfter)
      else ''"/>
  </xsl:function>

  <!-- The earliest point a date denotes, for sorting ('' when the date has no attributes). -->
  <xsl:function name="ed:date-sort-key" as="xs:string">
    <xsl:param name="date" as="element()"/>
    <xsl:sequence select="string(($date/@when, $date/@from, $date/@notBefore, $date/@to, $date/@notAfter)[1])"/>
  </xsl:function>

  <!-- 33500000 -> '33,500,000' (numbers formatted for reading; values stay as in the TEI). -->
  <xsl:function name="ed:format-number" as="xs:string">
    <xsl:param name="value" as="xs:string?"/>
    <xsl:sequence select="if ($value castable as xs:decimal)
      then format-number(xs:decimal($value), if (contains($value, '.')) then '#,##0.###' else '#,##0')
      else string($value)"/>
  </xsl:function>

  <!-- Safe URL for output: only http(s), mailto and relative references pass. -->
  <xsl:function name="ed:safe-url" as="xs:string?">
    <xsl:param name="url" as="xs:string?"/>
    <xsl:variable name="u" select="normalize-space($url)"/>
    <xsl:sequence select="if (matches($u, '^(https?:|mailto:|#|[^:/?#]+([/?#]|$))', 'i')
                              and not(matches($u, '^\s*(javascript|data|vbscript):', 'i')))
                          then $u else ()"/>
  </xsl:function>

  <!-- How many of $nodes (in document order, e.g. a key's result) come before $node in
       document order: by bisection, so counting preceding elements of a kind is O(log n)
       with a key instead of a scan of the preceding axis. -->
  <xsl:function name="ed:rank" as="xs:integer">
    <xsl:param name="node" as="node()"/>
    <xsl:param name="nodes" as="node()*"/>
    <xsl:sequence select="ed:rank($node, $nodes, 1, count($nodes))"/>
  </xsl:function>

  <xsl:function name="ed:rank" as="xs:integer">
    <xsl:param name="node" as="node()"/>
    <xsl:param name="nodes" as="node()*"/>
    <xsl:param name="lo" as="xs:integer"/>
    <xsl:param name="hi" as="xs:integer"/>
    <!-- invariant: $nodes[position() lt $lo] precede $node, $nodes[position() gt $hi] do not -->
    <xsl:variable name="mid" select="($lo + $hi) idiv 2"/>
    <xsl:sequence select="if ($lo gt $hi) then $lo - 1
      else if ($nodes[$mid] &lt;&lt; $node) then ed:rank($node, $nodes, $mid + 1, $hi)
      else ed:rank($node, $nodes, $lo, $mid - 1)"/>
  </xsl:function>

  <!-- The language a document declares (its own xml:lang or its text's; else langUsage's
       language when it names one, or the one it says is most used); '' when it declares none (HTML: unknown), so that a
       text is never said to be in a language its source does not state. -->
  <xsl:function name="ed:declared-lang" as="xs:string">
    <xsl:param name="doc" as="node()?"/>
    <xsl:variable name="r" select="root($doc)/*"/>
    <xsl:variable name="used" select="$r/tei:teiHeader/tei:profileDesc/tei:langUsage/tei:language[normalize-space(@ident)]"/>
    <xsl:variable name="most" select="if (count($used) = 1) then $used
        else $used[@usage castable as xs:double][number(@usage) = max($used/@usage[. castable as xs:double] ! number(.))]"/>
    <xsl:sequence select="ed:bcp47(string(($r/@xml:lang, $r/tei:text/@xml:lang, $most[1]/@ident)[normalize-space()][1]))"/>
  </xsl:function>

  <!-- HTML wants BCP 47, which uses the two-letter code where ISO 639-1 has one:
       TEI files often carry ISO 639-2 codes ('fre', 'eng', 'lat'). -->
  <xsl:variable name="ed:iso639-2" as="map(xs:string, xs:string)" select="map{
      'eng': 'en', 'fre': 'fr', 'fra': 'fr', 'ger': 'de', 'deu': 'de', 'ita': 'it', 'lat': 'la', 'spa': 'es',
      'dan': 'da', 'rus': 'ru', 'gre': 'el', 'ell': 'el', 'dut': 'nl', 'nld': 'nl', 'swe': 'sv', 'nor': 'no',
      'por': 'pt', 'pol': 'pl', 'chi': 'zh', 'zho': 'zh', 'jpn': 'ja', 'heb': 'he', 'ara': 'ar', 'cze': 'cs',
      'ces': 'cs', 'ice': 'is', 'isl': 'is', 'fin': 'fi', 'hun': 'hu', 'ukr': 'uk', 'wel': 'cy', 'cym': 'cy',
      'gle': 'ga', 'tur': 'tr', 'per': 'fa', 'fas': 'fa', 'hin': 'hi', 'san': 'sa', 'yid': 'yi'}"/>

  <!-- Chinese and Japanese (symbols and punctuation, kana, ideographs, full-width forms) put no space between words: a line break of the source's markup
       (whitespace before or after an lb, a newline) between two such characters is no space.
       A text node with one at its edge, as it is rendered; any other, unchanged. -->
  <xsl:variable name="ed:cjk" as="xs:string" select="'[&#x3000;-&#x303F;&#x3040;-&#x30FF;&#x3400;-&#x4DBF;&#x4E00;-&#x9FFF;&#xF900;-&#xFAFF;&#xFF00;-&#xFFEF;]'"/>
  <!-- (ranges, not \p{Is...} block names: SaxonC prints a line per Unicode block it loads) -->

  <!-- Whether a document holds any such character at all (computed once per document): the
       look-arounds below are only made in those that do. -->
  <xsl:function name="ed:has-cjk" as="xs:boolean" cache="yes">
    <xsl:param name="root" as="node()"/>
    <xsl:sequence select="matches(string($root), $ed:cjk)"/>
  </xsl:function>

  <xsl:function name="ed:cjk-trim" as="xs:string">
    <xsl:param name="text" as="text()"/>
    <xsl:variable name="s" select="string($text)"/>
    <xsl:variable name="tail" select="matches($s, $ed:cjk || '\s+$')
        and matches(string($text/following::text()[normalize-space()][1]), '^\s*' || $ed:cjk)"/>
    <xsl:variable name="head" select="matches($s, '^\s+' || $ed:cjk)
        and matches(string($text/preceding::text()[normalize-space()][1]), $ed:cjk || '\s*$')"/>
    <xsl:variable name="s" select="if ($tail) then replace($s, '\s+$', '') else $s"/>
    <xsl:sequence select="if ($head) then replace($s, '^\s+', '') else $s"/>
  </xsl:function>

  <!-- A TEI example (egXML) as the markup it shows, without namespace declarations, its common
       indentation removed. -->
  <xsl:function name="ed:example-markup" as="xs:string">
    <xsl:param name="eg" as="element()"/>
    <xsl:variable name="xml" select="replace(serialize($eg/node(), map{'method': 'xml'}), ' xmlns(:\w+)?=&quot;[^&quot;]*&quot;', '')"/>
    <xsl:variable name="lines" select="tokenize(replace($xml, '^\s*\n|\s+$', ''), '\n')"/>
    <xsl:variable name="indent" select="min($lines[normalize-space()] ! (string-length(.) - string-length(replace(., '^\s+', ''))))"/>
    <xsl:sequence select="string-join($lines ! substring(., ($indent, 0)[1] + 1), '&#10;')"/>
  </xsl:function>

  <!-- Page and line breaks of several witnesses (@ed, @edRef): the edition shows those of the
       text it follows: the breaks that name no witness when there are any, else those of the
       witness the first break names. -->
  <xsl:function name="ed:break-shown" as="xs:boolean">
    <xsl:param name="break" as="element()"/>
    <xsl:sequence select="not($break/(@ed | @edRef)) or
        ed:witness-tokens($break) = ed:base-witness(root($break), local-name($break))"/>
  </xsl:function>

  <xsl:function name="ed:base-witness" as="xs:string" cache="yes">
    <xsl:param name="root" as="node()"/>
    <xsl:param name="name" as="xs:string"/>
    <xsl:variable name="breaks" select="if ($name = 'pb') then $root//tei:pb else if ($name = 'lb') then $root//tei:lb
                                        else $root//tei:cb"/>
    <!-- '#none' (no witness is called that): the breaks without a witness are the ones shown -->
    <xsl:sequence select="if (exists($breaks[not(@ed | @edRef)])) then '#none'
                          else ed:witness-tokens($breaks[1])[1]"/>
  </xsl:function>

  <!-- The witnesses a break names ('#A #B' or 'A B' -> 'A', 'B'). -->
  <xsl:function name="ed:witness-tokens" as="xs:string*">
    <xsl:param name="break" as="element()"/>
    <xsl:sequence select="tokenize(normalize-space(string-join($break/(@ed, @edRef), ' ')), ' ') ! replace(., '^.*#', '')"/>
  </xsl:function>

  <!-- Tokenised text (w, pc) with no whitespace between the tokens: a space after a word or a
       punctuation mark when a word follows (none before punctuation, none after an opening
       mark, none where @join says the tokens touch). Looks only forward: cheap on long runs. -->
  <xsl:function name="ed:space-after" as="xs:boolean">
    <xsl:param name="token" as="element()"/>
    <xsl:variable name="next" select="$token/following-sibling::node()[1]"/>
    <xsl:sequence select="exists($next[self::tei:w or self::tei:pc[ed:opening(.)]])
        and not($token/@join = ('right', 'both')) and not($next/@join = ('left', 'both'))
        and not($token[self::tei:pc][ed:opening(.)])"/>
  </xsl:function>

  <xsl:function name="ed:opening" as="xs:boolean">
    <xsl:param name="pc" as="element()"/>
    <xsl:sequence select="$pc/@pre = 'true' or normalize-space($pc) = ('(', '[', '{', '„', '“', '‘', '«', '‹', '¿', '¡', '‚', '»')"/>
  </xsl:function>

  <!-- A speaker turn's speaker(s): @who resolved to their names (a register entry, a person in
       the header), else as written ('#A' -> 'A'); the turn's annotationBlock's when it has none. -->
  <xsl:function name="ed:speakers" as="xs:string">
    <xsl:param name="u" as="element()"/>
    <xsl:variable name="who" select="normalize-space(($u/@who, $u/ancestor::tei:annotationBlock[1]/@who)[1])"/>
    <xsl:sequence select="string-join(for $t in tokenize($who, ' ')[.] return
        let $id := if (contains($t, '#')) then substring-after($t, '#') else $t, $entry := ed:by-id($id, $u)
        return if ($entry) then ed:entry-label($entry) else $id, ', ')"/>
  </xsl:function>

  <!-- A non-verbal event in speech (pause, incident, vocal, kinesic, shift, writing) as words:
       its description, else its name and type: '[laughs]', '[pause]'. -->
  <xsl:function name="ed:event-label" as="xs:string">
    <xsl:param name="event" as="element()"/>
    <xsl:variable name="desc" select="normalize-space(string-join($event/tei:desc//text(), ''))"/>
    <xsl:sequence select="'[' || (if ($desc) then $desc else string-join((local-name($event), $event/@type), ': ')) || ']'"/>
  </xsl:function>

  <!-- A dictionary entry's headword for an empty oRef (orthographic reference: "the word
       itself" in an example): the entry's first orth. -->
  <xsl:function name="ed:headword" as="xs:string">
    <xsl:param name="ref" as="element()"/>
    <xsl:sequence select="normalize-space(string(($ref/ancestor::tei:entry[1]//tei:form//tei:orth)[1]))"/>
  </xsl:function>

  <!-- The number a verse line shows in the margin: its @n every fifth line (when numbers), and
       any @n that is not a number ('12a'); else ''. -->
  <xsl:function name="ed:line-number" as="xs:string">
    <xsl:param name="l" as="element()"/>
    <xsl:variable name="n" select="normalize-space($l/@n)"/>
    <xsl:sequence select="if ($n castable as xs:integer) then (if (xs:integer($n) mod 5 = 0) then $n else '')
                          else $n"/>
  </xsl:function>

  <!-- Lineated transcriptions (the EpiDoc convention for inscriptions and papyri): a block
       (ab, p) whose lines are the source's, each begun by a numbered line break,
       <ab><lb n="1"/>…<lb n="2" break="no"/>…</ab>. Its first text follows a numbered lb; a prose
       paragraph with occasional line breaks (numbered or not) after text of its own runs on. -->
  <xsl:key name="ed:numbered-lb" match="tei:lb[@n]" use="'lb'"/>
  <xsl:function name="ed:lineated" as="xs:boolean">
    <xsl:param name="block" as="element()"/>
    <!-- (asked of every paragraph: in a document without numbered line breaks, answered from
         one index of the document, ed:numbered-lb, rather than by reading the paragraph) -->
    <xsl:variable name="root" select="root($block)"/>
    <xsl:variable name="lb" select="if ($root instance of document-node() and empty(key('ed:numbered-lb', 'lb', $root)[1])) then ()
        else ($block//tei:lb[@n])[1]"/>
    <xsl:sequence select="exists($lb) and not(($block//text()[normalize-space()])[1] &lt;&lt; $lb)"/>
  </xsl:function>

  <!-- The line breaks of a lineated block (not those of a note inside it). -->
  <xsl:function name="ed:line-breaks" as="element(tei:lb)*">
    <xsl:param name="block" as="element()"/>
    <xsl:sequence select="$block//tei:lb[not(ancestor::tei:note[1] &gt;&gt; $block)]"/>
  </xsl:function>

  <!-- The number a line of a lineated block shows in the margin, given the @n of the numbered
       line before it ('' for the first): as for verse (ed:line-number) every fifth and any @n
       that is not a number ('7a'), and also where the count is broken: a jump (22 after 12), a
       first line other than 1. Else ''. -->
  <xsl:function name="ed:lb-label" as="xs:string">
    <xsl:param name="n" as="xs:string"/>
    <xsl:param name="prev" as="xs:string"/>
    <xsl:variable name="n" select="normalize-space($n)"/>
    <xsl:variable name="p" select="replace(normalize-space($prev), '^(\d+).*$', '$1')"/>
    <xsl:sequence select="if ($n = '') then ''
        else if (not($n castable as xs:integer)) then $n
        else if (xs:integer($n) mod 5 = 0) then $n
        else if ($p = '') then (if (xs:integer($n) = 1) then '' else $n)
        else if ($p castable as xs:integer and xs:integer($p) + 1 = xs:integer($n)) then ''
        else $n"/>
  </xsl:function>

  <!-- The margin numbers of line breaks (ed:line-breaks of one block, in order), by
       generate-id: '' where none is shown. Computed once a block, in one pass. -->
  <xsl:function name="ed:lb-labels" as="map(xs:string, xs:string)"
      xmlns:map="http://www.w3.org/2005/xpath-functions/map">
    <xsl:param name="lbs" as="element(tei:lb)*"/>
    <xsl:variable name="entries" as="map(xs:string, xs:string)*">
      <xsl:iterate select="$lbs">
        <xsl:param name="prev" as="xs:string" select="''"/>
        <xsl:variable name="n" select="normalize-space(@n)"/>
        <xsl:sequence select="map{generate-id(.): ed:lb-label($n, $prev)}"/>
        <xsl:next-iteration>
          <xsl:with-param name="prev" select="if ($n) then $n else $prev"/>
        </xsl:next-iteration>
      </xsl:iterate>
    </xsl:variable>
    <xsl:sequence select="map:merge($entries)"/>
  </xsl:function>

  <!-- Where a node stands in a lineated block, for the apparatus: 'l. 5' (the @n of the source
       line it begins in), or, when the document has several textparts, their @n and the line's,
       'a 5' (face, column... and line, as papyrologists cite them); else (). (Per apparatus entry, not per node: the preceding axis is walked back
       only to the nearest lb.) -->
  <xsl:key name="ed:textpart" match="tei:div[@type = 'textpart']" use="'textpart'"/>
  <xsl:function name="ed:line-of" as="xs:string?">
    <xsl:param name="node" as="node()"/>
    <xsl:variable name="root" select="root($node)"/>
    <!-- (a document without numbered line breaks: nothing to read, per entry, in its paragraphs) -->
    <xsl:variable name="block" select="if ($root instance of document-node() and empty(key('ed:numbered-lb', 'lb', $root)[1])) then ()
        else $node/ancestor::*[self::tei:ab or self::tei:p][1][ed:lineated(.)]"/>
    <xsl:variable name="lb" select="$block ! $node/preceding::tei:lb[@n][1][. &gt;&gt; $block]"/>
    <xsl:variable name="parts" select="if ($root instance of document-node() and count(key('ed:textpart', 'textpart', $root)[position() le 2]) gt 1)
        then $node/ancestor::tei:div[@type = 'textpart']/@n[normalize-space()] ! normalize-space() else ()"/>
    <xsl:sequence select="if (not($block and $lb)) then ()
        else if (exists($parts)) then string-join(($parts, normalize-space($lb/@n)), ' ')
        else 'l. ' || normalize-space($lb/@n)"/>
  </xsl:function>

  <!-- True for a line break between two Chinese or Japanese characters (no space there). -->
  <xsl:function name="ed:cjk-join" as="xs:boolean">
    <xsl:param name="break" as="element()"/>
    <xsl:sequence select="ed:has-cjk(root($break)) and matches(string($break/preceding::text()[normalize-space()][1]), $ed:cjk || '\s*$')
        and matches(string($break/following::text()[normalize-space()][1]), '^\s*' || $ed:cjk)"/>
  </xsl:function>

  <!-- The writing direction of a language tag: 'rtl' for the languages and scripts written
       right to left, else 'ltr'. -->
  <!-- The language a node is in: the nearest xml:lang, else the one its document declares. -->
  <xsl:function name="ed:lang-of" as="xs:string">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="(string(($node/ancestor-or-self::*/@xml:lang)[last()])[.], ed:declared-lang($node))[1]"/>
  </xsl:function>

  <xsl:function name="ed:direction" as="xs:string">
    <xsl:param name="lang" as="xs:string?"/>
    <xsl:variable name="parts" select="tokenize(lower-case(ed:bcp47($lang)), '-')"/>
    <xsl:sequence select="if ($parts[2] = ('arab', 'hebr', 'syrc', 'thaa', 'nkoo', 'samr', 'mand', 'adlm', 'rohg')
        or ($parts[1] = ('ar', 'he', 'fa', 'ur', 'yi', 'ps', 'sd', 'ug', 'dv', 'syr', 'syc', 'arc', 'ckb', 'ota', 'hbo',
            'jrb', 'jpr', 'arz', 'apc', 'ajp', 'acm', 'ary', 'arq', 'aeb', 'prs', 'pnb', 'bal', 'mzn', 'glk', 'ks', 'sam',
            'smp', 'phn', 'xpu', 'nqo', 'man', 'mid', 'pal', 'xpr')
            and not($parts[2] = ('latn', 'cyrl')))) then 'rtl' else 'ltr'"/>
  </xsl:function>

  <xsl:function name="ed:bcp47" as="xs:string">
    <xsl:param name="lang" as="xs:string?"/>
    <xsl:variable name="parts" select="tokenize(normalize-space($lang), '-')"/>
    <xsl:sequence select="string-join(((($ed:iso639-2(lower-case($parts[1])), $parts[1])[1]), subsequence($parts, 2)), '-')"/>
  </xsl:function>
</xsl:stylesheet>
