"""An unpublish date takes an item off the site at that moment."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone
from django.utils.http import parse_http_date

from articles.models import Article
from events.models import Event
from pagecache.middleware import seconds_to_keep
from pages.models import Page
from search.sources import search
from tests.editorial.conftest import change_url, form_data
from tests.factories import make_article, make_event, make_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def expired(now):
    return make_article(
        title="Winter helpline hours",
        published_at=now - datetime.timedelta(days=10),
        unpublish_at=now - datetime.timedelta(minutes=1),
    )


@pytest.fixture
def expiring(now):
    return make_article(
        title="Spring helpline hours",
        published_at=now - datetime.timedelta(days=10),
        unpublish_at=now + datetime.timedelta(minutes=5),
    )


def test_published_rule_excludes_expired_items(expired, expiring, now):
    assert list(Article.objects.published()) == [expiring]
    assert not expired.is_published()
    assert expired.is_expired()
    assert expiring.is_published()
    assert list(Article.objects.expired()) == [expired]


@pytest.mark.parametrize("model, make", [(Page, make_page), (Event, make_event)])
def test_pages_and_events_follow_the_same_rule(model, make, now):
    obj = make(unpublish_at=now - datetime.timedelta(seconds=1))
    assert not model.objects.published().filter(pk=obj.pk).exists()
    assert not obj.is_published()


def test_expired_article_leaves_lists_feeds_sitemaps_and_search(
    client, expired, expiring
):
    for url in ["/", "/articles/", "/feeds/articles/", "/sitemap-articles.xml"]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "Winter helpline" not in response.text and (
            expired.slug not in response.text
        ), url
        assert "Spring helpline" in response.text or expiring.slug in response.text
    assert [r.title for r in search("helpline")] == ["Spring helpline hours"]


def test_expired_article_page_is_404_for_visitors_and_a_preview_for_staff(
    editor_client, expired
):
    assert Client().get(expired.get_absolute_url()).status_code == 404

    response = editor_client.get(expired.get_absolute_url())

    assert response.status_code == 200
    assert "Unpublished since" in response.text
    assert "no-store" in response["Cache-Control"]


def test_page_cache_keeps_a_page_no_longer_than_its_unpublish_date(
    client, settings, expiring
):
    settings.PAGE_CACHE_SECONDS = 600
    settings.BROWSER_CACHE_SECONDS = 600

    response = client.get(expiring.get_absolute_url())

    assert response.status_code == 200
    assert response["X-Page-Cache"] == "miss"
    assert parse_http_date(response["Expires"]) == int(
        expiring.unpublish_at.timestamp()
    )
    # Both the page cache and browsers keep it five minutes at most.
    assert 0 < seconds_to_keep(response, settings.PAGE_CACHE_SECONDS) <= 5 * 60
    max_age = int(response["Cache-Control"].split("max-age=")[1].split(",")[0])
    assert 0 < max_age <= 5 * 60


def test_unpublish_date_before_the_publication_date_is_refused_with_the_text_kept(
    editor_client, now
):
    article = make_article(published_at=now)
    earlier = timezone.localtime(now - datetime.timedelta(days=1))
    data = form_data(
        editor_client.get(change_url(article)),
        title="Kept title",
        unpublish_at_0=earlier.strftime("%Y-%m-%d"),
        unpublish_at_1=earlier.strftime("%H:%M:%S"),
    )

    response = editor_client.post(change_url(article), data)

    assert response.status_code == 200
    assert "The unpublish date must come after the publication date." in response.text
    assert 'value="Kept title"' in response.text
    article.refresh_from_db()
    assert article.unpublish_at is None


def test_change_list_and_form_say_scheduled_for_when(editor_client, now):
    moment = timezone.localtime(now).replace(
        hour=9, minute=0, second=0, microsecond=0
    ) + datetime.timedelta(days=3)
    article = make_article(title="Coming soon", published_at=moment)
    expected = "Scheduled for " + moment.strftime("%a %-d %b %Y, %-H:%M")

    listing = editor_client.get("/admin/articles/article/")
    form = editor_client.get(change_url(article))

    assert expected in listing.text
    assert expected in form.text


def test_change_list_filters_items_taken_down_by_date(editor_client, expired, expiring):
    response = editor_client.get("/admin/articles/article/?state=expired")
    assert "Winter helpline hours" in response.text
    assert "Spring helpline hours" not in response.text
    assert "Published until" in editor_client.get("/admin/articles/article/").text
