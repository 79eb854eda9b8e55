import html

from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from recoverysite.rich_text import ATTRIBUTE, IMG_TAG

register = template.Library()


def srcset(files):
    return ", ".join(f"{file.url} {file.width}w" for file in files)


def picture(image, spec_name, alt=None, loading="lazy", css_class=""):
    """
    ``<picture>`` with a WebP source and a JPEG/PNG ``<img>`` that has its width
    and height, or "" when the image cannot be used.
    """
    if image is None:
        return ""
    found = image.rendition(spec_name)
    if found is None:
        return ""
    sizes = found.spec.sizes
    source = ""
    if found.webp:
        source = format_html(
            '<source type="image/webp" srcset="{}" sizes="{}">',
            srcset(found.webp),
            sizes,
        )
    largest = found.largest
    return format_html(
        '<picture>{}<img src="{}" srcset="{}" sizes="{}" width="{}" height="{}"'
        ' alt="{}" loading="{}" decoding="async"{}></picture>',
        source,
        largest.url,
        srcset(found.fallback),
        sizes,
        largest.width,
        largest.height,
        image.alt if alt is None else alt,
        loading,
        format_html(' class="{}"', css_class) if css_class else "",
    )


@register.simple_tag
def image(image, spec_name, alt=None, loading="lazy", css_class=""):
    """A library image as a responsive ``<picture>``; its own alt text by default."""
    return picture(image, spec_name, alt, loading, css_class)


@register.simple_tag
def rendition(image, spec_name):
    """The rendition itself (url, width, height), e.g. for social-media tags."""
    return image.rendition(spec_name) if image else None


@register.filter
def responsive_images(text):
    """
    Sanitised rich text with each library picture as a responsive ``<picture>``
    (sizes, WebP, lazy loading), found with one query for the whole text.
    """
    from images.models import Image

    text = str(text or "")
    tags = IMG_TAG.findall(text)
    if not tags:
        return mark_safe(text)  # noqa: S308 - sanitised on save
    prefix = settings.MEDIA_URL
    wanted = {}
    for tag in tags:
        attrs = dict(ATTRIBUTE.findall(tag))
        src = html.unescape(attrs.get("src", ""))
        if src.startswith(prefix):
            wanted[tag] = (
                src.removeprefix(prefix),
                html.unescape(attrs.get("alt", "")),
            )
    images = {
        image.file.name: image
        for image in Image.objects.filter(
            file__in=[name for name, _ in wanted.values()]
        )
    }

    def replace(match):
        tag = match.group(0)
        name, alt = wanted.get(tag, ("", ""))
        library_image = images.get(name)
        return picture(library_image, "detail", alt) or tag

    return mark_safe(IMG_TAG.sub(replace, text))  # noqa: S308 - sanitised on save


@register.simple_tag
def image_credit(image):
    """“Photo: …” under a featured image, when the library has a credit."""
    if image is None or not image.credit:
        return ""
    return format_html('<figcaption class="credit">{}</figcaption>', image.credit)
