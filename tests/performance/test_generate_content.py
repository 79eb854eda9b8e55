import io

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.test import Client

from articles.models import Article
from comments.models import Comment, CommentStatus
from events.models import Event
from search.models import full_text_available


def generate(**numbers):
    output = io.StringIO()
    call_command("generate_content", stdout=output, **numbers)
    return output.getvalue()


@pytest.fixture
def generated(db):
    return generate(articles=40, events=60, comments=300, threaded_article_comments=50)


def test_it_makes_the_numbers_asked_for(generated):
    assert Article.objects.count() == 40
    assert Event.objects.count() == 60
    assert Comment.objects.published().count() == 300 + 50
    assert "Done in" in generated


def test_articles_spread_over_years_with_authors_tags_and_a_few_unpublished(
    generated,
):
    published = Article.objects.published()
    years = {date.year for date in published.dates("published_at", "year")}
    assert len(years) >= 4
    assert published.filter(author=None).count() == 0
    assert all(article.tags.exists() for article in published[:10])
    assert all(article.summary and "<p>" in article.body for article in published)


def test_events_are_past_and_upcoming_with_presenters_and_recordings(generated):
    events = Event.objects.published()
    assert events.upcoming().exists()
    assert events.past().exclude(recording_url="").exists()
    assert all(event.presenters.exists() for event in events)


def test_the_discussion_article_has_full_threads_to_the_deepest_level(generated):
    article = Article.objects.order_by("pk").first()
    thread = list(Comment.objects.for_object(article).thread())
    assert len(thread) == 50
    assert max(comment.level for comment in thread) == (
        settings.COMMENTS_XTD_MAX_THREAD_LEVEL
    )
    by_pk = {comment.pk: comment for comment in thread}
    for comment in thread:
        if comment.level == 0:
            assert comment.parent_id == comment.pk == comment.thread_id
            assert comment.order == 1
        else:
            parent = by_pk[comment.parent_id]
            assert parent.level == comment.level - 1
            assert parent.thread_id == comment.thread_id
            # Replies come after their parent in the thread's reading order.
            assert parent.order < comment.order
        descendants = [
            other
            for other in thread
            if other.thread_id == comment.thread_id and is_below(other, comment, by_pk)
        ]
        assert comment.nested_count == len(descendants)
    for thread_id in {comment.thread_id for comment in thread}:
        orders = sorted(c.order for c in thread if c.thread_id == thread_id)
        assert orders == list(range(1, len(orders) + 1))


def is_below(comment, ancestor, by_pk):
    while comment.parent_id != comment.pk:
        comment = by_pk[comment.parent_id]
        if comment.pk == ancestor.pk:
            return True
    return False


def test_the_discussion_shows_every_comment_and_reply_on_its_page(generated):
    article = Article.objects.order_by("pk").first()
    response = Client().get(article.get_absolute_url())
    assert response.status_code == 200
    assert "50 comments" in response.text
    assert response.text.count('<li class="comment comment--level-2"') > 10


def test_the_other_comments_are_published_and_belong_to_published_items(generated):
    article = Article.objects.order_by("pk").first()
    others = Comment.objects.exclude(pk__in=Comment.objects.for_object(article))
    assert set(others.values_list("status", flat=True)) == {CommentStatus.PUBLISHED}
    assert others.filter(is_public=True, is_removed=False).count() == 300
    event_comments = others.filter(content_type__model="event").count()
    assert 0 < event_comments < 300


def test_search_finds_generated_articles(generated):
    response = Client().get("/search/", {"q": "recovery"})
    assert response.status_code == 200
    assert "<mark>" in response.text.lower()
    if full_text_available():
        assert not Article.objects.filter(search_vector=None).exists()


def test_it_refuses_to_run_twice_on_the_same_database(generated):
    with pytest.raises(CommandError, match="has generated content already"):
        generate(articles=5)
    assert Article.objects.count() == 40


@pytest.mark.django_db
def test_negative_numbers_are_refused_with_a_clear_message():
    with pytest.raises(CommandError, match="--comments cannot be negative"):
        generate(comments=-1)
    assert not Article.objects.exists()


def test_search_finds_generated_presenters(generated):
    from events.models import Presenter

    presenter = Presenter.objects.public().order_by("pk").first()
    word = presenter.short_bio.split()[0].strip(".").lower()
    response = Client().get("/search/", {"q": word, "type": "presenter"})
    assert response.status_code == 200
    assert presenter.get_absolute_url() in response.text


@pytest.mark.django_db
def test_a_short_discussion_is_threads_of_three_on_the_second_article():
    generate(
        articles=5,
        events=0,
        comments=0,
        threaded_article_comments=7,
        short_discussion_comments=51,
    )
    first, second = Article.objects.order_by("pk")[:2]
    assert Comment.objects.for_object(first).count() == 7
    thread = list(Comment.objects.for_object(second).thread())
    assert len(thread) == 51
    assert len({comment.thread_id for comment in thread}) == 17
    assert [comment.level for comment in thread[:6]] == [0, 1, 2, 0, 1, 2]
    assert {comment.nested_count for comment in thread if comment.level == 0} == {2}
    response = Client().get(second.get_absolute_url())
    assert "51 comments" in response.text


@pytest.mark.django_db
def test_a_short_discussion_needs_two_articles():
    with pytest.raises(CommandError, match="needs at least two articles"):
        generate(articles=1, short_discussion_comments=3)
    assert not Article.objects.exists()
