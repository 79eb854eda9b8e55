"""A thread's HTML is made once per change of the thread, and the form around it
is written out: the two costs of a cold article page."""

import re

import pytest
from django.test import Client
from django.utils import translation

from comments.models import CommentStatus
from comments.templatetags.comment_threads import rendered_thread
from tests.comments.conftest import make_comment
from tests.comments.test_query_budgets import ARTICLE_PAGE_QUERIES, add_threads
from tests.factories import make_article


@pytest.fixture(autouse=True)
def thread_cache_on(settings):
    settings.COMMENT_THREAD_CACHE_SECONDS = 600
    settings.PAGE_CACHE_SECONDS = 0


def page(article):
    response = Client().get(article.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


SIGNED_TIMES = re.compile(
    r'name="[a-z_-]*(timestamp|security_hash|issued)" value="[^"]*"'
)


def without_form_time(html):
    return SIGNED_TIMES.sub("", html)


@pytest.mark.django_db(transaction=True)
def test_a_kept_thread_is_not_read_again(policy, django_assert_num_queries):
    article = make_article()
    add_threads(article, 30)
    first = page(article)
    # One query fewer than a page whose thread has to be read.
    with django_assert_num_queries(ARTICLE_PAGE_QUERIES - 1):
        second = page(article)
    # The same page but for the form's signed time, which moves with the clock.
    assert without_form_time(second) == without_form_time(first)
    assert "30 comments" in second
    assert second.count('<li class="comment ') == 30


@pytest.mark.django_db(transaction=True)
def test_a_new_comment_shows_at_once(policy):
    article = make_article()
    add_threads(article, 3)
    page(article)
    held = make_comment(article, status=CommentStatus.PENDING, comment="Held words.")
    assert "Held words." not in page(article)

    held.status = CommentStatus.PUBLISHED
    held.save()

    html = page(article)
    assert "Held words." in html
    assert "4 comments" in html


@pytest.mark.django_db(transaction=True)
def test_a_removed_comment_leaves_at_once(policy):
    article = make_article()
    unwanted = make_comment(article, comment="Unkind words.")
    make_comment(article, comment="Kind words.")
    assert "Unkind words." in page(article)

    unwanted.status = CommentStatus.REMOVED
    unwanted.save()

    html = page(article)
    assert "Unkind words." not in html
    assert "Kind words." in html


@pytest.mark.django_db(transaction=True)
def test_closing_comments_takes_the_reply_links_away(policy):
    article = make_article()
    make_comment(article)
    assert 'class="comment__reply"' in page(article)

    article.comments_open = False
    article.save()

    html = page(article)
    assert 'class="comment__reply"' not in html
    assert "Comments are closed." in html


@pytest.mark.django_db(transaction=True)
def test_each_language_keeps_its_own_copy(policy):
    article = make_article()
    make_comment(article)
    english = page(article)
    with translation.override("es"):
        spanish, count = rendered_thread(article, comments_open=True)
    assert count == 1
    assert 'aria-label="Reply to' in english
    assert 'aria-label="Reply to' not in spanish


@pytest.mark.django_db(transaction=True)
def test_another_article_never_gets_this_thread(policy):
    article = make_article()
    other = make_article()
    make_comment(article, comment="Only here.")
    assert "Only here." in page(article)
    assert "Only here." not in page(other)


@pytest.mark.django_db
def test_the_comment_form_is_written_without_the_widget_templates(policy):
    # Each widget template is a nest of renders; on the article page they cost
    # more than everything else together (docs/performance.md).
    article = make_article()
    response = Client().get(article.get_absolute_url())
    used = [template.name for template in response.templates]
    assert "comments/comment_form.html" in used
    assert [name for name in used if name.startswith("django/forms/")] == []
    assert 'name="email" maxlength="254" autocomplete="email" required' in (
        response.content.decode()
    )
