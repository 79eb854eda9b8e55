"""The 404 and 500 pages wear the site's design."""

import pytest
from django.template.loader import render_to_string

from pages import views
from recoverysite.models import SiteSettings
from tests.factories import make_page


@pytest.fixture
def site(db):
    settings = SiteSettings.load()
    settings.name = "Calm Waters"
    settings.crisis_notice = "This site is not a crisis service."
    settings.save()
    make_page(title="About", show_in_menu=True)
    return settings


def test_404_page_is_in_the_site_design(client, site):
    response = client.get("/no-such-page/nowhere/")

    assert response.status_code == 404
    assert "We could not find that page" in response.text
    assert '<a class="site-name" href="/">Calm Waters</a>' in response.text
    assert '<nav class="site-nav" aria-label="Main">' in response.text
    assert '<a href="/about/">About</a>' in response.text
    assert "This site is not a crisis service." in response.text
    assert '<link rel="stylesheet" href="/static/recoverysite/css/site.css">' in (
        response.text
    )


def test_404_for_a_missing_article_is_the_same_page(client, site):
    response = client.get("/articles/no-such-article/")

    assert response.status_code == 404
    assert "We could not find that page" in response.text


def test_500_template_renders_without_context_or_database(
    db, django_assert_num_queries
):
    with django_assert_num_queries(0):
        html = render_to_string("500.html")

    assert "Something went wrong on our side" in html
    assert '<a class="site-name" href="/">Recovery Dialogues</a>' in html
    assert '<link rel="stylesheet" href="/static/recoverysite/css/site.css">' in html


def test_view_that_fails_shows_the_500_page(client, site, monkeypatch):
    def fail(*args, **kwargs):
        raise RuntimeError("the database is on fire")

    monkeypatch.setattr(views.HomeView, "get_context_data", fail)
    client.raise_request_exception = False

    response = client.get("/")

    assert response.status_code == 500
    assert "Something went wrong on our side" in response.text
    assert '<nav class="site-nav" aria-label="Main">' in response.text
    assert "the database is on fire" not in response.text
