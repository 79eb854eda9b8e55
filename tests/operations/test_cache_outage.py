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


def test_comments_are_posted_and_shown_while_redis_is_down(redis_down):
    article = make_article()
    visitor = Client()
    # The limit is one comment, but with no cache to count in, none is refused.
    for number in range(3):
        response = visitor.post(
            "/comments/post/",
            comment_data(article, comment=f"Comment number {number} without Redis."),
        )
        assert response.status_code == 302
    assert Comment.objects.filter(status=CommentStatus.PUBLISHED).count() == 3
    page = visitor.get(article.get_absolute_url()).content.decode()
    assert "Comment number 2 without Redis." in page


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
