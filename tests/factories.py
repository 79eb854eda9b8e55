"""Plain functions that make test objects with sensible defaults."""

import datetime
import itertools
from io import BytesIO

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from articles.models import Article
from events.models import Event, EventPresenter, EventSeries, Presenter
from images.models import Image as LibraryImage
from pages.models import Page
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


def make_image(file=None, **kwargs):
    """A picture in the image library, stored and with its renditions made."""
    number = next(_numbers)
    kwargs.setdefault("alt", f"Picture {number}")
    image = LibraryImage(**kwargs)
    image.store(file or make_image_file())
    image.save()
    return image


def make_presenter(**kwargs):
    number = next(_numbers)
    kwargs.setdefault("name", f"Presenter {number}")
    kwargs.setdefault("role", "Peer support trainer")
    kwargs.setdefault("affiliation", f"Collective {number}")
    kwargs.setdefault("short_bio", f"Short bio of presenter {number}.")
    kwargs.setdefault("bio", f"<p>Full bio of presenter {number}.</p>")
    return Presenter.objects.create(**kwargs)


def make_event(**kwargs):
    """A published online event a week ahead; ``presenters`` may hold
    presenters or (presenter, role) pairs, in order."""
    number = next(_numbers)
    presenters = kwargs.pop("presenters", [])
    tags = kwargs.pop("tags", [])
    kwargs.setdefault("title", f"Event {number}")
    kwargs.setdefault("summary", f"Summary of event {number}.")
    kwargs.setdefault("description", f"<p>Description of event {number}.</p>")
    kwargs.setdefault("status", Status.PUBLISHED)
    kwargs.setdefault("published_at", timezone.now() - datetime.timedelta(days=30))
    kwargs.setdefault("start", timezone.now() + datetime.timedelta(days=7))
    kwargs.setdefault("end", kwargs["start"] + datetime.timedelta(minutes=90))
    kwargs.setdefault("time_zone", "America/Los_Angeles")
    event = Event.objects.create(**kwargs)
    for order, presenter in enumerate(presenters):
        presenter, role = (
            presenter if isinstance(presenter, tuple) else (presenter, "presenter")
        )
        EventPresenter.objects.create(
            event=event, presenter=presenter, role=role, order=order
        )
    if tags:
        event.tags.set(tags)
    return event


def make_series(**kwargs):
    """A published weekly series on Tuesdays at 18:00 in London, from next week,
    with its meetings made."""
    number = next(_numbers)
    today = timezone.localdate(timezone.now(), datetime.UTC)
    kwargs.setdefault("title", f"Series {number}")
    kwargs.setdefault("summary", f"Summary of series {number}.")
    kwargs.setdefault("description", f"<p>Description of series {number}.</p>")
    kwargs.setdefault("time_zone", "Europe/London")
    kwargs.setdefault("first_date", today + datetime.timedelta(days=7))
    kwargs.setdefault("start_time", datetime.time(18, 0))
    kwargs.setdefault("rule", "FREQ=WEEKLY;BYDAY=TU;COUNT=3")
    kwargs.setdefault("status", Status.PUBLISHED)
    kwargs.setdefault("published_at", timezone.now() - datetime.timedelta(days=30))
    series = EventSeries.objects.create(**kwargs)
    series.update_occurrences()
    return series
