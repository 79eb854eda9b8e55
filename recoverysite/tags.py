"""
Tags that look the same are the same tag, and every tag has an address.

Editors type tags in the admin; "café" typed with a combining accent, in
fullwidth letters, in capitals or with a hidden space is the "café" already there.
"""

import unicodedata

from django.utils.text import slugify
from taggit.models import Tag
from taggit.utils import _parse_tags

from recoverysite.plain_text import visible_text
from recoverysite.slugs import unique_slug


def tag_name(name):
    """One spelling per tag: Unicode-normalised (NFKC), visible, on one line."""
    return " ".join(visible_text(unicodedata.normalize("NFKC", name)).split())


def parse_tags(text):
    """
    Taggit's parser (commas and quotes), then one spelling per tag: the spelling
    already stored when a tag differs from it only in case.
    """
    known = {
        name.casefold(): name for name in Tag.objects.values_list("name", flat=True)
    }
    names = {}
    for name in _parse_tags(text):
        name = tag_name(name)
        if name:
            names.setdefault(name.casefold(), known.get(name.casefold(), name))
    return sorted(names.values())


def give_tag_a_slug(sender, instance, **kwargs):
    """
    Tag slugs are ASCII (the <slug:> converter); a name with no Latin letter or
    digit ("日本語", "🌱") would get an empty slug and break every page linking it.
    """
    if not instance.slug:
        base = slugify(instance.name) or "tag"
        instance.slug = unique_slug(Tag.objects.exclude(pk=instance.pk), base, 100)
