import contextlib
import datetime
from unittest import mock

import pytest
from django.core.management import call_command
from django.utils import timezone

# Fixtures for tests that run a site in other processes.
from tests.processes import own_database_url, own_redis  # noqa: F401


@pytest.fixture(autouse=True)
def test_settings(settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Mail goes through the task queue as in production; the worker delivers it
    # to Django's test outbox.
    settings.EMAIL_BACKEND = "mail.backends.QueuedEmailBackend"
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        },
    }
    return settings


@pytest.fixture(autouse=True)
def fresh_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def now():
    return timezone.now()


@pytest.fixture
def yesterday(now):
    return now - datetime.timedelta(days=1)


@pytest.fixture
def tomorrow(now):
    return now + datetime.timedelta(days=1)


@pytest.fixture
def staff_client(client, django_user_model):
    """A client logged in as a superuser: staff who may preview everything."""
    user = django_user_model.objects.create_superuser(
        "editor", "editor@example.org", "x"
    )
    client.force_login(user)
    return client


def in_test_transaction():
    """
    The worker's check for stale connections left out: a test's worker runs in
    the test's own transaction, where that check would close the connection
    (on PostgreSQL; SQLite's in-memory database ignores it), as Django leaves
    it out of requests in tests.
    """
    return mock.patch(
        "django_tasks_db.management.commands.db_worker.close_old_connections"
    )


def run_worker(at=None):
    """
    What a worker does now (or at the moment ``at``, for tasks that wait, like a
    retry an hour later): every task that is due, then it stops.
    """
    with contextlib.ExitStack() as stack:
        stack.enter_context(in_test_transaction())
        if at is not None:
            stack.enter_context(
                mock.patch("django.utils.timezone.now", return_value=at)
            )
        call_command("db_worker", batch=True, startup_delay=False, verbosity=0)


@pytest.fixture
def worker():
    """Run the worker in this process: ``worker()`` runs what is due."""
    return run_worker
