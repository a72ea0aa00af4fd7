<?xml version="1.0" encoding="UTF-8"?>
<!--
  Running text (mode tx:inline): each node becomes a string; whitespace is normalised later
  by the wrapper. Conventions (stated in the title block, see titleblock.xsl):
    _x_    italics: title (not level="a"), foreign, emph, mentioned, hi rend italic
    *x*    hi rend bold
    |      a page break of the source; inside a word (pb break="no") the word is joined and
           the marker follows the word
    [4]    a note's printed number at its mark (the note text: notes.xsl)
    […]    a gap (omitted or missing text)
    [x]    supplied text;  ⟦x⟧ deleted text
  The reading as printed stands in the text (sic, orig, abbr, lem); corrections and
  editorial notes go to the apparatus. Any other element renders its content.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-edition:functions"
    xmlns:tx="urn:x-edition:text"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    exclude-result-prefixes="#all">

  <xsl:mode name="tx:inline" on-no-match="shallow-skip" on-multiple-match="fail"/>

  <!-- The running text of some nodes, as one string. -->
  <xsl:function name="tx:inline" as="xs:string">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:variable name="parts" as="xs:string*">
      <xsl:apply-templates select="$nodes" mode="tx:inline"/>
    </xsl:variable>
    <xsl:sequence select="tx:inline-string(string-join($parts, ''))"/>
  </xsl:function>

  <!-- The running text from the strings the nodes make (tx:inline; blocks.xsl, lineated). -->
  <xsl:function name="tx:inline-string" as="xs:string">
    <xsl:param name="joined" as="xs:string"/>
    <!-- Chinese and Japanese put no space between words: whitespace with a newline between
         two such characters is the markup's line breaking (a newline, an lb), not a space; a
         space on a line of the source is kept (twice: a match takes the character after it) -->
    <!-- (a line or page break inside a word takes the whitespace around it: the source's own
         line breaking, "conpa⏎<lb break="no"/>ravi" reads "conparavi") -->
    <xsl:variable name="s" select="let $s := tx:close-up(tx:close-up($joined, $tx:word-break, ''), $tx:joined-break, $tx:joined-break)
        return if (not($tx:cjk and matches($s, $ed:cjk))) then $s
        else let $pair := '(' || $ed:cjk || ')[ \t]*\n\s*(' || $ed:cjk || ')' return replace(replace($s, $pair, '$1$2'), $pair, '$1$2')"/>
    <!-- a page break with letters against both sides is inside a word (as with break="no");
         any other stands between words -->
    <!-- (each break is a pair of marks around the page's number: text, number, text...) -->
    <xsl:sequence select="if (not(contains($s, $tx:page-break))) then $s else
        let $parts := tokenize($s, $tx:page-break), $m := count($parts) idiv 2 return string-join((
          for $j in 1 to $m return (
            let $before := $parts[2 * $j - 1], $n := $parts[2 * $j], $after := $parts[2 * $j + 1]
            return ($before,
              if (matches(substring($before, string-length($before)), '[\w\-¬⸗]') and matches(substring($after, 1, 1), '\w'))
              then $tx:joined-break || $n || $tx:joined-break
              else if ($n) then ' |' || $n || '| ' else ' | ')),
          $parts[2 * $m + 1]), '')"/>
  </xsl:function>

  <!-- $s with each $mark and the whitespace around it replaced by $by. (Regular expressions
       only on the few characters either side: '\s*X' tried at every position of a long
       paragraph is slow in Saxon.) -->
  <xsl:function name="tx:close-up" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:param name="mark" as="xs:string"/>
    <xsl:param name="by" as="xs:string"/>
    <xsl:sequence select="if (not(contains($s, $mark))) then $s else
        let $parts := tokenize($s, $mark), $n := count($parts) return string-join(
          for $i in 1 to $n return (
            let $p := $parts[$i],
                $p := if ($i gt 1) then (let $head := substring($p, 1, 200) return replace($head, '^\s+', '') || substring($p, 201)) else $p,
                $p := if ($i lt $n) then (let $cut := max((0, string-length($p) - 200)) return substring($p, 1, $cut) || replace(substring($p, $cut + 1), '\s+$', '')) else $p
            return $p), $by)"/>
  </xsl:function>

  <!-- U+FDD1 (a noncharacter): where a page break stands, before tx:inline knows whether it is
       inside a word (telling that from the nodes around it is slow on a long paragraph); a
       pair of them round the page's number. -->
  <xsl:variable name="tx:page-break" as="xs:string" select="'&#xFDD1;'"/>
  <!-- U+FDD2: a line break inside a word (lb break="no"), removed with the whitespace around it -->
  <xsl:variable name="tx:word-break" as="xs:string" select="'&#xFDD2;'"/>

  <xsl:template match="text()" mode="tx:inline">
    <xsl:param name="dotted" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:variable name="s" select="translate(., $tx:joined-break || $tx:page-break || $tx:word-break, '')"/>
    <!-- (unclear letters: a dot below each, and only on the source's letters and digits) -->
    <xsl:sequence select="if ($dotted) then normalize-unicode(replace($s, '([\p{L}\p{N}]\p{M}*)', '$1&#x323;')) else $s"/>
  </xsl:template>

  <xsl:template match="*" mode="tx:inline">
    <xsl:choose>
      <!-- (any element may be raised: <edition rend="sup">4</edition>) -->
      <xsl:when test="(@rend or @rendition or @style) and ed:rend-kinds(.) = ('sup', 'sub')">
        <xsl:variable name="inner" as="xs:string">
          <xsl:value-of><xsl:apply-templates mode="tx:inline"/></xsl:value-of>
        </xsl:variable>
        <xsl:sequence select="tx:raised($inner, ed:rend-kinds(.) = 'sup')"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates mode="tx:inline"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Structural elements met inside running text (a verse line inside a quotation inside
       a paragraph...): their content, set off by spaces. -->
  <xsl:template match="*[tx:is-structural(.)]" mode="tx:inline" priority="-0.1">
    <xsl:sequence select="' '"/>
    <xsl:apply-templates mode="tx:inline"/>
    <xsl:sequence select="' '"/>
  </xsl:template>

  <!-- Italics by function. -->
  <xsl:template mode="tx:inline" match="tei:title[not(@level = 'a')] | tei:foreign | tei:emph | tei:mentioned
      | tei:hi[ed:rend-kinds(.) = 'italic'][not(ed:rend-kinds(.) = ('sup', 'sub'))]">
    <xsl:param name="in-italic" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:variable name="inner" as="xs:string*">
      <xsl:apply-templates mode="tx:inline">
        <xsl:with-param name="in-italic" select="true()" tunnel="yes"/>
      </xsl:apply-templates>
    </xsl:variable>
    <xsl:sequence select="if ($in-italic) then string-join($inner, '') else tx:mark(string-join($inner, ''), '_')"/>
  </xsl:template>

  <xsl:template mode="tx:inline" match="tei:hi[not(ed:rend-kinds(.) = ('italic', 'sup', 'sub'))][ed:rend-kinds(.) = 'bold']">
    <xsl:variable name="inner" as="xs:string*">
      <xsl:apply-templates mode="tx:inline"/>
    </xsl:variable>
    <xsl:sequence select="tx:mark(string-join($inner, ''), '*')"/>
  </xsl:template>

  <!-- Raised and lowered letters keep their place: a short run (four at most) in Unicode's
       superscript or subscript characters where each has one (1903⁴, yᵉ, H₂O), else raised
       after a caret (2^(n+1)); flattening them would change the text's meaning. -->
  <!-- (raised italics or bold are only raised: marks round one raised letter would be noise) -->
  <xsl:template mode="tx:inline" match="tei:hi[ed:rend-kinds(.) = ('sup', 'sub')]">
    <xsl:variable name="inner" as="xs:string">
      <xsl:value-of><xsl:apply-templates mode="tx:inline"/></xsl:value-of>
    </xsl:variable>
    <xsl:sequence select="tx:raised($inner, ed:rend-kinds(.) = 'sup')"/>
  </xsl:template>
  <xsl:function name="tx:raised" as="xs:string">
    <xsl:param name="inner" as="xs:string"/>
    <xsl:param name="up" as="xs:boolean"/>
    <xsl:variable name="from" select="if ($up) then $tx:sup-from else $tx:sub-from"/>
    <xsl:variable name="to" select="if ($up) then $tx:sup-to else $tx:sub-to"/>
    <xsl:sequence select="if (normalize-space($inner) = '') then $inner
        else if (string-length($inner) le 4 and string-length(translate($inner, $from, '')) = 0) then translate($inner, $from, $to)
        else if (not($up)) then $inner
        else if (string-length($inner) = 1) then '^' || $inner else '^(' || $inner || ')'"/>
  </xsl:function>
  <xsl:variable name="tx:sup-from" as="xs:string" select="'0123456789+-=()abcdefghijklmnoprstuvwxyz'"/>
  <xsl:variable name="tx:sup-to" as="xs:string" select="'⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ'"/>
  <xsl:variable name="tx:sub-from" as="xs:string" select="'0123456789+-=()aehklmnopstx'"/>
  <xsl:variable name="tx:sub-to" as="xs:string" select="'₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₕₖₗₘₙₒₚₛₜₓ'"/>

  <!-- '_' + text + '_' around the non-space part (spaces stay outside the marks). -->
  <xsl:function name="tx:mark" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:param name="mark" as="xs:string"/>
    <xsl:sequence select="if (normalize-space($s) = '') then $s
      else (if (matches($s, '^\s')) then ' ' else '') || $mark || normalize-space($s) || $mark
           || (if (matches($s, '\s$')) then ' ' else '')"/>
  </xsl:function>


  <!-- Page, column and line breaks. -->
  <!-- (a break with letters right against it on both sides is inside a word too, @break or not:
       see tx:inline) -->
  <xsl:template match="tei:pb" mode="tx:inline">
    <!-- the marks round the page's number, if the source gives one ('|12|' in the text) -->
    <xsl:variable name="n" select="normalize-space(replace(@n, '[&#xFDD0;-&#xFDDF;|]', ''))"/>
    <!-- (none in a heading: it would stand in the heading and the contents) -->
    <xsl:sequence select="if (not(ed:break-shown(.)) or ancestor::tei:head) then ''
        else if (@break = 'no') then $tx:joined-break || $n || $tx:joined-break
        else $tx:page-break || $n || $tx:page-break"/>
  </xsl:template>
  <xsl:template match="tei:lb | tei:cb" mode="tx:inline">
    <!-- (in Chinese or Japanese a newline: the markup's line breaking, which adds no space
         between two characters, where a space on a line of the source is kept) -->
    <xsl:sequence select="if (@break = 'no' or (self::tei:lb and ed:hyphen-break(.))) then $tx:word-break
        else if ($tx:cjk) then '&#10;' else ' '"/>
  </xsl:template>
  <!-- A line break of a lineated block (blocks.xsl, $tx:lines: its line breaks' margin numbers
       by generate-id): where a line begins, U+FDD3 and the lb's id, then U+FDD4. -->
  <xsl:template match="tei:lb" mode="tx:inline" priority="1">
    <xsl:param name="tx:lines" as="map(xs:string, xs:string)?" tunnel="yes" select="()"/>
    <xsl:choose>
      <xsl:when test="exists($tx:lines) and map:contains($tx:lines, generate-id(.))">
        <xsl:sequence select="$tx:line-start || generate-id(.) || $tx:line-id-end"/>
      </xsl:when>
      <xsl:otherwise><xsl:next-match/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:variable name="tx:line-start" as="xs:string" select="'&#xFDD3;'"/>
  <xsl:variable name="tx:line-id-end" as="xs:string" select="'&#xFDD4;'"/>

  <!-- Dictionaries: an empty oRef stands for the headword. -->
  <xsl:template match="tei:oRef[not(node())] | tei:oVar[not(node())]" mode="tx:inline">
    <xsl:sequence select="ed:headword(.)"/>
  </xsl:template>
  <xsl:template match="tei:form | tei:gramGrp | tei:pos | tei:gen | tei:number | tei:case | tei:etym | tei:usg | tei:lbl | tei:xr | tei:def" mode="tx:inline">
    <xsl:apply-templates mode="tx:inline"/>
    <xsl:sequence select="' '"/>  <!-- (dictionaries often write these parts with no space between) -->
  </xsl:template>

  <!-- Tokens (w, pc) written without spaces between them: spaced as words (ed:space-after). -->
  <xsl:template match="tei:w | tei:pc" mode="tx:inline">
    <xsl:apply-templates mode="tx:inline"/>
    <xsl:if test="ed:space-after(.)"><xsl:sequence select="' '"/></xsl:if>
  </xsl:template>

  <!-- Speech: non-verbal events as bracketed words; annotations of a transcript are not speech. -->
  <xsl:template match="tei:pause | tei:incident | tei:vocal | tei:kinesic | tei:shift | tei:writing[not(node()[not(self::tei:desc)])]" mode="tx:inline">
    <xsl:sequence select="' ' || ed:event-label(.) || ' '"/>
  </xsl:template>
  <xsl:template match="tei:spanGrp | tei:span | tei:timeline | tei:interpGrp | tei:linkGrp" mode="tx:inline"/>
  <!-- A space the source leaves blank: [vac.] with what it says of its extent ([vac. 3
       characters]) where it is a document's blank (it says its extent or reason, or stands in an
       edition of a document, as in EpiDoc); a printer's wide space (DTA) is a space. -->
  <xsl:template match="tei:space" mode="tx:inline">
    <xsl:sequence select="if (tx:is-vacat(.)) then ' [' || string-join(('vac.', ed:gap-words(.)[.]), ' ') || '] ' else ' '"/>
  </xsl:template>
  <xsl:function name="tx:is-vacat" as="xs:boolean">
    <xsl:param name="space" as="element()"/>
    <xsl:sequence select="exists($space/(@quantity, @extent, @reason, @atLeast, @atMost, @unit))
        or exists($space/ancestor::*[self::tei:div[@type = 'edition'] or self::tei:sourceDoc or self::tei:msDesc])"/>
  </xsl:function>

  <!-- Abbreviations: the editors' expansion in parentheses (Leiden), a glyph as its content or,
       when empty, the character its declaration maps it to. -->
  <xsl:template match="tei:ex" mode="tx:inline">
    <xsl:sequence select="'('"/>
    <xsl:apply-templates mode="tx:inline"/>
    <xsl:sequence select="')'"/>
  </xsl:template>
  <xsl:template match="tei:g[not(node())]" mode="tx:inline">
    <xsl:sequence select="ed:glyph(.)"/>
  </xsl:template>

  <!-- Notes: a mark where they stand (editorial notes: only in the apparatus). -->
  <xsl:template match="tei:note" mode="tx:inline">
    <xsl:param name="placed" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:if test="not(ed:is-editorial(.)) and ($placed or not(ed:is-anchored(.)))">
      <xsl:sequence select="tx:note-mark(.)"/>
    </xsl:if>
  </xsl:template>
  <!-- An anchor, or a pointer that calls a note: the marks of the notes kept elsewhere that are
       shown there (ed:is-anchored). -->
  <!-- an empty canonical reference (ref cRef="Ps 115:3"): the reference, in parentheses -->
  <xsl:template match="tei:ref[@cRef][not(@target)][not(node())] | tei:ptr[@cRef][not(@target)]" mode="tx:inline">
    <xsl:sequence select="' (' || normalize-space(@cRef) || ')'"/>
  </xsl:template>
  <xsl:template match="tei:ptr[@target] | tei:ref[@target][not(node())]" mode="tx:inline">
    <xsl:apply-templates select="ed:notes-at(.)" mode="tx:inline">
      <xsl:with-param name="placed" select="true()" tunnel="yes"/>
    </xsl:apply-templates>
    <!-- (one that cites a note elsewhere: 'note 2'; a repeated call of a note, its mark) -->
    <xsl:sequence select="ed:cited-note(.) ! (if (current()/@type = 'note') then tx:note-mark(.) else 'note ' || ed:note-number(.))"/>
  </xsl:template>
  <xsl:template match="tei:anchor[@xml:id]" mode="tx:inline">
    <xsl:apply-templates select="ed:notes-at(.)" mode="tx:inline">
      <xsl:with-param name="placed" select="true()" tunnel="yes"/>
    </xsl:apply-templates>
  </xsl:template>

  <!-- The reading as printed; the intervention is listed in the apparatus. -->
  <xsl:template match="tei:choice" mode="tx:inline">
    <xsl:apply-templates select="ed:reading(., 'printed')" mode="tx:inline"/>
  </xsl:template>
  <xsl:template match="tei:app[ed:app-detached(.)]" mode="tx:inline" priority="1">
    <xsl:sequence select="' ' || string-join((@loc, ed:app-label(.), ed:notes-on(.) ! tx:flat(node())), ' ')
                          || (if (following-sibling::tei:app) then '; ' else ' ')"/>
  </xsl:template>
  <xsl:template match="tei:app" mode="tx:inline">
    <xsl:apply-templates select="ed:app-lemma(.)" mode="tx:inline"/>
  </xsl:template>

  <!-- A quotation in running text: the marks its encoding leaves out (ed:quote-marks). -->
  <xsl:template match="tei:q | tei:quote | tei:said" mode="tx:inline">
    <xsl:variable name="marks" select="ed:quote-marks(.)"/>
    <xsl:sequence select="$marks[1]"/>
    <xsl:next-match/>
    <xsl:sequence select="$marks[2]"/>
  </xsl:template>

  <!-- A letter's address in running text: its lines joined by commas. -->
  <xsl:template match="tei:addrLine" mode="tx:inline">
    <xsl:apply-templates mode="tx:inline"/>
    <xsl:if test="following-sibling::tei:addrLine">, </xsl:if>
  </xsl:template>

  <!-- A quotation run in: its words, then its source in parentheses. -->
  <xsl:template match="tei:cit" mode="tx:inline">
    <xsl:apply-templates select="node() except (tei:bibl | tei:ref)" mode="tx:inline"/>
    <xsl:for-each select="tei:bibl | tei:ref">
      <xsl:variable name="source" as="xs:string"><xsl:value-of><xsl:apply-templates select="." mode="tx:inline"/></xsl:value-of></xsl:variable>
      <xsl:sequence select="if (normalize-space($source) = '') then ''
          else if (starts-with(normalize-space($source), '(')) then ' ' || normalize-space($source)
          else ' (' || normalize-space($source) || ')'"/>
    </xsl:for-each>
  </xsl:template>

  <!-- A gap stands where the source has it, spaced as the source spaces it (ἐπ[…]ς: inside a
       word), except the excerpt's own start and end. -->
  <xsl:template match="tei:gap" mode="tx:inline">
    <xsl:variable name="pad" select="if (@reason = ('excerpt-start', 'excerpt-end', 'not-in-source')) then ' ' else ''"/>
    <xsl:sequence select="$pad || '[' || string-join(('…', ed:gap-words(.)[.]), ' ') || ']' || $pad"/>
  </xsl:template>
  <!-- Unclear letters carry a dot below (Leiden): ạḅ. -->
  <xsl:template match="tei:unclear" mode="tx:inline">
    <xsl:apply-templates mode="tx:inline">
      <xsl:with-param name="dotted" select="true()" tunnel="yes"/>
    </xsl:apply-templates>
  </xsl:template>
  <!-- Leiden brackets: [supplied], ⟨supplied where the source omits it⟩, {surplus}. -->
  <xsl:template match="tei:supplied | tei:surplus" mode="tx:inline">
    <xsl:variable name="omitted" select="self::tei:supplied and @reason = 'omitted'"/>
    <xsl:sequence select="if (self::tei:surplus) then '{' else if ($omitted) then '⟨' else '['"/>
    <xsl:apply-templates mode="tx:inline"/>
    <xsl:sequence select="if (self::tei:surplus) then '}' else if ($omitted) then '⟩' else ']'"/>
  </xsl:template>
  <xsl:template match="tei:add" mode="tx:inline">
    <xsl:sequence select="'⸢'"/>
    <xsl:apply-templates mode="tx:inline"/>
    <xsl:sequence select="'⸣'"/>
  </xsl:template>
  <xsl:template match="tei:del" mode="tx:inline">
    <xsl:sequence select="'⟦'"/>
    <xsl:apply-templates mode="tx:inline"/>
    <xsl:sequence select="'⟧'"/>
  </xsl:template>
  <!-- a deletion the source undoes (restore) stands as plain text -->
  <xsl:template match="tei:restore//tei:del" mode="tx:inline" priority="1">
    <xsl:apply-templates mode="tx:inline"/>
  </xsl:template>
  <!-- secluded text, judged not to belong (secl), in braces like surplus -->
  <xsl:template match="tei:secl" mode="tx:inline">
    <xsl:sequence select="'{'"/>
    <xsl:apply-templates mode="tx:inline"/>
    <xsl:sequence select="'}'"/>
  </xsl:template>
  <!-- a change of hand: '[hand: Bentham]', from the handNote it points at -->
  <xsl:template match="tei:handShift" mode="tx:inline">
    <xsl:sequence select="' [' || ed:hand-label(.) || '] '"/>
  </xsl:template>

  <!-- Parts of the header that may stand in a text (never the reading text itself), and a
       text's own register lists (shown in the appendices). -->
  <xsl:template match="tei:teiHeader | tei:facsimile | tei:standOff | tei:fw | tei:listPerson | tei:listPlace | tei:listOrg | tei:listEvent | tei:listNym | tei:listRelation | tei:listObject" mode="tx:inline"/>
</xsl:stylesheet>
