"""The tag page: the articles and events that carry one tag, at one address."""

import datetime

import pytest
from django.urls import reverse
from django.utils.http import http_date

from recoverysite.models import SiteSettings
from recoverysite.publishing import Status
from tests.factories import make_article, make_event, make_page, make_presenter

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


def titles(response, section):
    return [item.title for item in response.context[section]]


def test_tag_page_lists_upcoming_events_then_articles_then_past_events(client, now):
    make_event(title="Next month", start=now + 30 * DAY, tags=["harm reduction"])
    make_event(title="Next week", start=now + 7 * DAY, tags=["harm reduction"])
    make_event(title="Last year", start=now - 365 * DAY, tags=["harm reduction"])
    make_event(title="Last week", start=now - 7 * DAY, tags=["harm reduction"])
    make_article(title="Newer piece", tags=["harm reduction"])
    make_article(title="Older piece", tags=["harm reduction"])
    make_article(title="Untagged piece", tags=["family"])
    make_event(title="Untagged event", tags=["family"])
    make_event(title="Draft event", status=Status.DRAFT, tags=["harm reduction"])
    make_article(title="Draft piece", status=Status.DRAFT, tags=["harm reduction"])

    response = client.get(reverse("pages:tag", args=["harm-reduction"]))

    assert response.status_code == 200
    assert titles(response, "upcoming_events") == ["Next week", "Next month"]
    assert titles(response, "articles") == ["Newer piece", "Older piece"]
    assert titles(response, "past_events") == ["Last week", "Last year"]
    html = response.text
    assert "<h1>Tagged “harm reduction”</h1>" in html
    order = [
        "Upcoming events",
        "Next week",
        "Next month",
        "Articles</h2>",
        "Newer piece",
        "Older piece",
        "Past events",
        "Last week",
        "Last year",
    ]
    assert [html.index(text) for text in order] == sorted(
        html.index(text) for text in order
    )
    for hidden in ["Untagged piece", "Untagged event", "Draft event", "Draft piece"]:
        assert hidden not in html


def test_tag_page_pages_through_the_sections_in_their_order(client, settings, now):
    settings.ARTICLES_PER_PAGE = 10
    for number in range(4):
        make_event(
            title=f"Upcoming {number}", start=now + (number + 1) * DAY, tags=["hope"]
        )
        make_event(
            title=f"Past {number}", start=now - (number + 1) * DAY, tags=["hope"]
        )
    for number in range(5):
        make_article(
            title=f"Piece {number}",
            published_at=now - (number + 1) * DAY,
            tags=["hope"],
        )
    url = reverse("pages:tag", args=["hope"])

    first = client.get(url)
    second = client.get(url, {"page": 2})

    assert titles(first, "upcoming_events") == [f"Upcoming {n}" for n in range(4)]
    assert titles(first, "articles") == [f"Piece {n}" for n in range(5)]
    assert titles(first, "past_events") == ["Past 0"]
    assert "Page 1 of 2" in first.text
    assert titles(second, "upcoming_events") == []
    assert titles(second, "articles") == []
    assert titles(second, "past_events") == ["Past 1", "Past 2", "Past 3"]
    assert "Upcoming events" not in second.text
    canonical = '<link rel="canonical" href="http://127.0.0.1:8000/tags/hope/?page=2">'
    assert canonical in second.text


def test_tag_page_for_an_unknown_tag_is_404(client):
    make_article(tags=["hope"])

    assert client.get(reverse("pages:tag", args=["despair"])).status_code == 404


def test_tag_page_of_a_tag_on_drafts_only_says_nothing_is_here(client):
    make_article(tags=["later"], status=Status.DRAFT)

    response = client.get(reverse("pages:tag", args=["later"]))

    assert response.status_code == 200
    assert "Nothing here yet." in response.text


def test_tag_page_expires_when_its_next_event_begins(client, now):
    event = make_event(start=now + 2 * DAY, tags=["hope"])

    response = client.get(reverse("pages:tag", args=["hope"]))

    assert response["Expires"] == http_date(event.next_phase_change().timestamp())


def test_old_events_tag_address_moves_permanently_to_the_tag_page(client):
    make_event(tags=["peer support"])

    response = client.get("/events/tags/peer-support/")

    assert response.status_code == 301
    assert response["Location"] == "/tags/peer-support/"


def test_tag_links_on_cards_and_pages_lead_to_the_tag_page(client, now):
    article = make_article(tags=["peer support"])
    event = make_event(tags=["peer support"])

    for url in [reverse("articles:list"), article.get_absolute_url()]:
        assert '<a href="/tags/peer-support/">peer support</a>' in client.get(url).text
    event_page = client.get(event.get_absolute_url()).text
    assert '<a href="/tags/peer-support/">peer support</a>' in event_page


@pytest.mark.parametrize("count", [1, 5])
def test_tag_page_costs_the_same_queries_for_few_and_many_items(
    client, now, settings, count, django_assert_num_queries
):
    settings.ARTICLES_PER_PAGE = 30
    SiteSettings.load()
    make_page(title="About", show_in_menu=True)
    presenter = make_presenter()
    for number in range(count):
        make_event(
            start=now + (number + 1) * DAY, tags=["hope"], presenters=[presenter]
        )
        make_event(
            start=now - (number + 1) * DAY, tags=["hope"], presenters=[presenter]
        )
        make_article(tags=["hope", f"topic {number}"])

    # Site settings, menu pages and announcements; the tag; a count each of
    # upcoming events, articles and past events; then each section with one
    # prefetch (the events' presenters, the articles' tags).
    with django_assert_num_queries(13):
        response = client.get(reverse("pages:tag", args=["hope"]))

    assert response.text.count("event-card") == 2 * count
    assert response.text.count('class="card"') == count


def test_topic_index_counts_published_articles_and_events_of_each_tag(
    client, django_assert_num_queries
):
    SiteSettings.load()
    make_article(tags=["family", "anxiety"])
    make_article(tags=["family"])
    make_event(tags=["family", "voices"])
    make_event(tags=["hidden"], status=Status.DRAFT)
    make_article(tags=["hidden"], status=Status.DRAFT)

    # Site settings, menu pages, announcements, then the tags with their counts.
    with django_assert_num_queries(4):
        response = client.get(reverse("pages:tags"))

    assert [
        (tag.name, tag.article_count, tag.event_count, tag.item_count)
        for tag in response.context["tags"]
    ] == [("anxiety", 1, 0, 1), ("family", 2, 1, 3), ("voices", 0, 1, 1)]
    assert '<a href="/tags/voices/">voices <span class="count">(1)</span></a>' in (
        response.text
    )


def test_tag_sitemap_lists_tags_of_articles_and_of_events(client):
    make_article(tags=["family"])
    make_event(tags=["voices"])
    make_event(tags=["hidden"], status=Status.DRAFT)

    response = client.get("/sitemap-tags.xml")

    assert response.status_code == 200
    text = response.text
    assert "<loc>http://127.0.0.1:8000/tags/family/</loc>" in text
    assert "<loc>http://127.0.0.1:8000/tags/voices/</loc>" in text
    assert "hidden" not in text
    assert text.count("<lastmod>") == 2
