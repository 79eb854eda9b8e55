"""Plain functions that make test objects with sensible defaults."""

import datetime
import itertools
from io import BytesIO

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from articles.models import Article
from recoverysite.models import Page
from recoverysite.publishing import Status

_numbers = itertools.count(1)


def make_user(**kwargs):
    number = next(_numbers)
    kwargs.setdefault("username", f"user{number}")
    kwargs.setdefault("display_name", f"Writer {number}")
    return get_user_model().objects.create_user(**kwargs)


def make_article(**kwargs):
    number = next(_numbers)
    tags = kwargs.pop("tags", [])
    kwargs.setdefault("title", f"Article {number}")
    kwargs.setdefault("summary", f"Summary of article {number}.")
    kwargs.setdefault("body", f"<p>Body of article {number}.</p>")
    kwargs.setdefault("status", Status.PUBLISHED)
    kwargs.setdefault("published_at", timezone.now() - datetime.timedelta(hours=number))
    article = Article.objects.create(**kwargs)
    if tags:
        article.tags.set(tags)
    return article


def make_page(**kwargs):
    number = next(_numbers)
    kwargs.setdefault("title", f"Page {number}")
    kwargs.setdefault("body", f"<p>Body of page {number}.</p>")
    kwargs.setdefault("status", Status.PUBLISHED)
    kwargs.setdefault("published_at", timezone.now() - datetime.timedelta(hours=1))
    return Page.objects.create(**kwargs)


def make_image_file(name="picture.jpg", size=(1600, 900), image_format="JPEG"):
    output = BytesIO()
    Image.new("RGB", size, "#5b7f95").save(output, image_format)
    return SimpleUploadedFile(name, output.getvalue(), content_type="image/jpeg")
