"""
Health checks for load balancers and process managers.

``/healthz`` says the process answers (no database, no cache). ``/readyz`` says
whether this server can serve the site: 503 when the database is unreachable or
migrations are missing, 200 otherwise. A cache or storage failure, and a task
queue that no worker keeps short (a task waiting longer than
TASKS_BACKLOG_WARNING_SECONDS, or tasks that failed for good), are reported
("degraded") but keep 200: the site still serves pages without them, and taking
every server out of rotation for it would turn a slowdown into an outage.
Answers name the checks and their state, never an error text or an address.
"""

import logging
import uuid
from dataclasses import asdict

from django.core.cache import cache
from django.core.files.storage import default_storage
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from operations.background import backlog

logger = logging.getLogger(__name__)

OK, UNAVAILABLE = "ok", "unavailable"
# Once every migration is applied, a running process's code cannot need more.
_migrations_applied = False


@never_cache
def alive(request):
    return JsonResponse({"status": OK})


@never_cache
def ready(request):
    checks = {
        "database": check(database_answers),
        "migrations": check(migrations_applied),
        "cache": check(cache_answers),
        "storage": check(storage_answers),
    }
    tasks = None
    if checks["database"] == OK:
        try:
            tasks = backlog()
        except Exception:
            logger.warning("Readiness check of the task queue failed", exc_info=True)
        checks["tasks"] = OK if tasks and not tasks.is_worrying() else "degraded"
    required_ok = checks["database"] == OK and checks["migrations"] == OK
    if not required_ok:
        status = UNAVAILABLE
    elif all(state == OK for state in checks.values()):
        status = OK
    else:
        status = "degraded"
    body = {"status": status, "checks": checks}
    if tasks is not None:
        body["tasks"] = asdict(tasks)
    return JsonResponse(body, status=200 if required_ok else 503)


def check(probe):
    try:
        return OK if probe() else UNAVAILABLE
    except Exception:
        logger.warning("Readiness check %s failed", probe.__name__, exc_info=True)
        return UNAVAILABLE


def database_answers():
    with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone() == (1,)


def migrations_applied():
    global _migrations_applied
    if not _migrations_applied:
        executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
        _migrations_applied = not plan
    return _migrations_applied


def cache_answers():
    # The Redis cache swallows its errors, so only a round trip tells.
    key, value = "readyz:probe", uuid.uuid4().hex
    cache.set(key, value, 30)
    return cache.get(key) == value


def storage_answers():
    default_storage.exists("readyz-probe")
    return True
