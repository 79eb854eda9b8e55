"""Content notes travel with the item: on its page, its cards and in search."""

import pytest
from django.urls import reverse

from tests.factories import make_article, make_event, make_page, make_user

pytestmark = pytest.mark.django_db

NOTE = (
    '<p class="content-note content-note--compact"><strong>Content note:</strong> '
    "Mentions suicide.</p>"
)
FULL_NOTE = (
    '<p class="content-note"><strong>Content note:</strong> Mentions suicide.</p>'
)


def test_article_cards_show_the_content_note_on_every_list(client):
    article = make_article(
        content_note="Mentions suicide.", tags=["grief"], author=make_user()
    )
    make_article(title="Without a note", tags=["grief"])

    for url in [
        reverse("home"),
        reverse("articles:list"),
        reverse("pages:tag", args=["grief"]),
        article.author.get_absolute_url(),
    ]:
        html = client.get(url).text
        assert html.count(NOTE) == 1, url


def test_article_page_shows_its_content_note_above_the_text(client):
    article = make_article(content_note="Mentions suicide.", body="<p>The text.</p>")

    html = client.get(article.get_absolute_url()).text

    assert html.index(FULL_NOTE) < html.index("<p>The text.</p>")


def test_event_page_and_cards_show_its_content_note(client, now):
    event = make_event(content_note="Mentions suicide.", tags=["grief"])

    page = client.get(event.get_absolute_url()).text
    assert page.index(FULL_NOTE) < page.index("Event Description")
    for url in [
        reverse("events:list"),
        reverse("home"),
        reverse("pages:tag", args=["grief"]),
    ]:
        assert NOTE in client.get(url).text, url


def test_event_feed_carries_the_content_note(client):
    make_event(content_note="Mentions suicide.")

    assert "Content note: Mentions suicide." in client.get(reverse("events:feed")).text


def test_page_shows_its_content_note_under_the_title(client):
    page = make_page(title="Losing someone", content_note="Mentions suicide.")

    html = client.get(page.get_absolute_url()).text

    assert html.index("<h1>Losing someone</h1>") < html.index(FULL_NOTE)


def test_search_results_show_the_content_note_of_each_kind(client):
    make_article(title="Grief and articles", content_note="Mentions suicide.")
    make_event(title="Grief and events", content_note="Mentions suicide.")
    make_page(title="Grief and pages", content_note="Mentions suicide.")
    make_article(title="Grief without a note")

    html = client.get("/search/", {"q": "grief"}).text

    assert html.count(NOTE) == 3
    assert "Grief without a note" in html


def test_items_without_a_note_show_no_empty_note(client):
    make_article()
    make_event()

    assert "content-note" not in client.get(reverse("home")).text


@pytest.mark.parametrize(
    "url",
    [reverse("admin:events_event_add"), reverse("admin:pages_page_add")],
)
def test_editors_set_content_notes_on_events_and_pages(staff_client, url):
    html = staff_client.get(url).text

    assert 'name="content_note"' in html
    assert "e.g. “Mentions suicide.”" in html
