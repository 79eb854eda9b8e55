import datetime
import json
from unittest import mock

import pytest
from django.core.mail import send_mail
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from django.utils import timezone

from operations import health
from tests.conftest import run_worker

from .conftest import closed_port


@pytest.fixture(autouse=True)
def forget_migration_state(monkeypatch):
    monkeypatch.setattr(health, "_migrations_applied", False)


def answer(url, **extra):
    response = Client().get(url, **extra)
    return response, json.loads(response.content)


def redis_cache_at(url):
    return {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": url,
            "OPTIONS": {"IGNORE_EXCEPTIONS": True},
        }
    }


def test_healthz_answers_without_touching_the_database(db, django_assert_num_queries):
    with django_assert_num_queries(0):
        response, body = answer("/healthz")
    assert response.status_code == 200
    assert body == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_answers_while_the_database_is_down(transactional_db, database_outage):
    database_outage.start()
    response, body = answer("/healthz")
    assert response.status_code == 200
    assert body == {"status": "ok"}


def test_readyz_reports_every_check_ok(db):
    response, body = answer("/readyz")
    assert response.status_code == 200
    assert body == {
        "status": "ok",
        "checks": {
            "database": "ok",
            "migrations": "ok",
            "cache": "ok",
            "storage": "ok",
            "tasks": "ok",
        },
        "tasks": {"waiting": 0, "oldest_waiting_seconds": 0, "failed_last_day": 0},
    }
    assert "no-cache" in response["Cache-Control"]


def test_readyz_is_degraded_not_down_when_no_worker_runs_the_queue(db, settings):
    settings.TASKS_BACKLOG_WARNING_SECONDS = 300
    send_mail("Hello", "Words.", None, ["reader@example.org"])
    assert answer("/readyz")[1]["checks"]["tasks"] == "ok"

    later = timezone.now() + datetime.timedelta(minutes=10)
    with mock.patch("django.utils.timezone.now", return_value=later):
        response, body = answer("/readyz")

    assert response.status_code == 200
    assert body["status"] == "degraded"
    assert body["checks"]["tasks"] == "degraded"
    assert body["tasks"]["waiting"] == 1
    assert 595 <= body["tasks"]["oldest_waiting_seconds"] <= 605


def test_readyz_counts_tasks_that_failed_for_good_but_not_tries_to_come(db, settings):
    settings.EMAIL_DELIVERY_BACKEND = "tests.comments.doubles.UnreachableBackend"
    send_mail("Hello", "Words.", None, ["reader@example.org"])
    run_worker()
    # The first try failed and the next is queued: not a failure yet.
    assert answer("/readyz")[1]["tasks"]["failed_last_day"] == 0

    settings.EMAIL_DELIVERY_BACKEND = "tests.comments.doubles.RefusingBackend"
    run_worker(at=timezone.now() + datetime.timedelta(minutes=2))
    response, body = answer("/readyz")
    assert body["tasks"]["failed_last_day"] == 1
    assert body["checks"]["tasks"] == "degraded"
    assert response.status_code == 200


def test_readyz_is_503_while_the_database_is_down(transactional_db, database_outage):
    database_outage.start()
    response, body = answer("/readyz")
    assert response.status_code == 503
    assert body["status"] == "unavailable"
    assert body["checks"]["database"] == "unavailable"
    database_outage.restore()
    response, body = answer("/readyz")
    assert response.status_code == 200


def test_readyz_is_503_when_migrations_are_missing(db, monkeypatch):
    monkeypatch.setattr(
        MigrationExecutor, "migration_plan", lambda self, targets: [("pending", False)]
    )
    response, body = answer("/readyz")
    assert response.status_code == 503
    assert body["checks"]["migrations"] == "unavailable"


def test_readyz_stays_200_but_degraded_when_the_cache_is_down(db, settings):
    settings.CACHES = redis_cache_at(f"redis://127.0.0.1:{closed_port()}/0")
    response, body = answer("/readyz")
    assert response.status_code == 200
    assert body["status"] == "degraded"
    assert body["checks"]["cache"] == "unavailable"
    assert body["checks"]["database"] == "ok"


def test_readyz_never_shows_error_texts_or_addresses(
    transactional_db, database_outage, settings
):
    port = closed_port()
    settings.CACHES = redis_cache_at(f"redis://secret-user:hunter2@127.0.0.1:{port}/0")
    database_outage.start()
    response, _body = answer("/readyz")
    text = response.content.decode()
    for leak in ("hunter2", "secret-user", str(port), "127.0.0.1", "Error", "error"):
        assert leak not in text


def test_health_answers_are_never_page_cached(db, settings):
    settings.PAGE_CACHE_SECONDS = 600
    for url in ("/healthz", "/readyz"):
        answer(url)
        response, _body = answer(url)
        assert "X-Page-Cache" not in response


def test_health_checks_skip_the_https_redirect(db, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert Client().get("/readyz").status_code == 200
    assert Client().get("/articles/").status_code == 301
