"""Article list, author and archive pages."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import make_article, make_user


def local_datetime(*args):
    return timezone.make_aware(datetime.datetime(*args))


@pytest.fixture
def twelve_articles(db, settings, now):
    settings.ARTICLES_PER_PAGE = 10
    return [
        make_article(
            title=f"Numbered {number:02}",
            published_at=now - datetime.timedelta(days=number),
        )
        for number in range(1, 13)
    ]


def titles(response):
    return [article.title for article in response.context["article_list"]]


def test_article_list_shows_newest_first_ten_to_a_page(client, twelve_articles):
    response = client.get(reverse("articles:list"))

    assert response.status_code == 200
    assert titles(response) == [f"Numbered {number:02}" for number in range(1, 11)]
    assert "Page 1 of 2" in response.text
    assert 'href="?page=2" rel="next"' in response.text


def test_article_list_page_two_has_the_older_articles(client, twelve_articles):
    response = client.get(reverse("articles:list"), {"page": 2})

    assert response.status_code == 200
    assert titles(response) == ["Numbered 11", "Numbered 12"]
    assert 'href="?page=1" rel="prev"' in response.text
    assert 'rel="next"' not in response.text


@pytest.mark.parametrize("page", ["3", "0", "nonsense"])
def test_article_list_page_out_of_range_is_404(client, twelve_articles, page):
    response = client.get(reverse("articles:list"), {"page": page})

    assert response.status_code == 404


def test_article_list_without_articles_says_so(client, db):
    response = client.get(reverse("articles:list"))

    assert response.status_code == 200
    assert "No articles here yet." in response.text


def test_card_shows_title_date_author_summary_and_tags(client, db):
    author = make_user(display_name="Ann Writer")
    article = make_article(
        title="Hope",
        summary="A short piece on hope.",
        author=author,
        tags=["peer support"],
        published_at=local_datetime(2025, 4, 8, 9, 0),
    )

    response = client.get(reverse("articles:list"))

    assert f'<a href="{article.get_absolute_url()}">Hope</a>' in response.text
    assert "April 8, 2025" in response.text
    assert f'<a href="{author.get_absolute_url()}">Ann Writer</a>' in response.text
    assert "A short piece on hope." in response.text
    assert '<a href="/tags/peer-support/">peer support</a>' in response.text


def test_author_page_lists_their_articles_with_name_and_bio(client, db):
    author = make_user(display_name="Ann Writer", bio="Peer worker and writer.")
    make_article(title="Ann's piece", author=author)
    make_article(title="Someone else's piece", author=make_user())

    response = client.get(author.get_absolute_url())

    assert response.status_code == 200
    assert "Articles by Ann Writer" in response.text
    assert "Peer worker and writer." in response.text
    assert titles(response) == ["Ann's piece"]


def test_author_page_uses_full_name_without_display_name(client, db):
    author = make_user(display_name="", first_name="Ron", last_name="Unger")
    make_article(author=author)

    response = client.get(author.get_absolute_url())

    assert author.slug == "ron-unger"
    assert "Articles by Ron Unger" in response.text


def test_author_page_for_an_unknown_author_is_404(client, db):
    assert client.get(reverse("articles:author", args=["nobody"])).status_code == 404


@pytest.fixture
def archive(db):
    return {
        "march": make_article(
            title="March piece", published_at=local_datetime(2024, 3, 15, 12)
        ),
        "april": make_article(
            title="April piece", published_at=local_datetime(2024, 4, 15, 12)
        ),
        "next_year": make_article(
            title="Next year piece", published_at=local_datetime(2025, 1, 15, 12)
        ),
    }


def test_year_archive_lists_that_years_articles_and_months(client, archive):
    response = client.get(reverse("articles:archive-year", args=[2024]))

    assert response.status_code == 200
    assert "Articles from 2024" in response.text
    assert titles(response) == ["April piece", "March piece"]
    assert '<a href="/articles/2024/03/">March</a>' in response.text
    assert '<a href="/articles/2024/04/">April</a>' in response.text
    assert '<a href="/articles/2025/">&larr; 2025</a>' in response.text


def test_month_archive_lists_that_months_articles(client, archive):
    response = client.get(reverse("articles:archive-month", args=[2024, 4]))

    assert response.status_code == 200
    assert "Articles from April 2024" in response.text
    assert titles(response) == ["April piece"]
    assert '<a href="/articles/2024/03/">March 2024 &rarr;</a>' in response.text
    assert '<a href="/articles/2025/01/">&larr; January 2025</a>' in response.text


def test_month_archive_accepts_two_digit_months(client, archive):
    response = client.get("/articles/2024/04/")

    assert titles(response) == ["April piece"]


@pytest.mark.parametrize("url", ["/articles/2023/", "/articles/2024/05/"])
def test_archive_without_articles_is_404(client, archive, url):
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("url", ["/articles/2024/13/", "/articles/2024/0/"])
def test_archive_for_an_impossible_month_is_404(client, archive, url):
    assert client.get(url).status_code == 404


def test_archive_of_the_current_month_omits_scheduled_articles(client, db, now):
    make_article(title="Earlier piece", published_at=now - datetime.timedelta(1))
    make_article(title="Later piece", published_at=now + datetime.timedelta(1))
    local = timezone.localtime(now - datetime.timedelta(1))

    response = client.get(
        reverse("articles:archive-month", args=[local.year, local.month])
    )

    assert titles(response) == ["Earlier piece"]


@pytest.mark.django_db
def test_author_page_is_404_for_accounts_without_published_articles(client):
    writer = make_user(display_name="Only drafts")
    make_article(author=writer, status="draft")
    assert client.get(writer.get_absolute_url()).status_code == 404
