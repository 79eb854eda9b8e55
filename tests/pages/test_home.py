"""The home page and the texts editors set in the site settings."""

import datetime
import re

import pytest
from django.urls import reverse

from recoverysite.models import SiteSettings
from tests.factories import make_article, make_page


@pytest.fixture
def site_settings(db):
    start = make_page(title="Questions and Answers about Recovery")
    settings = SiteSettings.load()
    settings.name = "Calm Waters"
    settings.tagline = "Conversations about recovery."
    settings.welcome = "New here? Start with Questions and Answers about Recovery."
    settings.start_page = start
    settings.footer_text = "Nothing here is medical advice."
    settings.crisis_notice = (
        "If you are in crisis, call or text 988 in the US.\n\n"
        "This site is not a crisis service."
    )
    settings.save()
    return settings


def test_home_page_names_the_site_once_and_opens_with_its_tagline(
    client, site_settings
):
    response = client.get(reverse("home"))

    assert response.status_code == 200
    assert "<title>Calm Waters</title>" in response.text
    assert '<a class="site-name" href="/">Calm Waters</a>' in response.text
    # The header names the site; the heading says what it is about, once.
    header = response.text.split('<header class="site-header">')[1].split("</header>")[
        0
    ]
    main = response.text.split("<main")[1].split("</main>")[0]
    assert "Conversations about recovery." not in header
    assert "Calm Waters" not in main
    assert '<h1 class="intro__title">Conversations about recovery.</h1>' in main
    assert (
        '<a href="/questions-and-answers-about-recovery/">'
        "New here? Start with Questions and Answers about Recovery.</a>"
    ) in response.text


def test_home_page_footer_has_footer_text_and_crisis_notice(client, site_settings):
    response = client.get(reverse("home"))

    assert "<p>Nothing here is medical advice.</p>" in response.text
    assert 'aria-label="Crisis resources"' in response.text
    assert "<p>If you are in crisis, call or text 988 in the US.</p>" in response.text
    assert "<p>This site is not a crisis service.</p>" in response.text


def test_every_page_carries_the_crisis_notice(client, site_settings):
    article = make_article()

    for url in [reverse("articles:list"), article.get_absolute_url()]:
        assert "This site is not a crisis service." in client.get(url).text


def test_welcome_line_without_start_page_is_plain_text(client, site_settings):
    site_settings.start_page = None
    site_settings.save()

    response = client.get(reverse("home"))

    assert "New here? Start with Questions and Answers" in response.text
    assert '">New here?' not in response.text


def test_home_page_works_before_anyone_edits_the_settings(client, db):
    response = client.get(reverse("home"))

    assert response.status_code == 200
    assert "Recovery Dialogues" in response.text
    assert "No articles yet." in response.text
    assert "crisis-notice" not in response.text


def test_home_page_shows_the_six_latest_published_articles(client, db, now):
    for days in range(1, 9):
        make_article(
            title=f"Day {days}", published_at=now - datetime.timedelta(days=days)
        )

    response = client.get(reverse("home"))

    titles = [article.title for article in response.context["latest_articles"]]
    assert titles == [f"Day {days}" for days in range(1, 7)]
    assert '<a href="/articles/">All articles &rarr;</a>' in response.text


def test_home_page_loads_nothing_from_other_sites(client, site_settings):
    make_article(tags=["hope"])

    text = client.get(reverse("home")).text

    loaded = re.findall(r'<(?:script|img|iframe|source)\b[^>]*\bsrc="([^"]*)"', text)
    loaded += re.findall(r'<link\b[^>]*\brel="(?:stylesheet|icon|preload)"[^>]*>', text)
    assert loaded
    for resource in loaded:
        assert "//" not in resource, resource
    assert "<script" not in text


@pytest.mark.django_db
def test_welcome_line_does_not_link_to_an_unpublished_start_page(client):
    site = SiteSettings.load()
    site.welcome = "New here? Start with Questions and Answers."
    site.start_page = make_page(title="Questions", status="draft")
    site.save()
    response = client.get("/")
    assert "New here? Start with Questions and Answers." in response.text
    assert site.start_page.get_absolute_url() not in response.text
