"""Redis down: pages are made fresh, comments and sign-ins keep working."""

import pytest
from django.test import Client

from comments.models import Comment, CommentStatus, ModerationPolicy
from tests.comments.conftest import comment_data
from tests.factories import make_article

from .conftest import closed_port


@pytest.fixture
def redis_down(settings, transactional_db):
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
            "OPTIONS": {"IGNORE_EXCEPTIONS": True},
        }
    }
    # What settings.py chooses whenever REDIS_URL is set.
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    settings.PAGE_CACHE_SECONDS = 600
    settings.COMMENTS_RATE_PER_IP = "1/10m"
    policy = ModerationPolicy.load()
    policy.min_seconds_to_write = 0
    policy.hold_first_comments = False
    policy.save()


def test_pages_render_uncached_while_redis_is_down(redis_down):
    article = make_article(title="Served without a cache")
    visitor = Client()
    for _ in range(2):
        response = visitor.get(article.get_absolute_url())
        assert response.status_code == 200
        assert "Served without a cache" in response.content.decode()
        assert response.get("X-Page-Cache") != "hit"
    assert visitor.get("/").status_code == 200


def test_comments_are_taken_and_held_for_a_moderator_while_redis_is_down(
    redis_down,
):
    article = make_article()
    visitor = Client()
    # The limit is one comment, but with no cache to count in, none is refused...
    for number in range(3):
        response = visitor.post(
            "/comments/post/",
            comment_data(article, comment=f"Comment number {number} without Redis."),
        )
        assert response.status_code == 302
    # ...and none is published before a moderator has seen it.
    assert Comment.objects.filter(status=CommentStatus.PENDING).count() == 3
    page = visitor.get(article.get_absolute_url()).content.decode()
    assert "without Redis." not in page


def test_comments_are_held_for_a_moderator_once_redis_stops(
    own_redis, settings, transactional_db, caplog
):
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": own_redis.url,
            "OPTIONS": {"IGNORE_EXCEPTIONS": True},
        }
    }
    settings.COMMENTS_RATE_PER_IP = "100/10m"
    policy = ModerationPolicy.load()
    policy.min_seconds_to_write = 0
    policy.hold_first_comments = False
    policy.save()
    article = make_article()
    visitor = Client()
    visitor.post("/comments/post/", comment_data(article, comment="Counted first."))
    assert Comment.objects.get().status == CommentStatus.PUBLISHED

    own_redis.stop()
    for number in range(8):
        response = visitor.post(
            "/comments/post/",
            comment_data(article, comment=f"Sent in a row, number {number}."),
        )
        assert response.status_code == 302
    held = Comment.objects.exclude(comment="Counted first.")
    assert [comment.status for comment in held] == [CommentStatus.PENDING] * 8
    assert {comment.hold_reasons for comment in held} == {"rate limits unavailable"}
    warnings = [
        record.getMessage()
        for record in caplog.records
        if record.name == "comments.moderation"
    ]
    assert (
        warnings
        == [
            "The rate limits' cache is unreachable: holding a comment from "
            "127.0.0.1 for a moderator"
        ]
        * 8
    )


def test_signing_in_and_the_admin_work_while_redis_is_down(
    redis_down, django_user_model
):
    django_user_model.objects.create_superuser("ed", "ed@example.org", "a long pass")
    editor = Client()
    response = editor.post(
        "/admin/login/?next=/admin/",
        {"username": "ed", "password": "a long pass"},
    )
    assert response.status_code == 302
    response = editor.get("/admin/")
    assert response.status_code == 200
    assert "Site administration" in response.content.decode()
    assert editor.get("/admin/comments/comment/").status_code == 200
