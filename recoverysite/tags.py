"""
Tags that look the same are the same tag, and every tag has an address.

Editors type tags in the admin; "café" typed with a combining accent, in
fullwidth letters, in capitals or with a hidden space is the "café" already there.
"""

import unicodedata

from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext as _
from taggit.forms import TagField as TaggitTagField
from taggit.models import Tag

from recoverysite.plain_text import visible_text
from recoverysite.slugs import unique_slug


def tag_name(name):
    """One spelling per tag: Unicode-normalised (NFKC), visible, on one line."""
    return " ".join(visible_text(unicodedata.normalize("NFKC", name)).split())


def one_spelling_each(names):
    """
    Each name with one spelling (``tag_name``), and the spelling already stored
    when a tag differs from it only in case.
    """
    known = {
        name.casefold(): name for name in Tag.objects.values_list("name", flat=True)
    }
    spelled = {}
    for name in names:
        name = tag_name(name)
        if name:
            spelled.setdefault(name.casefold(), known.get(name.casefold(), name))
    return sorted(spelled.values())


class TagField(TaggitTagField):
    """Taggit's tag input (commas and quotes), one spelling per tag."""

    def clean(self, value):
        names = one_spelling_each(super().clean(value))
        # The database holds a tag name of at most this length; longer is a
        # form error here, not a failed save on PostgreSQL.
        longest = Tag._meta.get_field("name").max_length
        too_long = [name for name in names if len(name) > longest]
        if too_long:
            raise ValidationError(
                _("A tag can be at most %(limit)d characters long: “%(tag)s…”.")
                % {"limit": longest, "tag": too_long[0][:30]},
                code="tag_too_long",
            )
        return names


def give_tag_a_slug(sender, instance, **kwargs):
    """
    Tag slugs are ASCII (the <slug:> converter); a name with no Latin letter or
    digit ("日本語", "🌱") would get an empty slug and break every page linking it.
    """
    if not instance.slug:
        base = slugify(instance.name) or "tag"
        instance.slug = unique_slug(Tag.objects.exclude(pk=instance.pk), base, 100)
