"""Every response carries the security headers: pages, errors and cached pages."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import make_article, make_event

pytestmark = pytest.mark.urls("tests.recoverysite.security_urls")

EXPECTED_POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self' 'sha256-PlumsSlvJ7vvWzjqibGAYKq92O3y/4JTxWWsWJvyUYA='",
    "img-src": "'self' data:",
    "media-src": "'self'",
    "connect-src": "'self'",
    "frame-src": "https://www.youtube-nocookie.com https://player.vimeo.com",
    "object-src": "'none'",
    "base-uri": "'none'",
    "frame-ancestors": "'none'",
    "form-action": "'self'",
}


def policy(response):
    """The Content-Security-Policy header as {directive: sources}."""
    directives = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, _, sources = part.strip().partition(" ")
        directives[name] = sources
    return directives


def assert_security_headers(response):
    assert policy(response) == EXPECTED_POLICY
    permissions = response["Permissions-Policy"]
    for feature in (
        "camera",
        "microphone",
        "geolocation",
        "browsing-topics",
        "interest-cohort",
    ):
        assert f"{feature}=()" in permissions
    # The recording player may still go full screen once a visitor presses play.
    assert "fullscreen" not in permissions and "autoplay" not in permissions
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
def test_a_page_carries_every_security_header(client):
    response = client.get(reverse("home"))

    assert response.status_code == 200
    assert_security_headers(response)


@pytest.mark.django_db
def test_the_404_page_carries_every_security_header(client):
    response = client.get("/no-such-page/nowhere/")

    assert response.status_code == 404
    assert_security_headers(response)


@pytest.mark.django_db
def test_the_500_page_carries_every_security_header():
    response = Client(raise_request_exception=False).get("/test-broken/")

    assert response.status_code == 500
    assert "Something went wrong on our side" in response.text
    assert_security_headers(response)


@pytest.mark.django_db(transaction=True)
def test_a_cached_page_gets_the_same_headers_as_a_fresh_one(client, settings):
    settings.PAGE_CACHE_SECONDS = 600
    article = make_article()

    fresh = client.get(article.get_absolute_url())
    cached = client.get(article.get_absolute_url())

    assert (fresh["X-Page-Cache"], cached["X-Page-Cache"]) == ("miss", "hit")
    assert_security_headers(fresh)
    assert_security_headers(cached)
    # Public pages use no nonce, so a stored copy holds none to replay.
    assert "nonce" not in fresh["Content-Security-Policy"]
    assert "nonce" not in cached.content.decode()


@pytest.mark.django_db(transaction=True)
def test_a_page_that_uses_the_nonce_is_never_stored(client, settings):
    settings.PAGE_CACHE_SECONDS = 600

    first = client.get("/test-nonce/")
    second = client.get("/test-nonce/")

    assert "X-Page-Cache" not in first and "X-Page-Cache" not in second
    assert "private" in first["Cache-Control"]
    nonces = [
        re.search(r'nonce="([^"]+)"', response.text).group(1)
        for response in (first, second)
    ]
    assert nonces[0] != nonces[1]
    assert f"'nonce-{nonces[1]}'" in policy(second)["script-src"]


@pytest.mark.django_db
def test_json_ld_blocks_need_no_nonce(client, now):
    event = make_event()

    response = client.get(event.get_absolute_url())

    assert '<script type="application/ld+json">' in response.text
    assert policy(response)["script-src"] == "'self'"


@pytest.mark.django_db
def test_the_rich_text_editor_import_map_carries_the_pages_nonce(staff_client):
    response = staff_client.get(reverse("admin:articles_article_add"))

    nonce = re.search(r"'nonce-([^']+)'", policy(response)["script-src"]).group(1)
    assert f'<script type="importmap" nonce="{nonce}">' in response.text
    # Every other script of the form is a file from the site itself.
    inline = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", response.text)
    assert inline == [f'<script type="importmap" nonce="{nonce}">']
