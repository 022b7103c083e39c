"""The report's XMP metadata packet: title, author, subject, language and dates, as assistive technology,
search tools and archives read them (they ignore, or only partly read, the older document information).

The same values as the PDF's document information (``ReportDocument`` sets both), written as an
uncompressed ``/Metadata`` stream of the catalogue. Every value is cleaned of characters XML cannot carry
and escaped, so any title a user types makes a well-formed packet.
"""

from __future__ import annotations

import datetime
import re

from reportlab.pdfbase.pdfdoc import XMP

from assessor.report.markup import one_line

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

_PACKET = """<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>{author}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{subject}</rdf:li></rdf:Alt></dc:description>
   <dc:language><rdf:Bag><rdf:li>{language}</rdf:li></rdf:Bag></dc:language>
   <pdf:Producer>{producer}</pdf:Producer>
   <xmp:CreatorTool>{creator}</xmp:CreatorTool>
   <xmp:CreateDate>{date}</xmp:CreateDate>
   <xmp:ModifyDate>{date}</xmp:ModifyDate>
   <xmp:MetadataDate>{date}</xmp:MetadataDate>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="r"?>"""


def xml_text(text: str) -> str:
    """``text`` on one line, without characters XML cannot carry, escaped for an element or attribute."""
    cleaned = _NOT_XML.sub("", one_line(text))
    return cleaned.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def xmp_packet(
    *, title: str, author: str, subject: str, language: str, creator: str, producer: str, iso_date: str
) -> str:
    """The XMP packet; ``iso_date`` (YYYY-MM-DD, else 2000-01-01, as the document information's date)."""
    try:
        day = datetime.date.fromisoformat(iso_date.strip())
    except ValueError:
        day = datetime.date(2000, 1, 1)
    return _PACKET.format(
        title=xml_text(title),
        author=xml_text(author),
        subject=xml_text(subject),
        language=xml_text(language),
        creator=xml_text(creator),
        producer=xml_text(producer),
        date=f"{day.isoformat()}T00:00:00Z",
    )


def metadata_stream(packet: str) -> XMP:
    """The catalogue's ``/Metadata`` stream holding ``packet``, uncompressed (as XMP readers expect)."""
    data = packet.encode("utf-8")  # XMP is UTF-8; a str would be written in PDFDocEncoding
    stream = XMP(creator=lambda _document: data)
    stream.filters = []
    return stream
