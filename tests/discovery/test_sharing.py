import datetime
import json
import re
from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories import make_article, make_image, make_image_file, make_user


def json_ld(html):
    blocks = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', html, re.S
    )
    return [json.loads(block) for block in blocks]


@pytest.mark.django_db
def test_article_has_canonical_open_graph_and_twitter_tags(client):
    article = make_article(
        title="Calm & clear",
        summary="A summary.",
        featured_image=make_image(make_image_file(), alt="A calm lake"),
    )
    article.save()
    html = client.get(article.get_absolute_url()).text

    url = "http://127.0.0.1:8000" + article.get_absolute_url()
    assert f'<link rel="canonical" href="{url}">' in html
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:title" content="Calm &amp; clear">' in html
    assert '<meta property="og:description" content="A summary.">' in html
    assert '<meta name="description" content="A summary.">' in html
    assert (
        'property="og:image" content="http://127.0.0.1:8000/media/renditions/social/'
        in html
    )
    assert '<meta property="og:image:width" content="1200">' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html


@pytest.mark.django_db
def test_article_json_ld_describes_the_posting_and_breadcrumbs(client):
    author = make_user(display_name="Ron")
    article = make_article(title="</script><script>alert(1)</script>", author=author)
    html = client.get(article.get_absolute_url()).text

    posting, breadcrumbs = json_ld(html)
    assert posting["@type"] == "BlogPosting"
    assert posting["headline"] == "</script><script>alert(1)</script>"
    assert posting["author"]["name"] == "Ron"
    assert posting["datePublished"] == article.published_at.isoformat()
    assert [item["name"] for item in breadcrumbs["itemListElement"]] == [
        "Home",
        "Articles",
        article.title,
    ]
    assert "<script>alert(1)" not in html


@pytest.mark.django_db
def test_article_shows_up_to_three_related_articles_by_shared_tags(
    client, django_assert_num_queries
):
    article = make_article(tags=["a", "b", "c"])
    most = make_article(title="Shares three", tags=["a", "b", "c"])
    some = make_article(title="Shares two", tags=["a", "b"])
    one = make_article(title="Shares one", tags=["c"])
    make_article(title="Shares one too, older", tags=["a"])
    make_article(title="Unrelated", tags=["z"])

    response = client.get(article.get_absolute_url())

    assert list(response.context["related_articles"]) == [most, some, one]
    assert "Unrelated" not in response.text


@pytest.mark.django_db
def test_tag_index_lists_tags_with_counts(client):
    make_article(tags=["family", "anxiety"])
    make_article(tags=["family"])
    make_article(tags=["hidden"], status="draft")

    response = client.get("/tags/")

    assert response.status_code == 200
    assert [(tag.name, tag.article_count) for tag in response.context["tags"]] == [
        ("anxiety", 1),
        ("family", 2),
    ]


@pytest.mark.django_db(transaction=True)
def test_related_articles_are_kept_until_an_article_changes_or_appears(
    client, django_assert_num_queries
):
    article = make_article(tags=["a", "b"])
    make_article(title="Shares one", tags=["a"])
    client.get(article.get_absolute_url())
    with CaptureQueriesContext(connection) as second_visit:
        client.get(article.get_absolute_url())
    assert not [q for q in second_visit.captured_queries if "shared_tags" in q["sql"]]

    newer = make_article(title="Shares two", tags=["a", "b"])
    assert related_titles(client, article) == ["Shares two", "Shares one"]

    due = timezone.now() + datetime.timedelta(hours=2)
    make_article(title="Scheduled, shares two", tags=["a", "b"], published_at=due)
    assert related_titles(client, article) == ["Shares two", "Shares one"]
    later = due + datetime.timedelta(minutes=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        assert related_titles(client, article) == [
            "Scheduled, shares two",
            "Shares two",
            "Shares one",
        ]
    newer.delete()
    assert related_titles(client, article) == ["Shares one"]


def related_titles(client, article):
    response = client.get(article.get_absolute_url())
    return [related.title for related in response.context["related_articles"]]
