"""A draft shared by a signed link: readable without an account, never kept."""

import time
from unittest import mock

import pytest
from django.test import Client
from reversion.models import Version

from tests.editorial.conftest import change_url, form_data, messages_of
from tests.factories import make_article, make_event, make_page

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600
    settings.SITE_URL = "https://recovery.example.org"


def share(client, obj, button="_share_draft"):
    data = form_data(client.get(change_url(obj)), **{button: "1"})
    response = client.post(change_url(obj), data)
    obj.refresh_from_db()
    return response


def link_path(obj):
    return obj.get_share_url()


@pytest.mark.parametrize("make", [make_article, make_event, make_page])
def test_save_and_share_draft_shows_the_link_on_the_change_form(editor_client, make):
    obj = make(status="draft", title="Unfinished thoughts")

    response = share(editor_client, obj)

    assert response.status_code == 302
    assert response["Location"] == change_url(obj)
    assert obj.share_key
    page = editor_client.get(change_url(obj))
    assert "Saved. The share link is below" in " ".join(messages_of(page))
    url = f"https://recovery.example.org{obj.get_absolute_url()}?share="
    assert f'readonly value="{url}' in page.text
    assert 'name="_stop_sharing"' in page.text
    assert 'name="_share_draft"' not in page.text


def test_enter_in_a_field_saves_rather_than_shares(editor_client):
    article = make_article(status="draft")
    text = editor_client.get(change_url(article)).text
    # The browser submits with the form's first button.
    assert text.index('name="_save"') < text.index('name="_share_draft"')


@pytest.mark.parametrize("make", [make_article, make_event, make_page])
def test_someone_without_an_account_reads_the_draft_never_cached_nor_indexed(
    editor_client, make
):
    obj = make(status="draft", title="Unfinished thoughts")
    share(editor_client, obj)
    stranger = Client()

    for _visit in range(2):
        response = stranger.get(link_path(obj))
        assert response.status_code == 200
        assert "Unfinished thoughts" in response.text
        assert "it was shared with you to read before it appears" in response.text
        assert "no-store" in response["Cache-Control"]
        assert "private" in response["Cache-Control"]
        assert response["X-Robots-Tag"] == "noindex"
        assert '<meta name="robots" content="noindex, nofollow">' in response.text
        assert "X-Page-Cache" not in response
    assert stranger.get(obj.get_absolute_url()).status_code == 404


def test_the_link_expires_after_the_set_days(editor_client, settings):
    settings.SHARE_LINK_DAYS = 7
    article = make_article(status="draft")
    share(editor_client, article)
    path = link_path(article)
    later = time.time() + 7 * 24 * 3600

    with mock.patch("time.time", return_value=later - 60):
        assert Client().get(path).status_code == 200
    with mock.patch("time.time", return_value=later + 60):
        assert Client().get(path).status_code == 404


def test_stop_sharing_voids_every_link_given_out(editor_client):
    article = make_article(status="draft")
    share(editor_client, article)
    path = link_path(article)

    share(editor_client, article, "_stop_sharing")

    assert article.share_key == ""
    assert Client().get(path).status_code == 404
    # Shared again, it gets a new key: the old link stays dead.
    share(editor_client, article)
    assert Client().get(path).status_code == 404
    assert Client().get(link_path(article)).status_code == 200


def test_a_link_opens_only_its_own_item(editor_client):
    shared, other = make_article(status="draft"), make_article(status="draft")
    share(editor_client, shared)
    token = link_path(shared).partition("?")[2]

    assert Client().get(f"{other.get_absolute_url()}?{token}").status_code == 404
    assert Client().get(f"{shared.get_absolute_url()}?share=forged").status_code == 404


def test_a_published_item_shows_no_share_button_and_stays_cacheable(editor_client):
    article = make_article()
    assert 'name="_share_draft"' not in editor_client.get(change_url(article)).text
    Client().get(article.get_absolute_url())
    assert Client().get(article.get_absolute_url())["X-Page-Cache"] == "hit"


def test_restoring_an_earlier_version_does_not_bring_back_a_stopped_link(
    editor_client,
):
    article = make_article(status="draft")
    share(editor_client, article)
    path = link_path(article)
    shared_version = Version.objects.get_for_object(article).first()
    share(editor_client, article, "_stop_sharing")

    shared_version.revision.revert()

    assert Client().get(path).status_code == 404
