<?xml version="1.0" encoding="UTF-8"?>
<!--
  Word wrapping and block layout for the plain-text edition.

  The other stylesheets of xslt/text/ describe the text as a sequence of blocks (an
  indented, optionally prefixed, wrappable paragraph; maps made by tx:b and tx:heading:
  cheaper than an element, which Saxon builds as a tree of its own); tx:layout turns them
  into lines:
  greedy wrapping at $width (columns: a Chinese or Japanese character takes two, and text in
  those scripts may break between characters), never inside another token (a token is a maximal run of
  non-space characters), no trailing spaces, blocks separated by one blank line unless
  @tight, LF line ends, one final LF.

  map{'text': 'text', 'indent': 4, 'first': '[4] ', 'hang': 4, 'tight': false(), 'underline': '-'}
    text       the text, whitespace to be normalised
    indent     spaces before every line
    first      printed before the first line's text (a note number, a list bullet,
               a heading number); continuation lines are indented by indent + hang
    tight      no blank line between this block and the previous one (unless that is
               the last block of a note: 'note')
    underline  a character repeated under the block's longest line (headings; optional)
    note       true() for the blocks of a note (optional)
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tx="urn:x-edition:text"
    xmlns:ed="urn:x-edition:functions"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    exclude-result-prefixes="#all">

  <!-- U+FDD0 (a noncharacter), a pair round the page's number, stands for a page break inside
       a word (pb break="no"); the wrapper removes it from the word and prints the page-break
       marker after the word (bellies |12|). -->
  <xsl:variable name="tx:joined-break" as="xs:string" select="'&#xFDD0;'"/>

  <xsl:variable name="tx:space-run" as="xs:string" select="string-join((1 to 200) ! ' ')"/>

  <xsl:function name="tx:spaces" as="xs:string">
    <xsl:param name="n" as="xs:integer"/>
    <xsl:sequence select="if ($n le 200) then substring($tx:space-run, 1, $n)
        else string-join(for $i in 1 to $n return ' ', '')"/>
  </xsl:function>

  <!-- Other Unicode spaces (\p{Zs} but U+0020) at either end of a word are removed. -->
  <xsl:variable name="tx:other-spaces" as="xs:string"
      select="'&#xA0;&#x1680;&#x2000;&#x2001;&#x2002;&#x2003;&#x2004;&#x2005;&#x2006;&#x2007;&#x2008;&#x2009;&#x200A;&#x202F;&#x205F;&#x3000;'"/>
  <xsl:function name="tx:strip-spaces" as="xs:string">
    <xsl:param name="word" as="xs:string"/>
    <xsl:sequence select="if (contains($tx:other-spaces, substring($word, 1, 1))
        or contains($tx:other-spaces, substring($word, string-length($word))))
      then replace($word, '^\p{Zs}+|\p{Zs}+$', '') else $word"/>
  </xsl:function>

  <!-- The tokens of a text: whitespace-separated; a word holding page breaks inside it is
       given whole, followed by one '|' token per break. -->
  <xsl:function name="tx:tokens" as="xs:string*">
    <xsl:param name="text" as="xs:string"/>
    <!-- other Unicode spaces (no-break, thin...) next to a breaking space, or at either end,
         are not kept: they would leave a line ending or starting in a space -->
    <xsl:variable name="normal" select="normalize-space($text)"/>
    <!-- (was: replace(replace($normal, '\p{Zs}*\s\p{Zs}*', ' '), '^\p{Zs}+|\p{Zs}+$', ''),
         then tokenize: the same tokens, but that regular expression takes microseconds per
         character in Saxon) -->
    <xsl:variable name="words" select="if (not(matches($normal, '[\p{Zs}-[ ]]'))) then tokenize($normal, ' ')
        else (tokenize($normal, ' ') ! tx:strip-spaces(.))[. ne '']"/>
    <xsl:for-each select="$words">
      <xsl:choose>
        <xsl:when test="contains(., $tx:joined-break)">
          <!-- (marks in pairs round the page's number: word, number, word...) -->
          <xsl:variable name="parts" select="tokenize(., $tx:joined-break)"/>
          <xsl:variable name="word" select="string-join($parts[position() mod 2 = 1], '')"/>
          <xsl:sequence select="$word[. ne ''],
            for $n in $parts[position() mod 2 = 0] return (if ($n) then '|' || $n || '|' else '|')"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:sequence select="."/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:function>

  <!-- The tokens of a text joined by single spaces (string-join(tx:tokens($text), ' ')),
       without splitting it when it holds neither other Unicode spaces nor joined breaks. -->
  <xsl:function name="tx:token-string" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:variable name="normal" select="normalize-space($text)"/>
    <xsl:sequence select="if (contains($normal, $tx:joined-break) or matches($normal, '[\p{Zs}-[ ]]'))
        then string-join(tx:tokens($text), ' ') else $normal"/>
  </xsl:function>

  <!-- Greedy wrap: the lines of $text, the first after $lead, the others after $rest.
       A line is longer than $width only when its one token (after the lead) is.
       The tokens are joined by single spaces and cut line by line, not token by token: of
       the next $w + 1 characters, a line takes those before the last space (the longest run
       of whole tokens that fits in $w), else the one token that alone is too long. The
       first token always stands on the first line. -->
  <xsl:function name="tx:wrap" as="xs:string*">
    <xsl:param name="text" as="xs:string"/>
    <xsl:param name="width" as="xs:integer"/>
    <xsl:param name="lead" as="xs:string"/>
    <xsl:param name="rest" as="xs:string"/>
    <xsl:variable name="s" select="tx:token-string($text)"/>
    <xsl:choose>
      <xsl:when test="$s eq ''">
        <xsl:sequence select="replace($lead, '\s+$', '')[. ne '']"/>
      </xsl:when>
      <xsl:when test="$tx:cjk and matches($s, $ed:cjk)">
        <xsl:sequence select="tx:wrap-cjk($s, $width, $lead, $rest)"/>
      </xsl:when>
      <xsl:when test="string-length($lead) + string-length($s) le $width">
        <xsl:sequence select="$lead || $s"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="len" select="string-length($s)"/>
        <xsl:variable name="w2" select="$width - string-length($rest)"/>
        <!-- at most one line per character -->
        <xsl:iterate select="1 to $len">
          <xsl:param name="pos" as="xs:integer" select="1"/>
          <xsl:param name="w" as="xs:integer" select="$width - string-length($lead)"/>
          <xsl:param name="prefix" as="xs:string" select="$lead"/>
          <xsl:choose>
            <xsl:when test="$len - $pos lt $w">
              <xsl:sequence select="$prefix || substring($s, $pos)"/>
              <xsl:break/>
            </xsl:when>
            <xsl:otherwise>
              <!-- the last space in the next $w + 1 characters; else the end of this token
                   (searched in the next 1000 characters first: no copy of the rest) -->
              <xsl:variable name="k" select="index-of(string-to-codepoints(substring($s, $pos, $w + 1)), 32)[last()]"/>
              <xsl:variable name="n" select="if (exists($k)) then $k - 1
                  else (index-of(string-to-codepoints(substring($s, $pos, 1000)), 32)[1] - 1,
                        let $from := substring($s, $pos) return
                          if (contains($from, ' ')) then string-length(substring-before($from, ' ')) else string-length($from))[1]"/>
              <xsl:sequence select="$prefix || substring($s, $pos, $n)"/>
              <xsl:choose>
                <xsl:when test="$pos + $n gt $len">
                  <xsl:break/>
                </xsl:when>
                <xsl:otherwise>
                  <xsl:next-iteration>
                    <xsl:with-param name="pos" select="$pos + $n + 1"/>
                    <xsl:with-param name="w" select="$w2"/>
                    <xsl:with-param name="prefix" select="$rest"/>
                  </xsl:next-iteration>
                </xsl:otherwise>
              </xsl:choose>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:iterate>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- Columns a string takes on a terminal: a Chinese or Japanese character two. -->
  <xsl:function name="tx:columns" as="xs:integer">
    <xsl:param name="s" as="xs:string"/>
    <xsl:sequence select="if ($tx:cjk) then 2 * string-length($s) - string-length(replace($s, $ed:cjk, '')) else string-length($s)"/>
  </xsl:function>

  <!-- Greedy wrap of text holding Chinese or Japanese, which may break between any two of its
       characters (a closing mark stays with the character before it), and elsewhere at spaces;
       widths in columns. -->
  <xsl:function name="tx:wrap-cjk" as="xs:string*">
    <xsl:param name="s" as="xs:string"/>
    <xsl:param name="width" as="xs:integer"/>
    <xsl:param name="lead" as="xs:string"/>
    <xsl:param name="rest" as="xs:string"/>
    <xsl:variable name="units" select="analyze-string($s, $ed:cjk || '[、。，．：；！？）」』】〉》〕…]*| ')/*/string()"/>
    <xsl:iterate select="$units">
      <xsl:param name="line" as="xs:string" select="$lead"/>
      <xsl:param name="empty" as="xs:boolean" select="true()"/>
      <xsl:param name="space" as="xs:boolean" select="false()"/>
      <xsl:on-completion><xsl:sequence select="$line[not($empty)]"/></xsl:on-completion>
      <xsl:choose>
        <xsl:when test=". = ' '">
          <xsl:next-iteration><xsl:with-param name="space" select="true()"/></xsl:next-iteration>
        </xsl:when>
        <xsl:when test="$empty or tx:columns($line) + (if ($space) then 1 else 0) + tx:columns(.) le $width">
          <xsl:next-iteration>
            <xsl:with-param name="line" select="$line || (if ($space and not($empty)) then ' ' else '') || ."/>
            <xsl:with-param name="empty" select="false()"/>
            <xsl:with-param name="space" select="false()"/>
          </xsl:next-iteration>
        </xsl:when>
        <xsl:otherwise>
          <xsl:sequence select="$line"/>
          <xsl:next-iteration>
            <xsl:with-param name="line" select="$rest || ."/>
            <xsl:with-param name="empty" select="false()"/>
            <xsl:with-param name="space" select="false()"/>
          </xsl:next-iteration>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:iterate>
  </xsl:function>

  <!-- The lines of one block. -->
  <xsl:function name="tx:block-lines" as="xs:string*">
    <xsl:param name="b" as="map(*)"/>
    <xsl:param name="width" as="xs:integer"/>
    <xsl:variable name="indent" select="tx:spaces($b?indent)"/>
    <xsl:variable name="lines" select="tx:wrap($b?text, $width, $indent || $b?first, $indent || tx:spaces($b?hang))"/>
    <xsl:sequence select="$lines"/>
    <xsl:if test="exists($lines) and $b?underline ne ''">
      <xsl:variable name="longest" select="max(for $l in $lines return tx:columns($l)) - string-length($indent)"/>
      <xsl:sequence select="$indent || string-join(for $i in 1 to min(($longest, $width)) return $b?underline, '')"/>
    </xsl:if>
  </xsl:function>

  <!-- The whole text of a sequence of blocks: UTF-8 text, LF, one final LF. -->
  <xsl:function name="tx:layout" as="xs:string">
    <xsl:param name="blocks" as="map(*)*"/>
    <xsl:param name="width" as="xs:integer"/>
    <xsl:variable name="parts" as="xs:string*">
      <xsl:iterate select="$blocks">
        <xsl:param name="after-note" as="xs:boolean" select="false()"/>
        <xsl:variable name="note" select="?note = true()"/>
        <xsl:variable name="lines" select="tx:block-lines(., $width)"/>
        <xsl:if test="exists($lines)">
          <xsl:sequence select="(if (?tight and not($after-note and not($note))) then '&#10;' else '&#10;&#10;') || string-join($lines, '&#10;')"/>
        </xsl:if>
        <xsl:next-iteration>
          <xsl:with-param name="after-note" select="$note"/>
        </xsl:next-iteration>
      </xsl:iterate>
    </xsl:variable>
    <!-- every part holds a character other than a line feed: the leading line feeds are
         those of the first part -->
    <xsl:sequence select="string-join((replace($parts[1], '^&#10;+', ''), subsequence($parts, 2)), '') || '&#10;'"/>
  </xsl:function>

  <!-- A block (constructor used by every other stylesheet of the format). -->
  <xsl:function name="tx:b" as="map(*)">
    <xsl:param name="text" as="xs:string"/>
    <xsl:param name="indent" as="xs:integer"/>
    <xsl:param name="first" as="xs:string"/>
    <xsl:param name="hang" as="xs:integer"/>
    <xsl:param name="tight" as="xs:boolean"/>
    <xsl:sequence select="map{'text': $text, 'indent': $indent, 'first': $first, 'hang': $hang, 'tight': $tight}"/>
  </xsl:function>
</xsl:stylesheet>
