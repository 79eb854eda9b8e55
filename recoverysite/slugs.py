"""Slugs that stay unique without asking the editor to invent one."""

from django.utils.text import slugify


def unique_slug(queryset, text, max_length=200):
    """A slug from ``text`` not yet used in ``queryset``: "hope", "hope-2", …"""
    base = slugify(text)[:max_length].strip("-") or "item"
    slug, number = base, 2
    while queryset.filter(slug=slug).exists():
        suffix = f"-{number}"
        slug = f"{base[: max_length - len(suffix)]}{suffix}"
        number += 1
    return slug
