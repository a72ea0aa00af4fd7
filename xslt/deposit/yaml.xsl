<?xml version="1.0" encoding="UTF-8"?>
<!-- A string as a YAML double-quoted scalar: backslash, quote and control characters escaped. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:dep="urn:x-edition:deposit"
    exclude-result-prefixes="#all">

  <xsl:function name="dep:yaml" as="xs:string">
    <xsl:param name="value" as="xs:string?"/>
    <xsl:variable name="escaped" select="string-join(
      for $c in string-to-codepoints(string($value)) return
        if ($c = 92) then '\\'
        else if ($c = 34) then '\&quot;'
        else if ($c = 10) then '\n'
        else if ($c = 9) then '\t'
        else if ($c lt 32 or $c = 127 or ($c ge 128 and $c le 159) or $c = (8232, 8233, 65279))
          then '\u' || dep:hex4($c)
        else codepoints-to-string($c), '')"/>
    <xsl:sequence select="'&quot;' || $escaped || '&quot;'"/>
  </xsl:function>

  <xsl:function name="dep:hex4" as="xs:string">
    <xsl:param name="n" as="xs:integer"/>
    <xsl:variable name="digits" select="'0123456789ABCDEF'"/>
    <xsl:sequence select="string-join(for $d in (4096, 256, 16, 1) return
      substring($digits, ($n idiv $d) mod 16 + 1, 1), '')"/>
  </xsl:function>
</xsl:stylesheet>
