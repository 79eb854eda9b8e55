"""
Tags that look the same are the same tag, and every tag has an address.

Editors type tags in the admin; "café" typed with a combining accent, in
fullwidth letters, in capitals or with a hidden space is the "café" already there.
"""

import csv
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext as _
from taggit.forms import TagField as TaggitTagField
from taggit.forms import TagWidget
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


def tags_from_string(text):
    """
    Tags are separated by commas only, so "peer support" typed alone is one tag;
    a name with a comma in it is written in quotes. A quote left open is a
    slip, not the start of a name that runs to the end.
    """
    if text.count('"') % 2:
        text = text.replace('"', "")
    rows = csv.reader([" ".join(text.splitlines())], skipinitialspace=True)
    return sorted({name.strip() for name in next(rows, []) if name.strip()})


def string_from_tags(tags):
    """The tags as the tag box shows them: "hope, peer support"."""
    names = sorted(tag.name for tag in tags)
    return ", ".join(f'"{name}"' if "," in name else name for name in names)


class TagInput(TagWidget):
    """A tag box offering the existing tags while typing (tag_input.js)."""

    template_name = "recoverysite/widgets/tag_input.html"

    class Media:
        js = ["recoverysite/admin/tag_input.js"]

    def get_context(self, name, value, attrs):
        attrs = {
            **(attrs or {}),
            "list": f"{attrs['id']}_suggestions",
            "autocomplete": "off",
            "data-tag-suggestions": "",
        }
        context = super().get_context(name, value, attrs)
        context["widget"]["suggestions"] = Tag.objects.order_by("name").values_list(
            "name", flat=True
        )
        return context


class TagField(TaggitTagField):
    """Taggit's tag input (commas, and quotes), one spelling per tag."""

    widget = TagInput

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
