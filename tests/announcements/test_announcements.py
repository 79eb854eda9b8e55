import datetime
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from announcements.models import Announcement
from tests.factories import make_article

START = timezone.now().replace(microsecond=0) + datetime.timedelta(hours=1)
END = START + datetime.timedelta(hours=2)


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 6 * 3600


@pytest.fixture
def travel():
    """``travel(moment)``: the site's clock and the cache's clock read ``moment``."""
    patchers = []

    def to(moment):
        for patcher in patchers:
            patcher.stop()
        patchers[:] = [
            mock.patch("django.utils.timezone.now", return_value=moment),
            mock.patch("time.time", return_value=moment.timestamp()),
        ]
        for patcher in patchers:
            patcher.start()

    yield to
    for patcher in patchers:
        patcher.stop()


def visit(client):
    response = client.get("/articles/")
    assert response.status_code == 200
    return response


@pytest.mark.django_db(transaction=True)
def test_a_cached_page_shows_the_announcement_only_in_its_window(client, travel):
    make_article(title="An article")
    Announcement.objects.create(
        message="The helpline number changes on Monday.", starts_at=START, ends_at=END
    )
    travel(START - datetime.timedelta(minutes=30))
    before = visit(client)
    assert before["X-Page-Cache"] == "miss"
    assert "helpline number" not in before.text
    assert visit(client)["X-Page-Cache"] == "hit"

    travel(START + datetime.timedelta(seconds=1))
    during = visit(client)
    assert during["X-Page-Cache"] == "miss"
    assert "The helpline number changes on Monday." in during.text
    assert visit(client)["X-Page-Cache"] == "hit"

    travel(END + datetime.timedelta(seconds=1))
    after = visit(client)
    assert after["X-Page-Cache"] == "miss"
    assert "helpline number" not in after.text


@pytest.mark.django_db(transaction=True)
def test_a_new_announcement_refreshes_cached_pages_at_once(client):
    make_article(title="An article")
    assert visit(client)["X-Page-Cache"] == "miss"
    assert visit(client)["X-Page-Cache"] == "hit"

    Announcement.objects.create(
        message="We are closed for the holidays.",
        level=Announcement.Level.IMPORTANT,
        starts_at=timezone.now() - datetime.timedelta(minutes=1),
        ends_at=timezone.now() + datetime.timedelta(days=1),
    )
    response = visit(client)
    assert response["X-Page-Cache"] == "miss"
    assert 'class="announcement announcement-important"' in response.text
    assert "announcements/dismiss.js" in response.text


@pytest.mark.django_db
def test_the_page_expires_at_the_next_start_or_end(client, travel, settings):
    settings.BROWSER_CACHE_SECONDS = 3600
    Announcement.objects.create(message="Soon", starts_at=START, ends_at=END)
    travel(START - datetime.timedelta(minutes=10))
    response = visit(client)
    assert response["Expires"] == http_date(START)
    assert "max-age=600" in response["Cache-Control"]


def http_date(moment):
    from django.utils.http import http_date as format_date

    return format_date(moment.timestamp())


@pytest.mark.django_db
def test_pages_without_announcements_run_no_extra_expiry(client):
    response = visit(client)
    assert "Expires" not in response
    assert 'class="announcements"' not in response.text


def test_the_end_must_come_after_the_start():
    announcement = Announcement(message="Oops", starts_at=END, ends_at=START)
    with pytest.raises(ValidationError) as error:
        announcement.full_clean()
    assert "ends_at" in error.value.message_dict


def test_the_dismiss_key_changes_with_the_text():
    first = Announcement(pk=3, message="One", starts_at=START, ends_at=END)
    second = Announcement(pk=3, message="Two", starts_at=START, ends_at=END)
    assert first.dismiss_key != second.dismiss_key
