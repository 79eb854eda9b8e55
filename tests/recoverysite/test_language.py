"""The site speaks the language its LANGUAGE_CODE names, and the committed
compiled catalogue matches its source, so a fresh machine without gettext
serves the same words a translator wrote."""

import datetime
import shutil
import subprocess
import zoneinfo

import pytest
from django.conf import settings
from django.test import Client

from tests.factories import make_article, make_event

CATALOGUE = settings.BASE_DIR / "locale" / "es" / "LC_MESSAGES"


@pytest.mark.django_db
def test_the_default_site_is_english(client):
    response = client.get("/")
    page = response.content.decode()
    assert '<html lang="en">' in page
    assert "Skip to content" in page
    assert response["Content-Language"] == "en"


@pytest.mark.django_db
def test_a_site_set_to_spanish_serves_spanish_pages(client, settings):
    settings.LANGUAGE_CODE = "es"
    page = client.get("/").content.decode()
    assert '<html lang="es">' in page
    assert "Saltar al contenido" in page
    assert "Skip to content" not in page


@pytest.mark.skipif(
    shutil.which("msgfmt") is None, reason="msgfmt (GNU gettext) is not installed"
)
@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_the_committed_mo_file_is_compiled_from_the_po_file(tmp_path, domain):
    compiled = tmp_path / f"{domain}.mo"
    subprocess.run(
        ["msgfmt", "--check-format", "-o", compiled, CATALOGUE / f"{domain}.po"],
        check=True,
        timeout=20,
    )
    assert compiled.read_bytes() == (CATALOGUE / f"{domain}.mo").read_bytes(), (
        f"locale/es/LC_MESSAGES/{domain}.mo is out of date: run `make messages`"
    )


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_the_catalogue_has_no_fuzzy_entries(domain):
    source = (CATALOGUE / f"{domain}.po").read_text()
    assert "#, fuzzy" not in source and ", fuzzy" not in source


def visitor(language=None):
    client = Client()
    if language:
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client


@pytest.mark.django_db(transaction=True)
def test_each_language_is_served_from_the_page_cache_at_the_same_address(settings):
    settings.PAGE_CACHE_SECONDS = 600
    article = make_article(title="Sleep after a hard week")
    url = article.get_absolute_url()
    spanish, english = visitor("es"), visitor()

    assert spanish.get(url)["X-Page-Cache"] == "miss"
    assert english.get(url)["X-Page-Cache"] == "miss"
    spanish_again, english_again = visitor("es").get(url), visitor().get(url)

    assert spanish_again["X-Page-Cache"] == "hit"
    assert '<html lang="es">' in spanish_again.text
    assert "Saltar al contenido" in spanish_again.text
    assert spanish_again["Content-Language"] == "es"
    # Browsers and shared caches keep it too, apart from the English copy.
    assert "public" in spanish_again["Cache-Control"]
    assert "Cookie" in spanish_again["Vary"]
    assert english_again["X-Page-Cache"] == "hit"
    assert '<html lang="en">' in english_again.text
    assert "Skip to content" in english_again.text
    assert english_again["Content-Language"] == "en"


@pytest.mark.django_db(transaction=True)
def test_a_visitor_on_a_spanish_site_may_choose_english(settings):
    settings.PAGE_CACHE_SECONDS = 600
    settings.LANGUAGE_CODE = "es"
    assert "Saltar al contenido" in visitor().get("/").text
    assert "Skip to content" in visitor("en").get("/").text
    assert visitor("en").get("/")["X-Page-Cache"] == "hit"


@pytest.mark.django_db
def test_an_unknown_language_cookie_gets_the_site_language(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "xx"
    assert '<html lang="en">' in client.get("/").text


@pytest.mark.django_db
def test_the_footer_switch_links_to_the_other_language_named_in_itself(client):
    page = client.get("/articles/?page=1").text
    assert (
        '<a href="/language/es/?next=/articles/%3Fpage%3D1" lang="es" hreflang="es"'
        ' rel="nofollow">Español</a>'
    ) in page
    assert '<span lang="en" aria-current="true">English</span>' in page


@pytest.mark.django_db
def test_the_switch_remembers_the_choice_and_goes_back_to_the_page(client):
    response = client.get("/language/es/", {"next": "/articles/?page=2"})
    assert response.status_code == 302
    assert response["Location"] == "/articles/?page=2"
    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie.value == "es"
    assert cookie["max-age"] == 365 * 24 * 60 * 60
    assert cookie["httponly"]
    assert "no-store" in response["Cache-Control"]

    page = client.get("/articles/").text
    assert '<html lang="es">' in page
    assert '<span lang="es" aria-current="true">Español</span>' in page
    assert '<a href="/language/en/?next=/articles/" lang="en"' in page


@pytest.mark.django_db
def test_the_switch_never_sends_a_visitor_to_another_site(client):
    response = client.get("/language/es/", {"next": "https://example.com/"})
    assert response["Location"] == "/"


@pytest.mark.django_db
def test_the_switch_knows_only_the_sites_languages(client):
    assert client.get("/language/fr/").status_code == 404
    assert settings.LANGUAGE_COOKIE_NAME not in client.get("/language/fr/").cookies


@pytest.mark.django_db
def test_dates_and_event_times_are_written_the_spanish_way(client):
    madrid = zoneinfo.ZoneInfo("Europe/Madrid")
    article = make_article(
        published_at=datetime.datetime(2025, 3, 6, 12, 0, tzinfo=madrid)
    )
    event = make_event(
        start=datetime.datetime(2030, 3, 1, 18, 0, tzinfo=madrid),
        end=datetime.datetime(2030, 3, 1, 19, 30, tzinfo=madrid),
        time_zone="Europe/Madrid",
    )
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"

    assert ">6 de marzo de 2025</time>" in client.get(article.get_absolute_url()).text
    assert "viernes 1 de marzo de 2030, 18:00–19:30 CET" in (
        client.get(event.get_absolute_url()).text
    )
    assert "Artículos de marzo de 2025" in client.get("/articles/2025/03/").text

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert ">March 6, 2025</time>" in client.get(article.get_absolute_url()).text
    assert "Friday, March 1, 2030, 6:00–7:30 PM CET" in (
        client.get(event.get_absolute_url()).text
    )


@pytest.mark.django_db
def test_search_results_and_the_comment_form_speak_spanish_too(client):
    article = make_article(title="Hope after a hard week")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"

    results = client.get("/search/", {"q": "hope"}).text
    assert '<p class="search-results__kind">Artículo ·' in results
    comment_form = client.get(article.get_absolute_url()).text
    assert "Texto sin formato, hasta 3000 caracteres." in comment_form
