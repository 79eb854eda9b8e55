"""What browsers and shared caches are told: validators, 304s, Cache-Control, gzip."""

import datetime
import gzip

import pytest
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from django.utils.http import http_date

from recoverysite.publishing import Status
from tests.factories import make_article, make_event

ARTICLE_PAGES_FEEDS_AND_SITEMAPS = [
    "article",
    "/articles/",
    "/feeds/articles/",
    "/feeds/articles/atom/",
    "/events/feed/",
    "/sitemap.xml",
    "/sitemap-articles.xml",
]


@pytest.fixture(autouse=True)
def production_caching(settings):
    settings.PAGE_CACHE_SECONDS = 600
    settings.BROWSER_CACHE_SECONDS = 600


def address(path, article):
    return article.get_absolute_url() if path == "article" else path


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("path", ARTICLE_PAGES_FEEDS_AND_SITEMAPS)
def test_pages_feeds_and_sitemaps_answer_conditional_requests_with_304(path):
    article = make_article(tags=["hope"])
    make_event()
    url = address(path, article)
    visitor = Client()
    first = visitor.get(url)
    assert first.status_code == 200
    assert first["ETag"]
    assert first["Last-Modified"]

    again = visitor.get(url, headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304
    assert again.content == b""
    since = visitor.get(url, headers={"If-Modified-Since": first["Last-Modified"]})
    assert since.status_code == 304


@pytest.mark.django_db(transaction=True)
def test_a_changed_article_answers_200_to_an_old_validator():
    article = make_article(title="Before")
    visitor = Client()
    first = visitor.get(article.get_absolute_url())
    article.title = "After"
    article.save()

    response = visitor.get(
        article.get_absolute_url(),
        headers={
            "If-None-Match": first["ETag"],
            # The client's copy is a minute older than the change.
            "If-Modified-Since": http_date(
                (timezone.now() - datetime.timedelta(minutes=1)).timestamp()
            ),
        },
    )
    assert response.status_code == 200
    assert "After" in response.text


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/articles/", "article", "/feeds/articles/"])
def test_anonymous_pages_are_public_for_a_short_time_and_vary_on_cookie(client, path):
    article = make_article()
    response = client.get(address(path, article))
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=600"
    assert "Cookie" in response["Vary"]


@pytest.mark.django_db
def test_a_missing_page_is_public_too(client):
    response = client.get("/articles/no-such-article/")
    assert response.status_code == 404
    assert response["Cache-Control"] == "public, max-age=600"


@pytest.mark.django_db
def test_an_event_page_is_not_kept_past_its_next_change(client):
    event = make_event(
        start=timezone.now() + datetime.timedelta(minutes=16, seconds=30)
    )
    response = client.get(event.get_absolute_url())
    cache_control = response["Cache-Control"]
    assert cache_control.startswith("public, max-age=")
    # "Happening now" begins 15 minutes before the start: about 90 s from now.
    assert 80 <= int(cache_control.rsplit("=", 1)[1]) <= 90


@pytest.mark.django_db
def test_pages_for_signed_in_staff_are_private_and_never_stored(staff_client):
    article = make_article()
    for url in ("/", article.get_absolute_url()):
        cache_control = staff_client.get(url)["Cache-Control"]
        assert "private" in cache_control
        assert "no-store" in cache_control
        assert "public" not in cache_control


@pytest.mark.django_db
def test_a_draft_preview_is_private_and_never_stored(staff_client):
    draft = make_article(status=Status.DRAFT)
    response = staff_client.get(draft.get_absolute_url())
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_a_visitor_with_any_cookie_gets_a_private_page():
    article = make_article()
    remembered = Client()
    remembered.cookies["sessionid"] = "abc"
    response = remembered.get(article.get_absolute_url())
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    assert "X-Page-Cache" not in response


@pytest.mark.django_db
def test_html_is_gzipped_for_clients_that_accept_it_and_still_answers_304(client):
    article = make_article(body="<p>" + "Hope and recovery. " * 200 + "</p>")
    url = article.get_absolute_url()
    response = client.get(url, headers={"Accept-Encoding": "gzip"})
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    assert "Hope and recovery." in gzip.decompress(response.content).decode()
    # A compressed copy has a weak validator, which still matches.
    assert response["ETag"].startswith("W/")
    again = client.get(
        url, headers={"Accept-Encoding": "gzip", "If-None-Match": response["ETag"]}
    )
    assert again.status_code == 304

    plain = client.get(url)
    assert "Content-Encoding" not in plain


@pytest.fixture
def collected_static(settings, tmp_path):
    """Static files collected the production way: hashed, compressed."""
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {
            "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        },
    }
    settings.DEBUG = False
    call_command("collectstatic", interactive=False, verbosity=0)


@pytest.mark.django_db
def test_static_files_have_hashed_names_cached_for_a_year(collected_static):
    url = staticfiles_storage.url("recoverysite/css/site.css")
    assert url != "/static/recoverysite/css/site.css"
    visitor = Client()
    response = visitor.get(url, headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    cache_control = response["Cache-Control"]
    assert "immutable" in cache_control
    assert int(cache_control.split("max-age=")[1].split(",")[0]) >= 365 * 24 * 3600
