"""Demo site texts, pages and the site owner; run by ``manage.py load_demo_content``."""

import random
from io import BytesIO

from django.conf import settings
from django.core.files.base import ContentFile
from PIL import Image, ImageDraw, ImageFilter

from demo import texts
from images.models import Image as LibraryImage
from pages.models import Page
from recoverysite.models import SiteSettings, User
from recoverysite.publishing import Status

OWNER_USERNAME = "ron"


def load(command):
    owner, _created = User.objects.get_or_create(
        username=OWNER_USERNAME,
        defaults={"display_name": "Ron", "first_name": "Ron", "slug": "ron"},
    )
    if _created:
        owner.set_unusable_password()
        owner.save()
    pages = load_pages()
    site = SiteSettings.load()
    site.name = texts.SITE["name"]
    site.tagline = texts.SITE["tagline"]
    site.welcome = texts.SITE["welcome"]
    site.footer_text = texts.SITE["footer"]
    site.crisis_notice = texts.SITE["crisis_notice"]
    site.start_page = pages["questions-and-answers"]
    site.comment_guidelines = pages["comment-guidelines"]
    site.privacy_page = pages["privacy"]
    site.save()
    command.stdout.write(f"Site settings and {len(pages)} pages ready.")


def load_pages():
    pages = {}
    # Parents first, so children can point at them.
    for text in sorted(texts.PAGES, key=lambda page: page["parent"] is not None):
        parent = pages.get(text["parent"]) if text["parent"] else None
        page, _created = Page.objects.get_or_create(
            slug=text["slug"],
            parent=parent,
            defaults={
                "title": text["title"],
                # The privacy page states the site's own retention periods.
                "body": text["body"]
                .replace("IP_RETENTION_DAYS", str(settings.COMMENTS_IP_RETENTION_DAYS))
                .replace(
                    "REGISTRATION_RETENTION_DAYS",
                    str(settings.REGISTRATION_RETENTION_DAYS),
                ),
                "menu_order": text["menu_order"],
                "show_in_menu": text["show_in_menu"],
                "status": Status.PUBLISHED,
            },
        )
        pages[text["slug"]] = page
    return pages


def draw_image(palette, seed, size=(1600, 900)):
    """A calm abstract picture (soft gradient and circles) as JPEG content."""
    rng = random.Random(seed)
    start, end = (
        Image.new("RGB", (1, 1), colour).getpixel((0, 0)) for colour in palette
    )
    # Drawn and blurred at a quarter of the size, then enlarged: soft anyway, and
    # many times faster than blurring the full picture.
    small = (size[0] // 4, size[1] // 4)
    width, height = small
    gradient = Image.linear_gradient("L").resize(small)
    image = Image.composite(
        Image.new("RGB", small, end), Image.new("RGB", small, start), gradient
    )
    overlay = Image.new("RGBA", small, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    for _ in range(7):
        radius = rng.randint(height // 8, height // 2)
        x, y = rng.randint(0, width), rng.randint(0, height)
        shade = rng.choice([(255, 255, 255, 46), (255, 255, 255, 28), (0, 0, 0, 18)])
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=shade)
    image = Image.alpha_composite(
        image.convert("RGBA"), overlay.filter(ImageFilter.GaussianBlur(6))
    )
    image = image.convert("RGB").resize(size, Image.Resampling.BICUBIC)
    output = BytesIO()
    image.save(output, "JPEG", quality=85)
    return ContentFile(output.getvalue())


def library_image(content, name, alt):
    """A demo picture stored in the image library, found again on later runs."""
    found = LibraryImage.objects.filter(original_name=name).first()
    if found is not None:
        return found
    image = LibraryImage(alt=alt)
    content.name = name
    image.store(content)
    image.save()
    return image
