from django import template
from django.utils.html import format_html

from recoverysite.renditions import get_rendition

register = template.Library()


@register.simple_tag
def image(field_file, spec_name, alt, loading="lazy", css_class=""):
    """An ``<img>`` of the rendition, or nothing when the image cannot be used."""
    rendition = get_rendition(field_file, spec_name)
    if rendition is None:
        return ""
    return format_html(
        '<img src="{}" width="{}" height="{}" alt="{}" loading="{}" decoding="async"'
        ' class="{}">',
        rendition.url,
        rendition.width,
        rendition.height,
        alt,
        loading,
        css_class,
    )


@register.simple_tag
def rendition(field_file, spec_name):
    """The rendition itself (url, width, height), e.g. for social-media tags."""
    return get_rendition(field_file, spec_name)
