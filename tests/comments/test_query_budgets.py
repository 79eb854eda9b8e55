"""Threads and comment counts render in a fixed number of queries, whatever the size."""

import pytest
from django.db import connection
from django.db.models.signals import post_init
from django.test import Client
from django.test.utils import CaptureQueriesContext

from comments.models import Comment
from tests.comments.conftest import make_comment
from tests.factories import make_article

# article, tags, site settings, menu pages, the thread, moderation rules,
# previous and next article
ARTICLE_PAGE_QUERIES = 8


def add_threads(article, count):
    """``count`` comments in threads three levels deep."""
    made = 0
    while made < count:
        top = make_comment(article)
        made += 1
        for _ in range(2):
            if made == count:
                break
            reply = make_comment(article, parent=top)
            made += 1
            if made < count:
                make_comment(article, parent=reply)
                made += 1
    return made


@pytest.mark.parametrize("count", [5, 200])
def test_article_page_costs_the_same_queries_with_5_or_200_comments(
    policy, django_assert_num_queries, count
):
    article = make_article()
    assert add_threads(article, count) == count
    make_comment(article, status="pending")
    removed = make_comment(article, status="removed")
    make_comment(article, parent=removed)
    visitor = Client()
    visitor.get(article.get_absolute_url())
    with django_assert_num_queries(ARTICLE_PAGE_QUERIES):
        response = visitor.get(article.get_absolute_url())
    html = response.content.decode()
    assert f"{count + 1} comments" in html
    assert html.count('<li class="comment comment--level-2"') >= count // 5
    assert "[removed]" in html


def add_articles(count):
    """Articles with a thread of three published comments and a held one each."""
    for _ in range(count):
        article = make_article(tags=["recovery", "peer support"])
        make_comment(article)
        make_comment(article, parent=make_comment(article))
        make_comment(article, status="pending")


def comment_queries(captured):
    return [
        query["sql"]
        for query in captured
        if query["sql"].lstrip().upper().startswith("SELECT")
        and '"django_comments"' in query["sql"].split(" FROM ", 1)[1][:40]
    ]


@pytest.mark.parametrize("path, shown", [("/", 6), ("/articles/", 10)])
def test_cards_with_comment_counts_cost_the_same_queries_for_3_or_30_articles(
    policy, django_assert_num_queries, path, shown
):
    add_articles(3)
    visitor = Client()
    visitor.get(path)
    with CaptureQueriesContext(connection) as three:
        visitor.get(path)
    # The counts come with the articles, as a subquery: no query of their own.
    assert comment_queries(three.captured_queries) == []
    add_articles(27)
    with django_assert_num_queries(len(three.captured_queries)):
        response = visitor.get(path)
    assert response.content.decode().count("3 comments</a>") == shown


def test_a_flood_of_spam_and_held_comments_is_never_read_for_the_page(policy):
    article = make_article()
    add_threads(article, 5)
    for number in range(60):
        make_comment(article, status="spam" if number % 2 else "pending")
    loaded = []

    def count(sender, instance, **kwargs):
        loaded.append(instance)

    post_init.connect(count, sender=Comment)
    try:
        response = Client().get(article.get_absolute_url())
    finally:
        post_init.disconnect(count, sender=Comment)
    assert "5 comments" in response.content.decode()
    assert len(loaded) == 5
