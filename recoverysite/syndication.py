"""
Django's feed classes, made safe for any stored text.

XML 1.0 has no way to write most control characters (a vertical tab pasted from a
word processor, an escape code in an imported comment); Django refuses to write a
feed containing one. These classes leave such characters out instead, so one odd
title never takes a whole feed down.
"""

import re

from django.contrib.syndication import views
from django.utils import feedgenerator
from django.utils.functional import Promise

NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(value):
    """``value`` without the characters XML 1.0 cannot carry, in nested lists too."""
    if isinstance(value, str | Promise):
        return NOT_XML.sub("", str(value))
    if isinstance(value, list | tuple):
        return type(value)(xml_text(item) for item in value)
    return value


class XMLTextMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(
            *[xml_text(arg) for arg in args],
            **{name: xml_text(value) for name, value in kwargs.items()},
        )

    def add_item(self, *args, **kwargs):
        super().add_item(
            *[xml_text(arg) for arg in args],
            **{name: xml_text(value) for name, value in kwargs.items()},
        )


class Rss201rev2Feed(XMLTextMixin, feedgenerator.Rss201rev2Feed):
    pass


class Atom1Feed(XMLTextMixin, feedgenerator.Atom1Feed):
    pass


class Feed(views.Feed):
    feed_type = Rss201rev2Feed
