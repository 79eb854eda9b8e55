"""
Work for the worker, never done inside a request (docs/operations.md).

``enqueue_after_commit()`` hands a task to the queue once the data it is about is
saved. ``every()`` makes a function a timed job: the worker runs it at its
interval, with no cron line; each run enqueues the next one with ``run_after``.
Two workers starting at once may both enqueue a run for the same moment; the
``TimedJob`` row lets only one of them run it, so the chains never multiply.
"""

import datetime
import logging
from dataclasses import dataclass
from functools import partial

from django.conf import settings
from django.db import transaction
from django.db.models import Case, F, When
from django.utils import timezone
from django_tasks import task, task_backends
from django_tasks_db import DatabaseBackend
from django_tasks_db.models import DBTaskResult, get_date_max

from operations.models import TimedJob

logger = logging.getLogger(__name__)

# name -> (function, interval), filled by @every at import.
TIMED_JOBS = {}


def enqueue_after_commit(task_to_run, *args, **kwargs):
    """
    Queue ``task_to_run`` for the worker once the current transaction commits.

    With the database backend the task is stored in the same transaction, so it
    becomes visible to workers exactly when the data does, and a request that
    fails leaves no task behind. Other backends enqueue after the commit.
    """
    if isinstance(task_to_run.get_backend(), DatabaseBackend):
        return task_to_run.enqueue(*args, **kwargs)
    transaction.on_commit(partial(task_to_run.enqueue, *args, **kwargs))
    return None


def every(interval):
    """A decorator: the worker runs the function every ``interval`` (a timedelta)."""

    def decorator(function):
        TIMED_JOBS[f"{function.__module__}.{function.__qualname__}"] = (
            function,
            interval,
        )
        return function

    return decorator


def schedule_timed_jobs():
    """When a worker starts: every timed job has its next run in the queue."""
    now = timezone.now().replace(microsecond=0)
    for name in TIMED_JOBS:
        job, _created = TimedJob.objects.get_or_create(
            name=name, defaults={"due_at": now}
        )
        run_timed_job.using(run_after=job.due_at).enqueue(name, job.due_at.isoformat())


@task
def run_timed_job(name, due_at):
    """Run timed job ``name`` for its run due at ``due_at``, once, and plan the next."""
    if name not in TIMED_JOBS:
        logger.warning("Timed job %s no longer exists: not run", name)
        return "unknown"
    function, interval = TIMED_JOBS[name]
    due = datetime.datetime.fromisoformat(due_at)
    now = timezone.now()
    next_due = due + interval
    while next_due <= now:
        # After the worker was down for a while: one run now, then on schedule.
        next_due += interval
    claimed = TimedJob.objects.filter(name=name, due_at=due).update(
        due_at=next_due, last_started_at=now
    )
    if not claimed:
        return "run by another worker"
    run_timed_job.using(run_after=next_due).enqueue(name, next_due.isoformat())
    result = function()
    TimedJob.objects.filter(name=name).update(last_finished_at=timezone.now())
    return result


@dataclass
class Backlog:
    """The queue as the worker should be keeping it: short, and nothing failed."""

    waiting: int
    oldest_waiting_seconds: int
    failed_last_day: int

    def is_worrying(self):
        return (
            self.oldest_waiting_seconds > settings.TASKS_BACKLOG_WARNING_SECONDS
            or self.failed_last_day > settings.TASKS_FAILED_WARNING_COUNT
        )


def backlog():
    """How many tasks are due and not run, since when, and how many failed."""
    if isinstance(task_backends["default"], DatabaseBackend):
        return database_backlog()
    return redis_backlog()


def database_backlog():
    now = timezone.now()
    due = DBTaskResult.objects.ready().annotate(
        due_at=Case(
            When(run_after=get_date_max(), then=F("enqueued_at")),
            default=F("run_after"),
        )
    )
    oldest = due.order_by("due_at").values_list("due_at", flat=True).first()
    failed = (
        DBTaskResult.objects.failed()
        .filter(finished_at__gte=now - datetime.timedelta(days=1))
        # A try that failed with its next try queued is not a failure yet.
        .exclude(exception_class_path="mail.tasks.DeliveryPostponed")
    )
    return Backlog(
        waiting=due.count(),
        oldest_waiting_seconds=int((now - oldest).total_seconds()) if oldest else 0,
        failed_last_day=failed.count(),
    )


def redis_backlog():
    import django_rq

    queue = django_rq.get_queue("default")
    oldest = queue.get_jobs(0, 1)
    enqueued_at = oldest[0].enqueued_at if oldest else None
    age = 0
    if enqueued_at is not None:
        age = int(
            (timezone.now() - enqueued_at.replace(tzinfo=datetime.UTC)).total_seconds()
        )
    return Backlog(
        waiting=queue.count,
        oldest_waiting_seconds=max(age, 0),
        failed_last_day=queue.failed_job_registry.count,
    )
