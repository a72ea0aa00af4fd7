<?xml version="1.0" encoding="UTF-8"?>
<!-- Where things live in the site (text ids, hrefs), plain strings and citations. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-edition:functions"
    xmlns:h="urn:x-edition:html"
    exclude-result-prefixes="#all">

  <!-- The id of a text document: the one Python gave for it (root xml:id or file stem). -->
  <xsl:function name="h:text-id" as="xs:string">
    <xsl:param name="node" as="node()"/>
    <xsl:variable name="root" select="root($node)"/>
    <xsl:variable name="i" select="(for $i in 1 to count($texts) return if ($texts[$i] is $root) then $i else ())[1]"/>
    <xsl:sequence select="if (exists($i) and $text-ids[$i]) then $text-ids[$i]
                          else string(($root/*/@xml:id, 'text')[1])"/>
  </xsl:function>

  <!-- The texts in the order the edition header lists its sources (sourceDesc bibl/@corresp),
       else in file order. -->
  <xsl:function name="h:texts-in-order" as="document-node()*" cache="yes">
    <xsl:variable name="order" select="$edition/*/tei:teiHeader/tei:fileDesc/tei:sourceDesc//tei:bibl
                                       ! ed:id-from-pointer(@corresp)[1]"/>
    <xsl:perform-sort select="$texts">
      <xsl:sort select="(index-of($order, h:text-id(.))[1], 100000)[1]" data-type="number"/>
    </xsl:perform-sort>
  </xsl:function>

  <xsl:function name="h:text-page" as="xs:string">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="encode-for-uri(h:text-id($node)) || '.html'"/>
  </xsl:function>

  <!-- Register kind -> page; '' when the kind has no page. -->
  <xsl:function name="h:register-page" as="xs:string">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:sequence select="map{'person':'persons.html','place':'places.html','org':'organisations.html',
                              'work':'works.html'}($kind) => string()"/>
  </xsl:function>

  <xsl:function name="h:register-title" as="xs:string">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:sequence select="map{'person':'Persons','place':'Places','org':'Organisations','work':'Works'}($kind) => string()"/>
  </xsl:function>

  <xsl:function name="h:register-kinds" as="xs:string*">
    <xsl:sequence select="('person', 'place', 'org', 'work')[if (exists($site-facts)) then tokenize($site-facts) = .
                                                            else exists(ed:register-entries(.))]"/>
  </xsl:function>

  <xsl:function name="h:is-text" as="xs:boolean">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="some $t in $texts satisfies $t is root($node)"/>
  </xsl:function>

  <!-- The page and anchor where an element with an id is shown, or () when it is shown
       nowhere; $page: the document whose reading page links (() on whole-edition pages). -->
  <xsl:function name="h:href" as="xs:string?">
    <xsl:param name="el" as="element()?"/>
    <xsl:param name="page" as="node()?"/>
    <xsl:variable name="frag" select="'#' || encode-for-uri(string($el/@xml:id))"/>
    <xsl:variable name="root" select="root($el)"/>
    <xsl:sequence select="
      if (empty($el) or not($el/@xml:id)) then ()
      else if (ed:entry-kind($el) != 'other' and $el/(parent::tei:listPerson, parent::tei:listPlace,
               parent::tei:listOrg, parent::tei:listBibl) and (some $d in ($registers, $texts) satisfies $d is $root))
        then h:register-page(ed:entry-kind($el)) || $frag
      else if ($el/ancestor::tei:teiHeader or not($el/ancestor::tei:text)) then ()
      else if (exists($page) and $root is root($page)) then $frag
      else if (exists($edition) and $root is $edition) then 'index.html' || $frag
      else if (h:is-text($el)) then h:text-page($el) || $frag
      else ()"/>
  </xsl:function>

  <!-- The page's language: the document's, else English (the language of the site's own labels). -->
  <xsl:function name="h:lang" as="xs:string">
    <xsl:param name="doc" as="node()?"/>
    <xsl:sequence select="(ed:declared-lang($doc)[.], 'en')[1]"/>
  </xsl:function>

  <!-- The names in a header's titleStmt (authors or editors), as read (ed:agent-names). -->
  <xsl:function name="h:names" as="xs:string*">
    <xsl:param name="els" as="element()*"/>
    <xsl:sequence select="$els ! ed:agent-names(.)"/>
  </xsl:function>

  <xsl:function name="h:authors" as="element()*">
    <xsl:param name="doc" as="node()"/>
    <xsl:sequence select="root($doc)/*/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:author"/>
  </xsl:function>

  <xsl:function name="h:editors" as="element()*">
    <xsl:param name="doc" as="node()?"/>
    <xsl:sequence select="root($doc)/*/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:editor"/>
  </xsl:function>

  <!-- The edition (or, without an edition header, the site) title. -->
  <xsl:function name="h:site-title" as="xs:string">
    <xsl:sequence select="if (exists($edition)) then ed:doc-title($edition)
      else if (count($texts) = 1) then ed:doc-title($texts[1]) else 'TEI documents'"/>
  </xsl:function>

  <!-- The year of publication ('March 2026' gives 2026), the same as every format's (common). -->
  <xsl:function name="h:year" as="xs:string?">
    <xsl:param name="doc" as="node()?"/>
    <xsl:sequence select="ed:edition-year($doc)[.]"/>
  </xsl:function>

  <xsl:function name="h:url" as="xs:string">
    <xsl:param name="relative" as="xs:string"/>
    <xsl:sequence select="if ($base-url) then (if (ends-with($base-url, '/')) then $base-url else $base-url || '/') || $relative else $relative"/>
  </xsl:function>

  <!-- A paragraph's number: count(preceding::tei:p[ancestor::tei:text]) + 1, through a key
       (the preceding axis excludes ancestors: paragraphs in a note in this paragraph). -->
  <xsl:key name="h:text-p" match="tei:p[ancestor::tei:text]" use="'p'"/>

  <xsl:function name="h:paragraph-number" as="xs:integer">
    <xsl:param name="p" as="element()"/>
    <xsl:variable name="root" select="root($p)"/>
    <xsl:sequence select="if ($root instance of document-node())
      then ed:rank($p, key('h:text-p', 'p', $root)) - count($p/ancestor::tei:p[ancestor::tei:text]) + 1
      else count($p/preceding::tei:p[ancestor::tei:text]) + 1"/>
  </xsl:function>

  <!-- "Author, “Title”, paragraph 3, in Edition, ed. A and B (Publisher, 2026). URL" -->
  <xsl:function name="h:citation" as="xs:string">
    <xsl:param name="el" as="element()?"/>
    <xsl:param name="doc" as="node()"/>
    <xsl:variable name="parts" select="h:citation-parts(root($doc))"/>
    <xsl:variable name="where" select="if ($el/self::tei:p) then 'paragraph ' || h:paragraph-number($el)
                                       else if ($el) then ed:plain($el/(self::tei:head, tei:head)[1]) else ()"/>
    <xsl:variable name="url" select="h:url($parts?page || (if ($el/@xml:id) then '#' || $el/@xml:id else ''))"/>
    <xsl:sequence select="string-join(($parts?head, $where[.], $parts?in), ', ') || $parts?imprint || '. ' || $url"/>
  </xsl:function>

  <!-- What a document's citations share (the same for each of its paragraphs): computed once. -->
  <xsl:function name="h:citation-parts" as="map(*)" cache="yes">
    <xsl:param name="doc" as="node()"/>
    <xsl:variable name="authors" select="ed:join-names(h:names(h:authors($doc)))"/>
    <xsl:variable name="title" select="ed:doc-title($doc)"/>
    <xsl:variable name="editors" select="h:names(h:editors($edition))"/>
    <xsl:variable name="publisher" select="ed:plain($edition/*/tei:teiHeader/tei:fileDesc/tei:publicationStmt/tei:publisher[1])"/>
    <xsl:variable name="imprint" select="string-join(($publisher[.], h:year($edition)), ', ')"/>
    <xsl:sequence select="map{
      'head': string-join(($authors[.], '“' || $title || '”'), ', '),
      'in': if (exists($edition) and not(root($doc) is $edition)) then
        'in ' || ed:doc-title($edition) || (if (exists($editors)) then ', ed. ' || ed:join-names($editors) else '') else (),
      'imprint': if ($imprint) then ' (' || $imprint || ')' else '',
      'page': if (exists($edition) and root($doc) is $edition) then 'index.html' else h:text-page($doc)}"/>
  </xsl:function>
</xsl:stylesheet>
