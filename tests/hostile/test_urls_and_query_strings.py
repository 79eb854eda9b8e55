"""Odd addresses: traversal, NUL bytes, broken encodings, long paths, redirects."""

import urllib.parse

import pytest
from django.test import Client

from tests.hostile.payloads import (
    INVALID_UTF8,
    MARKUP,
    assert_escaped,
    assert_safe_page,
)

SECRET = "CONTENTS-OUTSIDE-MEDIA"

TRAVERSALS = [
    "/media/../secret.txt",
    "/media/../../secret.txt",
    "/media/%2e%2e/secret.txt",
    "/media/%2E%2E%2Fsecret.txt",
    "/media/..%2fsecret.txt",
    "/media/..%5csecret.txt",
    "/media/....//secret.txt",
    "/media/%252e%252e/secret.txt",
    "/media//etc/passwd",
    "/media/%2Fetc%2Fpasswd",
    "/media/C:%5cWindows%5cwin.ini",
    "/media/%c0%ae%c0%ae/secret.txt",
    "/static/../secret.txt",
    "/static/..%2fsecret.txt",
    "/static/%2e%2e/%2e%2e/recoverysite/settings.py",
    "/static/recoverysite/../../recoverysite/settings.py",
    "/static/recoverysite/css/site.css%00.py",
    "/media/secret.txt%00.jpg",
]


@pytest.fixture
def media(settings, tmp_path):
    """/media/ served from a fresh folder, with a file in it and a secret beside it."""
    root = tmp_path / "media"
    root.mkdir()
    (root / "inside.txt").write_text("inside")
    (tmp_path / "secret.txt").write_text(SECRET)
    settings.MEDIA_ROOT = root
    return root


@pytest.mark.django_db
@pytest.mark.parametrize("path", TRAVERSALS)
def test_path_traversal_never_reads_outside_media_or_static(client, media, path):
    response = client.get(path)

    assert response.status_code in (400, 404)
    assert_safe_page(response, response.status_code)
    assert SECRET not in response.text
    assert "SECRET_KEY" not in response.text


@pytest.mark.django_db
def test_media_inside_its_folder_is_still_served(client, media):
    response = client.get("/media/inside.txt")

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"inside"


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/media/", "/media/%20", "/media/nope/"])
def test_media_folders_are_not_listed(client, media, path):
    response = client.get(path)

    assert_safe_page(response, 404)
    assert "inside.txt" not in response.text


NUL_PATHS = [
    "/%00",
    "/articles/%00/",
    "/articles/hope%00/",
    "/about/%00",
    "/events/webinar/calendar.ics%00",
    "/comments/received/%00/",
    "/comments/unsubscribe/x%00y/",
    "/admin/articles/article/%00/change/",
    "/search/%00",
    "/media/%00",
]


@pytest.mark.django_db
@pytest.mark.parametrize("path", NUL_PATHS)
def test_nul_in_the_path_is_a_designed_404(client, site, path):
    assert_safe_page(client.get(path), 404)


NUL_QUERIES = [
    "/?p=1%00",
    "/?page_id=%00",
    "/articles/?page=%00",
    "/events/?page=2%00",
    "/admin/login/?next=/admin/%00",
    "/feeds/articles/?x=%00",
    "/sitemap.xml?p=%00",
]


@pytest.mark.django_db
@pytest.mark.parametrize("path", NUL_QUERIES)
def test_nul_in_the_query_string_is_a_designed_400(client, site, path):
    assert_safe_page(client.get(path), 400)


BROKEN_PATH_TEMPLATES = [
    "/articles/{}/",
    "/{}/",
    "/about/{}/",
    "/tags/{}/",
    "/events/{}/",
    "/comments/received/{}/",
    "/media/{}",
]


@pytest.mark.django_db
@pytest.mark.parametrize("broken", INVALID_UTF8)
@pytest.mark.parametrize("template", BROKEN_PATH_TEMPLATES)
def test_invalid_utf8_in_the_path_is_not_found(client, site, media, template, broken):
    response = client.get(template.format(broken))

    assert_safe_page(response, 404)


QUERY_PAGES = ["/", "/articles/", "/events/", "/tags/recovery/", "/articles/hope/"]


@pytest.mark.django_db
@pytest.mark.parametrize("path", QUERY_PAGES)
@pytest.mark.parametrize(
    "query",
    [
        "page=-1",
        "page=abc",
        "page=99999999999999999999",
        "page=1e400",
        "page=%FF",
        "utm_source=<script>alert(1)</script>",
        "p=<script>",
        "p=²",
        "p=99999999999999999999999",
        "page_id=1 OR 1=1",
        "a" * 8000,
        "&&&===&&&",
        "x[]=1&x[]=2&x[y]=3",
    ],
)
def test_odd_query_strings_on_pages_are_harmless(client, site, path, query):
    response = client.get(f"{path}?{query}")

    assert response.status_code in (200, 404)
    assert_safe_page(response, response.status_code)
    assert "<script>alert(1)</script>" not in response.text


@pytest.mark.django_db
@pytest.mark.parametrize("payload", MARKUP)
def test_markup_in_an_unknown_address_is_not_reflected(client, site, payload):
    response = client.get("/articles/" + payload.replace("/", "%2F") + "/")

    assert_safe_page(response, 404)
    assert_escaped(response.text, payload, shown=False)
    assert "14" not in response.text.split('<main id="content"')[1]


@pytest.mark.django_db
@pytest.mark.parametrize("length", [300, 2000, 20000])
def test_very_long_addresses_are_not_found(client, site, length):
    assert_safe_page(client.get("/" + "a" * length + "/"), 404)
    assert_safe_page(client.get("/articles/" + "a" * length + "/"), 404)


# --- redirects stay on the site ------------------------------------------------

FOREIGN = [
    "https://evil.example/",
    "http://evil.example",
    "//evil.example/",
    "///evil.example/",
    "////evil.example/",
    "/\\evil.example/",
    "\\/evil.example/",
    "\\\\evil.example",
    "https:evil.example",
    "https:/evil.example",
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "http://testserver@evil.example/",
    "http://evil.example\\@testserver/",
    " //evil.example",
    "\t//evil.example",
    "/%09/evil.example",
    "%2F%2Fevil.example",
    "http://evil.example%23.testserver/",
]


def assert_stays_on_site(location, base="http://testserver/admin/login/"):
    """The address a browser goes to from ``location`` is on this site."""
    assert location == location.strip() and "\\" not in location, location
    target = urllib.parse.urlsplit(urllib.parse.urljoin(base, location))
    assert (target.scheme, target.netloc) == ("http", "testserver"), location


@pytest.mark.django_db
@pytest.mark.parametrize("next_url", FOREIGN)
def test_admin_login_never_redirects_to_another_site(django_user_model, next_url):
    django_user_model.objects.create_superuser("editor", "e@example.org", "pass-word-1")
    client = Client()

    response = client.post(
        "/admin/login/",
        {"username": "editor", "password": "pass-word-1", "next": next_url},
    )

    assert response.status_code == 302
    assert_stays_on_site(response["Location"])


@pytest.mark.django_db
@pytest.mark.parametrize("next_url", FOREIGN)
def test_admin_logout_never_redirects_to_another_site(staff_client, next_url):
    response = staff_client.post("/admin/logout/", {"next": next_url})

    assert response.status_code in (200, 302)
    if response.status_code == 302:
        assert_stays_on_site(response["Location"])
    else:
        assert 'href="' + next_url not in response.text


@pytest.mark.django_db
@pytest.mark.parametrize("next_url", FOREIGN)
def test_admin_pages_asking_for_login_keep_next_on_the_site(client, next_url):
    response = client.get("/admin/", {"next": next_url})

    assert response.status_code == 302
    assert_stays_on_site(response["Location"])


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "//evil.example",
        "//evil.example/",
        "///evil.example",
        "/%2Fevil.example",
        "/%5Cevil.example",
        "/\\evil.example",
        "/articles//evil.example",
        "//evil.example/%2E%2E",
    ],
)
def test_slash_appending_never_redirects_to_another_site(client, site, path):
    # Given as PATH_INFO: the test client would read "//host" as a host.
    response = client.get("/", PATH_INFO=urllib.parse.unquote(path))

    if response.status_code in (301, 302):
        assert_stays_on_site(response["Location"], base="http://testserver/")
    else:
        assert_safe_page(response, response.status_code)
        assert response.status_code in (400, 404)


CONTROL_CHARACTER_PATHS = [
    "/articles/a%00b/",
    "/articles/a%01b/",
    "/a%1bb/",
    "/tags/a%07/",
    "/events/%7f/",
]


@pytest.mark.django_db
@pytest.mark.parametrize("path", CONTROL_CHARACTER_PATHS)
def test_control_characters_in_the_path_are_never_echoed(client, site, path):
    response = client.get(path)

    text = response.content.decode()
    assert_safe_page(response, 404)
    assert not [c for c in text if ord(c) < 32 and c not in "\n\t" or ord(c) == 127]
