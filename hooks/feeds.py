"""An RSS 2.0 feed of one language's newest essays. Pure: no MkDocs imports.

Built with ElementTree, so every title and summary is XML-escaped by the
serializer, not by hand. Dates are the essays' own, so a feed changes only
when its essays do (no build time in it).
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date, datetime, time
from email.utils import format_datetime

from library import TIMEZONE  # essays are published at midnight in Norway

ATOM = "http://www.w3.org/2005/Atom"


@dataclass(frozen=True)
class Channel:
    title: str
    link: str  # the language's home page, absolute
    self_url: str  # the feed's own absolute URL
    description: str
    language: str  # nb, sv, da


@dataclass(frozen=True)
class Item:
    title: str
    url: str  # absolute; also the guid
    published: date
    summary: str
    categories: tuple[str, ...] = ()


def rfc822(day: date) -> str:
    """An essay's date as RSS writes it: midnight in Norway.

    ``Fri, 14 Mar 2025 00:00:00 +0100``
    """
    return format_datetime(datetime.combine(day, time(), TIMEZONE))


def rss(channel: Channel, items: list[Item]) -> bytes:
    """The feed as UTF-8 XML; *items* newest first."""
    ET.register_namespace("atom", ATOM)
    root = ET.Element("rss", version="2.0")
    head = ET.SubElement(root, "channel")
    ET.SubElement(head, "title").text = channel.title
    ET.SubElement(head, "link").text = channel.link
    ET.SubElement(head, "description").text = channel.description
    ET.SubElement(head, "language").text = channel.language
    ET.SubElement(
        head,
        f"{{{ATOM}}}link",
        href=channel.self_url,
        rel="self",
        type="application/rss+xml",
    )
    if items:
        ET.SubElement(head, "lastBuildDate").text = rfc822(max(i.published for i in items))
    for item in items:
        entry = ET.SubElement(head, "item")
        ET.SubElement(entry, "title").text = item.title
        ET.SubElement(entry, "link").text = item.url
        ET.SubElement(entry, "guid", isPermaLink="true").text = item.url
        ET.SubElement(entry, "pubDate").text = rfc822(item.published)
        # Readers take a description as HTML; the summary is text, so it is
        # HTML-escaped here (and XML-escaped again by the serializer).
        ET.SubElement(entry, "description").text = html.escape(item.summary, quote=False)
        for category in item.categories:
            ET.SubElement(entry, "category").text = category
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"
