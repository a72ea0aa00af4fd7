<?xml version="1.0" encoding="UTF-8"?>
<!--
  Back matter: apparatus of editorial interventions, chronology, indexes of persons and
  places. Page numbers are never computed here: they are the pages the book's first layout
  measured ($page-map, from pdf.py: anchor id -> page). The apparatus and the chronology
  print the page of each entry's place as a link to it; the indexes print each page once per
  entry, consecutive pages merged into a range ("7, 13–16"). Without a measured page (the
  offprints have one layout; an anchor the layout did not place) a link whose text print.css
  replaces with target-counter(attr(href), page) stands in, one per place. Each part appears only when the data is there ($scope:
  the text documents it covers); the offprints have no indexes.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:array="http://www.w3.org/2005/xpath-functions/array"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-edition:functions"
    xmlns:pr="urn:x-edition:print"
    exclude-result-prefixes="#all">

  <xsl:function name="pr:dated" as="element(tei:date)*">
    <xsl:param name="scope" as="document-node()*"/>
    <!-- (a for over the documents: the order of nodes from different documents is otherwise
         Saxon's document numbering, which depends on what the process parsed first) -->
    <xsl:sequence select="for $d in $scope return
      $d//tei:text//tei:date[ed:date-sort-key(.)][not(ancestor::tei:note[pr:is-apparatus-note(.)])][not(ed:in-register-list(.))]"/>
  </xsl:function>

  <!-- Mentions of an entry in the scope's texts (names with @ref, outside apparatus notes). -->
  <xsl:function name="pr:mentions-in" as="element()*">
    <xsl:param name="entry" as="element()"/>
    <xsl:param name="scope" as="document-node()*"/>
    <xsl:variable name="id" select="string($entry/@xml:id)"/>
    <xsl:sequence select="for $d in $scope return $d//tei:text//*[@ref][ed:id-from-pointer(@ref) = $id]
        [not(ancestor::tei:note[pr:is-apparatus-note(.)])][not(ancestor::*[@ref][ed:id-from-pointer(@ref) = $id])]"/>
  </xsl:function>

  <xsl:function name="pr:index-entries" as="element()*">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:param name="scope" as="document-node()*"/>
    <xsl:sequence select="ed:register-entries($kind)[@xml:id][exists(pr:mentions-in(., $scope))]"/>
  </xsl:function>

  <!-- The back matter's parts, for the contents: maps {id, title}. -->
  <xsl:function name="pr:back-parts" as="map(*)*">
    <xsl:param name="scope" as="document-node()*"/>
    <xsl:sequence select="pr:back-parts($scope, true())"/>
  </xsl:function>

  <xsl:function name="pr:back-parts" as="map(*)*">
    <xsl:param name="scope" as="document-node()*"/>
    <xsl:param name="indexes" as="xs:boolean"/>
    <xsl:if test="exists($scope ! ed:interventions(.))">
      <xsl:sequence select="map{'id': 'apparatus', 'title': 'Apparatus of Editorial Interventions'}"/>
    </xsl:if>
    <xsl:if test="exists(pr:dated($scope))">
      <xsl:sequence select="map{'id': 'chronology', 'title': 'Chronology'}"/>
    </xsl:if>
    <xsl:if test="$indexes and exists(pr:index-entries('person', $scope))">
      <xsl:sequence select="map{'id': 'index-persons', 'title': 'Index of Persons'}"/>
    </xsl:if>
    <xsl:if test="$indexes and exists(pr:index-entries('place', $scope))">
      <xsl:sequence select="map{'id': 'index-places', 'title': 'Index of Places'}"/>
    </xsl:if>
  </xsl:function>

  <xsl:template name="pr:back">
    <xsl:param name="scope" as="document-node()*"/>
    <xsl:param name="indexes" as="xs:boolean" select="true()"/>
    <xsl:variable name="parts" select="pr:back-parts($scope, $indexes)?id"/>
    <xsl:if test="'apparatus' = $parts"><xsl:call-template name="pr:apparatus"><xsl:with-param name="scope" select="$scope"/></xsl:call-template></xsl:if>
    <xsl:if test="'chronology' = $parts"><xsl:call-template name="pr:chronology"><xsl:with-param name="scope" select="$scope"/></xsl:call-template></xsl:if>
    <xsl:if test="'index-persons' = $parts">
      <xsl:call-template name="pr:index">
        <xsl:with-param name="scope" select="$scope"/>
        <xsl:with-param name="kind" select="'person'"/>
        <xsl:with-param name="id" select="'index-persons'"/>
        <xsl:with-param name="title" select="'Index of Persons'"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:if test="'index-places' = $parts">
      <xsl:call-template name="pr:index">
        <xsl:with-param name="scope" select="$scope"/>
        <xsl:with-param name="kind" select="'place'"/>
        <xsl:with-param name="id" select="'index-places'"/>
        <xsl:with-param name="title" select="'Index of Places'"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- A link to a place with its page: the measured page, else a link whose text print.css
       replaces with the page number of its target. -->
  <xsl:template name="pr:page-ref">
    <xsl:param name="target" as="element()"/>
    <xsl:variable name="anchor" select="pr:anchor($target)"/>
    <xsl:choose>
      <xsl:when test="exists($pr:pages) and map:contains($pr:pages, $anchor)">
        <a class="page" href="#{$anchor}"><xsl:value-of select="$pr:pages($anchor)"/></a>
      </xsl:when>
      <xsl:otherwise><a class="page-ref" href="#{$anchor}"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The places the back matter gives pages for (pdf.py measures them). -->
  <xsl:function name="pr:measured-targets" as="element()*">
    <xsl:param name="scope" as="document-node()*"/>
    <xsl:sequence select="$scope ! ed:interventions(.), ($scope ! ed:interventions(.))[self::tei:app] ! ed:app-place(.),
      pr:dated($scope),
      for $kind in ('person', 'place'), $entry in pr:index-entries($kind, $scope)
      return pr:mentions-in($entry, $scope)"/>
  </xsl:function>

  <!-- ===== apparatus ===== -->

  <xsl:template name="pr:apparatus">
    <xsl:param name="scope" as="document-node()*"/>
    <section class="apparatus back" id="apparatus">
      <h1 class="back-title" data-running="Apparatus">Apparatus of Editorial Interventions</h1>
      <xsl:if test="not($measure)">
      <p class="back-intro">The text prints the source’s reading. Each entry gives the page, the
        reading as printed, a closing bracket, and the editors’ correction with their reasons;
        <i>sic</i> marks a doubtful reading left as it stands.
        <xsl:if test="exists($scope//tei:text//tei:app)">Where the witnesses differ, the text gives one
          reading; the entry gives it before the bracket with the sigla of its witnesses, then the other
          readings with theirs (<i>om.</i>: the words are missing there).</xsl:if>
        <xsl:if test="exists($scope//tei:text//tei:lb[@n]) and exists($scope//tei:text//(tei:ab | tei:p)[ed:lineated(.)])">In
          texts transcribed line by line (inscriptions, papyri), which keep the lines of the source with
          their numbers in the margin and a hyphen where a word runs on to the next line, the entry gives
          the line after the page: l. 5, or in a text of several parts the part and the line, a 5.</xsl:if></p>
      <xsl:variable name="witnesses" select="$scope//tei:witness[@xml:id]"/>
      <xsl:if test="exists($witnesses)">
        <p class="back-intro sigla">Sigla: <xsl:value-of select="string-join(for $w in $witnesses
            return ($w/@n, $w/@xml:id)[1] || ' = ' || ed:plain($w), '; ')"/>.</p>
      </xsl:if>
      <xsl:for-each select="$scope[exists(ed:interventions(.))]">
        <h2 class="app-text" data-running="{pr:part-title(.)}"><xsl:value-of select="pr:part-title(.)"/></h2>
        <div class="app-list">
          <xsl:for-each select="ed:interventions(.)">
            <xsl:call-template name="pr:app-entry"/>
          </xsl:for-each>
        </div>
      </xsl:for-each>
      </xsl:if>
    </section>
  </xsl:template>

  <xsl:template name="pr:app-entry">
    <xsl:choose>
      <xsl:when test="self::tei:app"><xsl:call-template name="pr:variant-entry"/></xsl:when>
      <xsl:otherwise><xsl:call-template name="pr:intervention-entry"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- 'summer A C] sommer B; om. D' and the entry's notes. -->
  <xsl:template name="pr:variant-entry">
    <div class="app-entry">
      <span class="app-page"><xsl:call-template name="pr:page-ref"><xsl:with-param name="target" select="ed:app-place(.)"/></xsl:call-template></span>
      <span class="app-body">
        <xsl:call-template name="pr:app-line"><xsl:with-param name="target" select="ed:app-place(.)"/></xsl:call-template>
        <xsl:if test="ed:app-lemma(.)">
          <span class="lemma"><xsl:value-of select="ed:reading-label(ed:app-lemma(.))"/></span>
        </xsl:if>
        <xsl:if test="exists(ed:app-variants(.))">
          <span class="bracket">]</span>
          <xsl:text> </xsl:text>
          <span class="reading"><xsl:value-of select="ed:variants-label(.)"/></span>
        </xsl:if>
        <xsl:for-each select="ed:notes-on(.)">
          <span class="app-note">
            <xsl:text> — </xsl:text>
            <xsl:apply-templates mode="body"><xsl:with-param name="plain" select="true()" tunnel="yes"/></xsl:apply-templates>
          </span>
        </xsl:for-each>
      </span>
    </div>
  </xsl:template>

  <!-- After the page, the source line of an entry in a lineated transcription: 'l. 5', 'a 5'
       (ed:line-of). -->
  <xsl:template name="pr:app-line">
    <xsl:param name="target" as="element()"/>
    <xsl:for-each select="ed:line-of($target)">
      <span class="app-line"><xsl:value-of select="."/></span>
      <xsl:text> </xsl:text>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="pr:intervention-entry">
    <xsl:variable name="printed" select="if (self::tei:choice) then ed:reading(., 'printed')
      else if (self::tei:sic) then node() else ()"/>
    <xsl:variable name="corrected" select="if (self::tei:choice) then ed:reading(., 'corrected')
      else if (self::tei:sic) then () else node()"/>
    <xsl:variable name="corr" select="(self::tei:corr, self::tei:supplied, tei:corr, tei:reg, tei:expan)[1]"/>
    <xsl:variable name="resp" select="for $id in ed:id-from-pointer(($corr/@resp, @resp)[1])[1]
                                      return ed:by-id($id, .)"/>
    <div class="app-entry">
      <span class="app-page"><xsl:call-template name="pr:page-ref"><xsl:with-param name="target" select="."/></xsl:call-template></span>
      <span class="app-body">
        <xsl:call-template name="pr:app-line"><xsl:with-param name="target" select="."/></xsl:call-template>
        <span class="lemma">
          <xsl:choose>
            <xsl:when test="exists($printed)">
              <xsl:apply-templates select="$printed" mode="body"><xsl:with-param name="plain" select="true()" tunnel="yes"/></xsl:apply-templates>
            </xsl:when>
            <!-- supplied: what the source lacks, in its words ('lost', 'illegible'), else om. -->
            <xsl:otherwise><i><xsl:value-of select="if (self::tei:supplied[@reason][not(@reason = 'omitted')])
                then normalize-space(translate(@reason, '_-', '  ')) else 'om.'"/></i></xsl:otherwise>
          </xsl:choose>
        </span>
        <span class="bracket">]</span>
        <xsl:text> </xsl:text>
        <xsl:choose>
          <xsl:when test="exists($corrected)">
            <span class="reading">
              <xsl:apply-templates select="$corrected" mode="body"><xsl:with-param name="plain" select="true()" tunnel="yes"/></xsl:apply-templates>
            </span>
            <xsl:if test="$corr/@cert = ('low', 'medium')"><xsl:text> </xsl:text><i>conj.</i></xsl:if>
          </xsl:when>
          <xsl:otherwise><i class="sic-label">sic</i></xsl:otherwise>
        </xsl:choose>
        <xsl:if test="$resp">
          <span class="resp"><xsl:text> </xsl:text><xsl:value-of select="pr:person-name($resp)"/></span>
        </xsl:if>
        <xsl:for-each select="ed:notes-on(.)">
          <span class="app-note">
            <xsl:text> — </xsl:text>
            <xsl:apply-templates mode="body"><xsl:with-param name="plain" select="true()" tunnel="yes"/></xsl:apply-templates>
          </span>
        </xsl:for-each>
      </span>
    </div>
  </xsl:template>

  <!-- ===== chronology ===== -->

  <!-- '1932-11-09' -> '9 November 1932'; '1932-11' -> 'November 1932'; ranges with an en dash. -->
  <xsl:function name="pr:format-date" as="xs:string">
    <xsl:param name="v" as="xs:string"/>
    <xsl:sequence select="
      if (matches($v, '^\d{4}-\d{2}-\d{2}$') and $v castable as xs:date) then format-date(xs:date($v), '[D] [MNn] [Y]')
      else if (matches($v, '^\d{4}-\d{2}$') and ($v || '-01') castable as xs:date) then format-date(xs:date($v || '-01'), '[MNn] [Y]')
      else if (matches($v, '^-?\d{4}$')) then string(number($v))
      else $v"/>
  </xsl:function>

  <xsl:function name="pr:date-label" as="xs:string">
    <xsl:param name="date" as="element()"/>
    <xsl:sequence select="
      if ($date/@when) then pr:format-date(string($date/@when))
      else if ($date/@from or $date/@to) then string-join(($date/@from, $date/@to) ! pr:format-date(string(.)), '–')
      else if ($date/@notBefore and $date/@notAfter) then 'between ' || pr:format-date(string($date/@notBefore)) || ' and ' || pr:format-date(string($date/@notAfter))
      else if ($date/@notBefore) then 'after ' || pr:format-date(string($date/@notBefore))
      else 'before ' || pr:format-date(string($date/@notAfter))"/>
  </xsl:function>

  <!-- The sentence around an element, from its paragraph (notes left out), shortened. -->
  <xsl:function name="pr:context" as="xs:string+">
    <xsl:param name="el" as="element()"/>
    <xsl:variable name="block" select="($el/ancestor::*[self::tei:p or self::tei:ab or self::tei:l
        or self::tei:head or self::tei:item or self::tei:quote or self::tei:note or self::tei:cell][1], $el/..)[1]"/>
    <xsl:variable name="nodes" select="$block//text()[not(ancestor::tei:note except $el/ancestor::tei:note)]"/>
    <xsl:variable name="before" select="string-join($nodes[. &lt;&lt; $el][not(ancestor::* intersect $el)], '')"/>
    <xsl:variable name="after" select="string-join($nodes[. &gt;&gt; $el][not(ancestor::* intersect $el)], '')"/>
    <xsl:variable name="b" select="normalize-space(tokenize($before, '[.!?][”’&quot;)]?\s+')[last()])"/>
    <xsl:variable name="a" select="normalize-space(replace($after, '^(.*?[.!?][”’&quot;)]?)(\s.*)?$', '$1', 's'))"/>
    <xsl:variable name="bw" select="tokenize($b, '\s+')[.]"/>
    <xsl:variable name="aw" select="tokenize($a, '\s+')[.]"/>
    <!-- (the words before, the words after), each with its edge space -->
    <xsl:sequence select="(
        string-join((if (count($bw) gt 14) then ('…', subsequence($bw, count($bw) - 13)) else $bw), ' ')
          || (if (exists($bw) and matches($before, '\s$')) then ' ' else ''),
        (if (exists($aw) and matches($after, '^\s')) then ' ' else '')
          || string-join((if (count($aw) gt 14) then (subsequence($aw, 1, 14), '…') else $aw), ' '))"/>
  </xsl:function>

  <xsl:template name="pr:chronology">
    <xsl:param name="scope" as="document-node()*"/>
    <section class="chronology back" id="chronology">
      <h1 class="back-title" data-running="Chronology">Chronology</h1>
      <xsl:if test="not($measure)">
      <p class="back-intro">The dates named in the texts, in order, each with the sentence in
        which it stands and the page.</p>
      <table class="chron-table">
        <tbody>
          <xsl:for-each select="pr:dated($scope)">
            <xsl:sort select="ed:date-sort-key(.)"/>
            <xsl:sort select="string(@to)"/>
            <xsl:variable name="context" select="pr:context(.)"/>
            <tr class="chron-row">
              <td class="chron-date"><xsl:value-of select="pr:date-label(.)"/>
                <xsl:if test="@cert = ('low', 'medium')"><span class="cert">?</span></xsl:if></td>
              <td class="chron-event">
                <xsl:value-of select="$context[1]"/>
                <span class="chron-printed">
                  <xsl:apply-templates mode="body"><xsl:with-param name="plain" select="true()" tunnel="yes"/></xsl:apply-templates>
                </span>
                <xsl:value-of select="$context[2]"/>
                <span class="chron-source">
                  <xsl:text> </xsl:text>
                  <span class="chron-text"><xsl:value-of select="pr:short-title(.)"/></span>
                  <xsl:text>, p. </xsl:text>
                  <xsl:call-template name="pr:page-ref"><xsl:with-param name="target" select="."/></xsl:call-template>
                </span>
              </td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
      </xsl:if>
    </section>
  </xsl:template>

  <!-- The title of the text an element is in, before any colon ('A Winter Journey'). -->
  <xsl:function name="pr:short-title" as="xs:string">
    <xsl:param name="el" as="node()"/>
    <xsl:variable name="t" select="pr:part-title($el)"/>
    <xsl:sequence select="if (contains($t, ': ')) then substring-before($t, ': ') else $t"/>
  </xsl:function>

  <!-- A document's title as a part of the book: the edition header's text is its introduction. -->
  <xsl:function name="pr:part-title" as="xs:string">
    <xsl:param name="el" as="node()"/>
    <xsl:sequence select="if ($edition and root($el) is $edition)
      then (ed:plain((root($el)//tei:text//tei:head)[1])[.], 'Introduction')[1] else pr:title($el)"/>
  </xsl:function>

  <!-- ===== indexes ===== -->

  <!-- A person's index heading, surname first ('Stalin, Joseph'), from the register entry's
       standard name (persName type="standard", else the first persName):
       1. its parts when marked up: surname, then forename, nameLink, addName, then genName
          ('Lloyd George, David'; 'Goethe, Johann Wolfgang von'; 'Pierce, Harold, Jr.');
       2. else the surname is the longest variant name (a form the texts print) that ends the
          standard name ('David Lloyd George' with the variant 'Lloyd George');
       3. else the last word, a generational suffix (Jr., Sr., II...) kept apart, particles
          after the forenames ('Goethe, Johann Wolfgang von').
       A name that has a comma or a single word stays as it is. Places and others: their
       standard name. -->
  <xsl:function name="pr:index-label" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="label" select="normalize-space(ed:entry-label($entry))"/>
    <xsl:variable name="name" select="($entry/tei:persName[@type = 'standard'], $entry/tei:persName[not(@type = 'variant')], $entry/tei:persName)[1]"/>
    <xsl:variable name="words" select="tokenize($label, ' ')"/>
    <xsl:choose>
      <xsl:when test="ed:entry-kind($entry) != 'person' or contains($label, ',') or count($words) lt 2">
        <xsl:sequence select="$label"/>
      </xsl:when>
      <xsl:when test="$name/tei:surname">
        <xsl:sequence select="pr:inverted(string-join($name/tei:surname ! ed:plain(.), ' '),
          string-join($name/(tei:forename, tei:nameLink, tei:addName) ! ed:plain(.), ' '),
          string-join($name/tei:genName ! ed:plain(.), ' '))"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="suffix" select="$words[last()][matches(., '^(Jr\.?|Sr\.?|[IVX]+)$')]"/>
        <xsl:variable name="main" select="if ($suffix) then $words[position() lt last()] else $words"/>
        <xsl:variable name="variant" select="for $n in $entry/tei:persName[@type = 'variant'],
            $v in array{tokenize(normalize-space(ed:plain($n)), ' ')[.]}
            return string-join($v?*, ' ')[array:size($v) lt count($main)
              and string-join(subsequence($main, count($main) - array:size($v) + 1), ' ') = string-join($v?*, ' ')]"/>
        <xsl:variable name="surname-words" select="max(($variant ! count(tokenize(., ' ')), 1))"/>
        <xsl:sequence select="if (count($main) lt 2) then $label
          else pr:inverted(string-join(subsequence($main, count($main) - $surname-words + 1), ' '),
            string-join(subsequence($main, 1, count($main) - $surname-words), ' '), string($suffix))"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- 'Surname, Forenames, Suffix', leaving out what is empty. -->
  <xsl:function name="pr:inverted" as="xs:string">
    <xsl:param name="surname" as="xs:string"/>
    <xsl:param name="forenames" as="xs:string"/>
    <xsl:param name="suffix" as="xs:string"/>
    <xsl:sequence select="string-join(($surname, $forenames, $suffix)[normalize-space()], ', ')"/>
  </xsl:function>

  <!-- What an index entry is filed by: the entry's sortKey (TEI att.sortable: 'macbride' files
       McBride as MacBride) when it has one, else its heading; a leading article, case and
       accents do not count. -->
  <xsl:function name="pr:index-sort-key" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="key" select="if (normalize-space($entry/@sortKey)) then string($entry/@sortKey)
      else replace(pr:index-label($entry), '^(the|The)\s+', '')"/>
    <xsl:sequence select="lower-case(replace(normalize-unicode($key, 'NFD'), '\p{Mn}', ''))"/>
  </xsl:function>

  <xsl:template name="pr:index">
    <xsl:param name="scope" as="document-node()*"/>
    <xsl:param name="kind" as="xs:string"/>
    <xsl:param name="id" as="xs:string"/>
    <xsl:param name="title" as="xs:string"/>
    <section class="index back" id="{$id}">
      <h1 class="back-title" data-running="{$title}"><xsl:value-of select="$title"/></h1>
      <xsl:if test="not($measure)">
      <div class="index-list">
        <xsl:for-each-group select="pr:index-entries($kind, $scope)"
            group-by="upper-case(substring(pr:index-sort-key(.), 1, 1))">
          <xsl:sort select="current-grouping-key()" lang="en"/>
          <div class="index-letter">
            <p class="letter"><xsl:value-of select="current-grouping-key()"/></p>
            <xsl:for-each select="current-group()">
              <xsl:sort select="pr:index-sort-key(.)" lang="en"/>
              <xsl:sort select="string(@xml:id)"/>
              <!-- (a register note is not a gloss: it can be long; ed:plain used to read notes as
                   empty, so it never showed here) -->
              <xsl:variable name="note" select="ed:plain((tei:occupation, tei:desc)[1])"/>
              <div class="index-entry" id="idx-{@xml:id}">
                <span class="index-name"><xsl:value-of select="pr:index-label(.)"/></span>
                <xsl:if test="$note">
                  <span class="index-note"><xsl:text>, </xsl:text><xsl:value-of select="replace($note, '\.$', '')"/></span>
                </xsl:if>
                <xsl:variable name="mentions" select="pr:mentions-in(., $scope)"/>
                <xsl:variable name="measured" select="if (exists($pr:pages)) then $mentions[map:contains($pr:pages, pr:anchor(.))] else ()"/>
                <span class="index-pages">
                  <xsl:for-each select="pr:page-ranges(sort(distinct-values($measured ! $pr:pages(pr:anchor(.)))))">
                    <xsl:if test="position() gt 1">, </xsl:if>
                    <span class="pages"><xsl:value-of select="."/></span>
                  </xsl:for-each>
                  <!-- (a filter, not except: except sorts by Saxon's document numbering) -->
                  <xsl:variable name="unmeasured" select="$mentions[not(. intersect $measured)]"/>
                  <xsl:if test="exists($measured) and exists($unmeasured)">, </xsl:if>
                  <xsl:for-each select="$unmeasured">
                    <xsl:call-template name="pr:page-ref"><xsl:with-param name="target" select="."/></xsl:call-template>
                  </xsl:for-each>
                </span>
              </div>
            </xsl:for-each>
          </div>
        </xsl:for-each-group>
      </div>
      </xsl:if>
    </section>
  </xsl:template>

  <!-- The measured pages: anchor id -> page number ($page-map: 'id page' lines). -->
  <xsl:variable name="pr:pages" as="map(xs:string, xs:integer)?">
    <xsl:variable name="lines" select="tokenize($page-map, '\n')[normalize-space()]"/>
    <xsl:for-each select="$lines[not(matches(., '^\s*\S+\s+[0-9]+\s*$'))][1]">
      <xsl:message terminate="yes" error-code="pr:page-map">page map: line not understood: <xsl:value-of select="."/></xsl:message>
    </xsl:for-each>
    <xsl:sequence select="if (empty($lines)) then () else map:merge(
      for $line in $lines return map{substring-before(normalize-space($line), ' '):
                                     xs:integer(substring-after(normalize-space($line), ' '))},
      map{'duplicates': 'use-first'})"/>
  </xsl:variable>

  <!-- Distinct ascending pages -> '7', '13–16': consecutive pages merged into a range. -->
  <xsl:function name="pr:page-ranges" as="xs:string*">
    <xsl:param name="pages" as="xs:integer*"/>
    <xsl:for-each-group select="$pages" group-adjacent=". - position()">
      <xsl:sequence select="if (count(current-group()) eq 1) then string(.)
        else current-group()[1] || '–' || current-group()[last()]"/>
    </xsl:for-each-group>
  </xsl:function>
</xsl:stylesheet>
