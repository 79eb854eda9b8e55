"""Reads from a replica when DATABASE_REPLICA_URL is set; writes to the primary."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings as django_settings
from django.db import connections, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

from articles.models import Article
from comments.models import Comment, ModerationPolicy
from operations.replicas import (
    RECENT_WRITE_COOKIE,
    PrimaryReplicaRouter,
    replica_allowed,
)
from tests.comments.conftest import comment_data
from tests.factories import make_article


@pytest.fixture
def replica(transactional_db, settings):
    """A second connection to the same test database, standing in for a replica."""
    connections.settings["replica"] = dict(connections["default"].settings_dict)
    settings.DATABASE_ROUTERS = ["operations.replicas.PrimaryReplicaRouter"]
    settings.MIDDLEWARE = [
        *settings.MIDDLEWARE,
        "operations.replicas.ReplicaReadsMiddleware",
    ]
    policy = ModerationPolicy.load()
    policy.min_seconds_to_write = 0
    policy.hold_first_comments = False
    policy.save()
    # Opened here: the test case only lets its own aliases open connections.
    connections["replica"].connect()
    yield connections["replica"]
    connections["replica"].close()
    del connections["replica"]
    del connections.settings["replica"]


def queries_on_each(callable_):
    with (
        CaptureQueriesContext(connections["default"]) as primary,
        CaptureQueriesContext(connections["replica"]) as replica,
    ):
        result = callable_()
    return result, primary.captured_queries, replica.captured_queries


def tables(queries):
    return " ".join(query["sql"] for query in queries)


def test_anonymous_page_views_read_from_the_replica(replica):
    article = make_article(title="Read from the replica")
    response, on_primary, on_replica = queries_on_each(
        lambda: Client().get(article.get_absolute_url())
    )
    assert response.status_code == 200
    assert "Read from the replica" in response.content.decode()
    quote = connections["default"].ops.quote_name
    assert quote("articles_article") in tables(on_replica)
    assert quote("articles_article") not in tables(on_primary)
    # The site settings and moderation rules are made on first use
    # (get_or_create), which reads where it may write: the primary.
    assert "SELECT" not in tables(on_primary).replace(
        f"SELECT {quote('recoverysite_sitesettings')}", ""
    ).replace(f"SELECT {quote('comments_moderationpolicy')}", "")


def test_a_commenter_reads_from_the_primary_right_after_posting(replica):
    article = make_article()
    visitor = Client()
    response, _on_primary, on_replica = queries_on_each(
        lambda: visitor.post("/comments/post/", comment_data(article))
    )
    assert response.status_code == 302
    assert on_replica == []
    assert RECENT_WRITE_COOKIE in response.cookies
    assert response.cookies[RECENT_WRITE_COOKIE]["max-age"] == (
        django_settings.REPLICA_MAX_LAG_SECONDS
    )
    # The "received" page the browser is sent to would 404 on a lagging replica.
    received, on_primary, on_replica = queries_on_each(
        lambda: visitor.get(response["Location"])
    )
    assert received.status_code == 200
    assert on_replica == []
    assert on_primary
    assert Comment.objects.count() == 1


def test_signed_in_people_read_from_the_primary(replica, django_user_model):
    editor = django_user_model.objects.create_superuser("ed", "ed@example.org", "x")
    client = Client()
    client.force_login(editor)
    response, on_primary, on_replica = queries_on_each(lambda: client.get("/admin/"))
    assert response.status_code == 200
    assert on_replica == []
    assert on_primary


def test_code_outside_requests_and_transactions_use_the_primary(replica):
    router = PrimaryReplicaRouter()
    assert router.db_for_read(Article) == "default"
    token = replica_allowed.set(True)
    try:
        assert router.db_for_read(Article) == "replica"
        with transaction.atomic():
            assert router.db_for_read(Article) == "default"
    finally:
        replica_allowed.reset(token)
    assert router.db_for_write(Article) == "default"
    assert router.allow_migrate("replica", "articles") is False
    assert router.allow_migrate("default", "articles") is True


def test_settings_add_the_router_only_with_a_replica_address():
    code = (
        "import json; from django.conf import settings; print(json.dumps(["
        "settings.DATABASE_ROUTERS, 'replica' in settings.DATABASES, "
        "'operations.replicas.ReplicaReadsMiddleware' in settings.MIDDLEWARE]))"
    )

    def settings_with(**environment):
        env = {
            key: value
            for key, value in os.environ.items()
            if key != "DATABASE_REPLICA_URL"
        }
        env.update(environment, DEBUG="1")
        result = subprocess.run(
            [sys.executable, "-c", code],
            env={**env, "DJANGO_SETTINGS_MODULE": "recoverysite.settings"},
            capture_output=True,
            text=True,
            cwd=django_settings.BASE_DIR,
            check=True,
        )
        return json.loads(result.stdout)

    assert settings_with() == [[], False, False]
    assert settings_with(
        DATABASE_REPLICA_URL="postgres://reader@replica.internal/site"
    ) == [["operations.replicas.PrimaryReplicaRouter"], True, True]
