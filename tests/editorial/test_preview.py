"""Preview from the change form: staff only, never cached, never indexed."""

import pytest
from django.test import Client

from tests.editorial.conftest import change_url
from tests.factories import make_article, make_event, make_page

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600


@pytest.mark.parametrize("make", [make_article, make_page, make_event])
def test_change_form_of_a_draft_has_a_preview_link_to_its_public_address(
    editor_client, make
):
    obj = make(status="draft")

    response = editor_client.get(change_url(obj))

    assert (
        f'<a href="{obj.get_absolute_url()}" class="viewsitelink previewlink" '
        'target="_blank" rel="noopener">Preview' in response.text
    )
    assert "View on site" not in response.text


def test_change_form_of_a_published_article_links_to_the_live_page_instead(
    editor_client,
):
    article = make_article()
    response = editor_client.get(change_url(article))
    assert "previewlink" not in response.text
    assert f'href="{article.get_absolute_url()}" class="viewsitelink"' in response.text


@pytest.mark.parametrize("make", [make_article, make_page, make_event])
def test_preview_shows_the_public_design_with_a_banner_never_cached_nor_indexed(
    editor_client, make
):
    obj = make(status="draft", title="Unfinished thoughts")

    response = editor_client.get(obj.get_absolute_url())

    assert response.status_code == 200
    assert "Unfinished thoughts" in response.text
    assert '<div class="preview-banner" role="status">' in response.text
    assert "<strong>Preview.</strong>" in response.text
    cache_control = response["Cache-Control"]
    assert "private" in cache_control
    assert "no-store" in cache_control
    assert response["X-Robots-Tag"] == "noindex"
    assert '<meta name="robots" content="noindex, nofollow">' in response.text
    assert "X-Page-Cache" not in response


def test_published_page_has_no_preview_banner_nor_robots_meta(editor_client):
    article = make_article()
    response = editor_client.get(article.get_absolute_url())
    assert "preview-banner" not in response.text
    assert 'name="robots"' not in response.text


@pytest.mark.parametrize("make", [make_article, make_page, make_event])
def test_anonymous_visitors_get_404_for_the_preview_address(client, make):
    obj = make(status="draft")
    assert client.get(obj.get_absolute_url()).status_code == 404


def test_moderator_who_may_not_edit_articles_gets_404(client, moderator):
    article = make_article(status="draft")
    client.force_login(moderator)
    assert client.get(article.get_absolute_url()).status_code == 404


@pytest.mark.django_db(transaction=True)
def test_a_preview_is_never_kept_in_the_page_cache_for_visitors(editor_client):
    article = make_article(status="draft", title="Secret draft")
    assert editor_client.get(article.get_absolute_url()).status_code == 200

    # The same address without any cookie: nothing stored, nothing leaked.
    visitor = Client()
    response = visitor.get(article.get_absolute_url())

    assert response.status_code == 404
    assert "Secret draft" not in response.text
    assert response.get("X-Page-Cache") != "hit"
