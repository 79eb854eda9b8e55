"""
With REDIS_URL and PostgreSQL, what several app servers share lives in Redis
and PostgreSQL, not in one process. Runs only when both are configured, e.g.

    REDIS_URL=redis://127.0.0.1:6379/14 \
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/site \
    .venv/bin/pytest tests/operations/test_shared_state.py -p no:xdist

bench/scale-out shows the same with two real servers.
"""

import os

import pytest
import redis
from django.conf import settings as django_settings
from django.core.cache import caches
from django.db import connection
from django.test import Client

from comments.models import ModerationPolicy
from tests.comments.conftest import comment_data
from tests.factories import make_article

pytestmark = pytest.mark.skipif(
    not os.environ.get("REDIS_URL")
    or not os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="needs REDIS_URL and a PostgreSQL DATABASE_URL",
)


def as_a_new_process():
    """Forget this process's cache connection, as another app server has none."""
    del caches["default"]


@pytest.fixture
def raw_redis():
    return redis.Redis.from_url(os.environ["REDIS_URL"])


def test_settings_share_sessions_cache_and_limits_through_redis_and_postgres():
    assert connection.vendor == "postgresql"
    assert django_settings.CACHES["default"]["BACKEND"] == (
        "django_redis.cache.RedisCache"
    )
    assert django_settings.SESSION_ENGINE == (
        "django.contrib.sessions.backends.cached_db"
    )
    assert django_settings.RATELIMIT_USE_CACHE == "default"


def test_a_page_cached_by_one_server_is_served_by_another(
    transactional_db, settings, raw_redis
):
    settings.PAGE_CACHE_SECONDS = 600
    article = make_article(title="Cached once, served everywhere")
    assert Client().get(article.get_absolute_url())["X-Page-Cache"] == "miss"
    assert raw_redis.keys("*page:*")
    as_a_new_process()
    response = Client().get(article.get_absolute_url())
    assert response["X-Page-Cache"] == "hit"
    assert "Cached once, served everywhere" in response.content.decode()


def test_the_comment_rate_limit_counts_across_servers(transactional_db, settings):
    settings.COMMENTS_RATE_PER_IP = "3/10m"
    policy = ModerationPolicy.load()
    policy.min_seconds_to_write = 0
    policy.save()
    article = make_article()
    statuses = []
    for number in range(4):
        as_a_new_process()
        response = Client().post(
            "/comments/post/",
            comment_data(
                article,
                email=f"person{number}@example.org",
                comment=f"Comment {number} through another server.",
            ),
        )
        statuses.append(response.status_code)
    assert statuses == [302, 302, 302, 429]


def test_a_session_started_on_one_server_is_valid_on_another(
    transactional_db, django_user_model
):
    django_user_model.objects.create_superuser("ed", "ed@example.org", "a long pass")
    editor = Client()
    editor.post("/admin/login/", {"username": "ed", "password": "a long pass"})
    as_a_new_process()
    response = editor.get("/admin/")
    assert response.status_code == 200
    assert "Site administration" in response.content.decode()
