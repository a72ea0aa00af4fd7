<?xml version="1.0" encoding="UTF-8"?>
<!--
  Notes. At the reference point: a mark (a link to the note in the list at the end, which
  the script turns into a toggle) and a copy of the note that CSS sets in the margin on wide
  screens and the script opens as a popup on narrow ones. At the end: every note, with its
  TEI id and a back-link to its mark. Endnote references whose note is not in the source
  (a gap) say so. Editorial notes (on interventions) are listed separately and link to the
  apparatus.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-edition:functions"
    xmlns:h="urn:x-edition:html"
    exclude-result-prefixes="#all">

  <xsl:function name="h:note-absent" as="xs:boolean">
    <xsl:param name="note" as="element(tei:note)"/>
    <xsl:sequence select="exists($note/tei:gap) and not(normalize-space(string-join($note/text(), '')))
                          and empty($note/*[not(self::tei:gap)])"/>
  </xsl:function>

  <xsl:function name="h:note-label" as="xs:string">
    <xsl:param name="note" as="element(tei:note)"/>
    <xsl:sequence select="if (ed:is-editorial($note)) then 'Editorial note'
      else if ($note/@type = 'endnote') then 'Endnote ' || ed:note-number($note)
      else 'Note ' || ed:note-number($note)"/>
  </xsl:function>

  <!-- The interventions an editorial note comments on. -->
  <xsl:function name="h:note-targets" as="element()*">
    <xsl:param name="note" as="element(tei:note)"/>
    <xsl:sequence select="(for $id in ed:id-from-pointer($note/@target) return ed:by-id($id, $note)),
                          $note/parent::tei:app, $note/parent::tei:rdgGrp/ancestor::tei:app[1]"/>
  </xsl:function>

  <!-- A note kept apart that points at an anchor: shown at the anchor (ed:is-anchored). -->
  <xsl:template match="tei:note[ed:is-anchored(.)]" mode="text" priority="1">
    <xsl:param name="placed" tunnel="yes" as="xs:boolean" select="false()"/>
    <xsl:if test="$placed"><xsl:next-match/></xsl:if>
  </xsl:template>

  <xsl:template match="tei:note" mode="text">
    <xsl:param name="copy" tunnel="yes" as="xs:boolean" select="false()"/>
    <xsl:param name="in-link" tunnel="yes" as="xs:boolean" select="false()"/>
    <xsl:variable name="id" select="ed:id(.)"/>
    <xsl:variable name="editorial" select="ed:is-editorial(.)"/>
    <xsl:variable name="absent" select="h:note-absent(.)"/>
    <xsl:element name="{if ($in-link) then 'span' else 'a'}">
      <xsl:if test="not($in-link)"><xsl:attribute name="href" select="'#' || $id"/></xsl:if>
      <xsl:if test="not($copy)"><xsl:attribute name="id" select="'ref-' || $id"/></xsl:if>
      <xsl:attribute name="class" select="string-join(('note-ref', if ($editorial) then 'editorial' else (),
                                                       if ($absent) then 'absent' else (), 'type-' || (@type, 'note')[1]), ' ')"/>
      <xsl:attribute name="data-note" select="'sn-' || $id"/>
      <xsl:choose>
        <xsl:when test="$editorial">
          <span aria-hidden="true">*</span><span class="visually-hidden">Editorial note</span>
        </xsl:when>
        <xsl:otherwise>
          <span class="visually-hidden"><xsl:value-of select="if (@type = 'endnote') then 'Endnote ' else 'Note '"/></span>
          <xsl:value-of select="ed:note-number(.)"/>
          <xsl:if test="$absent"><span class="visually-hidden"> (not in this excerpt)</span></xsl:if>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:element>
    <xsl:if test="not($copy)">
      <span class="sidenote" id="sn-{$id}">
        <xsl:if test="not(ancestor::tei:head)"><xsl:attribute name="role" select="'note'"/></xsl:if>
        <xsl:attribute name="class" select="string-join(('sidenote', if ($editorial) then 'editorial' else (),
                                                         if ($absent) then 'absent' else ()), ' ')"/>
        <xsl:call-template name="h:note-body">
          <xsl:with-param name="copy" select="true()" tunnel="yes"/>
          <xsl:with-param name="inline" select="true()" tunnel="yes"/>
        </xsl:call-template>
      </span>
    </xsl:if>
  </xsl:template>

  <!-- A note's number, its content (or "not in this excerpt"), and for editorial notes the
       reading it comments on and a link to the apparatus. -->
  <xsl:template name="h:note-body">
    <xsl:param name="page" tunnel="yes" as="node()?" select="()"/>
    <xsl:param name="in-link" tunnel="yes" as="xs:boolean" select="false()"/>
    <span class="note-n gen"><xsl:value-of select="if (ed:is-editorial(.)) then 'Ed.' else
        (if (@type = 'endnote') then 'Endnote ' else '') || ed:note-number(.)"/></span>
    <xsl:text> </xsl:text>
    <xsl:if test="ed:is-editorial(.)">
      <xsl:for-each select="h:note-targets(.)">
        <span class="lemma gen">
          <xsl:call-template name="h:lemma"/>
        </span>
        <xsl:text> </xsl:text>
      </xsl:for-each>
    </xsl:if>
    <span class="note-content">
      <xsl:choose>
        <xsl:when test="h:note-absent(.)">
          <xsl:apply-templates mode="text"/>
          <span class="gen"><xsl:value-of select="' — the source’s ' || (if (@type = 'endnote') then 'endnotes are' else 'notes are')
              || ' not part of it.'"/></span>
        </xsl:when>
        <xsl:otherwise><xsl:apply-templates mode="text"/></xsl:otherwise>
      </xsl:choose>
    </span>
    <xsl:if test="ed:is-editorial(.)">
      <xsl:variable name="resp" select="for $id in ed:id-from-pointer(@resp) return ed:by-id($id, .)"/>
      <xsl:if test="exists($resp)">
        <span class="resp gen"> (<xsl:value-of select="ed:join-names(for $r in $resp return ed:plain(($r/(tei:persName, tei:name), $r)[1]))"/>)</span>
      </xsl:if>
      <xsl:variable name="app" select="h:note-targets(.) intersect ed:interventions(.)"/>
      <xsl:if test="not($in-link) and exists($app) and h:is-text(.)">
        <xsl:text> </xsl:text>
        <a class="to-apparatus gen" href="apparatus.html#{h:app-id($app[1])}">apparatus</a>
      </xsl:if>
    </xsl:if>
  </xsl:template>

  <!-- The notes at the end of a page, with back-links. -->
  <xsl:template name="h:end-notes">
    <xsl:param name="scope" as="element()*"/>
    <xsl:variable name="notes" select="$scope//tei:note"/>
    <!-- in the order of their marks (a note kept apart where its anchor stands) -->
    <xsl:variable name="plain" select="for $m in $scope//*[self::tei:note or self::tei:anchor[@xml:id] or self::tei:ptr[@target]
        or self::tei:ref[@target][not(node())]] return
        if (not($m/self::tei:note)) then ed:notes-at($m) ! (., .//tei:note[not(ed:is-editorial(.))])
        else $m[not(ed:is-editorial(.))][not(ed:is-anchored(.))]"/>
    <xsl:variable name="editorial" select="$notes[ed:is-editorial(.)]"/>
    <xsl:if test="exists($plain)">
      <section class="notes" aria-labelledby="notes-title">
        <h2 id="notes-title">Notes</h2>
        <xsl:call-template name="h:note-list"><xsl:with-param name="notes" select="$plain"/></xsl:call-template>
      </section>
    </xsl:if>
    <xsl:if test="exists($editorial)">
      <section class="notes editorial" aria-labelledby="ednotes-title">
        <h2 id="ednotes-title">Editorial notes</h2>
        <xsl:call-template name="h:note-list"><xsl:with-param name="notes" select="$editorial"/></xsl:call-template>
      </section>
    </xsl:if>
  </xsl:template>

  <xsl:template name="h:note-list">
    <xsl:param name="notes" as="element(tei:note)*"/>
    <ul class="note-list">
      <xsl:for-each select="$notes">
        <li id="{ed:id(.)}">
          <xsl:attribute name="class" select="string-join(('note', 'type-' || (@type, 'note')[1],
                                                           if (h:note-absent(.)) then 'absent' else ()), ' ')"/>
          <xsl:if test="@xml:lang"><xsl:attribute name="lang" select="ed:bcp47(@xml:lang)"/></xsl:if>
          <xsl:call-template name="h:note-body">
            <xsl:with-param name="inline" select="true()" tunnel="yes"/>
          </xsl:call-template>
          <xsl:text> </xsl:text>
          <a class="note-back gen" href="#ref-{ed:id(.)}">
            <span aria-hidden="true">↩</span><span class="visually-hidden">Back to the text (<xsl:value-of select="h:note-label(.)"/>)</span>
          </a>
        </li>
      </xsl:for-each>
    </ul>
  </xsl:template>
</xsl:stylesheet>
