"""The worker: timed jobs run without cron, and a lost database stops nothing."""

import datetime
import logging
import time

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from comments.models import Comment
from operations import background
from operations.models import TimedJob
from tests.comments.conftest import make_comment
from tests.conftest import in_test_transaction, run_worker
from tests.factories import make_article
from tests.processes import start

pytestmark = pytest.mark.django_db


def run_worker_command():
    with in_test_transaction():
        call_command("worker", batch=True, verbosity=0)


@pytest.fixture
def counted_job(monkeypatch):
    """A timed job of the test's own, every hour, counting its runs."""
    runs = []
    monkeypatch.setitem(
        background.TIMED_JOBS,
        "tests.counted",
        (lambda: runs.append(timezone.now()), datetime.timedelta(hours=1)),
    )
    return runs


def test_the_first_worker_runs_every_timed_job_and_plans_the_next(settings):
    settings.COMMENTS_IP_RETENTION_DAYS = 30
    old = make_comment(
        make_article(), submit_date=timezone.now() - datetime.timedelta(days=31)
    )
    recent = make_comment(make_article())
    AccessAttempt.objects.create(
        username="x", ip_address="203.0.113.1", failures_since_start=3
    )
    AccessAttempt.objects.update(
        attempt_time=timezone.now() - datetime.timedelta(days=1)
    )

    run_worker_command()

    assert Comment.objects.get(pk=old.pk).ip_address is None
    assert Comment.objects.get(pk=recent.pk).ip_address is not None
    assert not AccessAttempt.objects.exists()
    names = set(TimedJob.objects.values_list("name", flat=True))
    assert names == set(background.TIMED_JOBS)
    erase = TimedJob.objects.get(name="comments.tasks.erase_old_ip_addresses")
    assert erase.last_finished_at is not None
    tomorrow = timezone.now() + datetime.timedelta(days=1)
    assert abs((erase.due_at - tomorrow).total_seconds()) < 60
    next_runs = DBTaskResult.objects.filter(
        task_path="operations.background.run_timed_job", status="READY"
    )
    assert erase.name in [result.args_kwargs["args"][0] for result in next_runs]


def test_a_timed_job_runs_again_at_its_interval_and_not_before(counted_job):
    background.schedule_timed_jobs()
    run_worker()
    assert len(counted_job) == 1

    run_worker(at=timezone.now() + datetime.timedelta(minutes=30))
    assert len(counted_job) == 1
    run_worker(at=timezone.now() + datetime.timedelta(minutes=61))
    assert len(counted_job) == 2


def test_workers_started_together_run_a_timed_job_once(counted_job):
    # Each worker that starts makes sure the job is planned: two plans, one run.
    background.schedule_timed_jobs()
    background.schedule_timed_jobs()
    run_worker()
    assert len(counted_job) == 1
    run_worker(at=timezone.now() + datetime.timedelta(minutes=61))
    assert len(counted_job) == 2


def test_after_a_long_stop_a_job_runs_once_then_on_its_schedule(counted_job):
    background.schedule_timed_jobs()
    run_worker(at=timezone.now() + datetime.timedelta(hours=5, minutes=1))
    assert len(counted_job) == 1
    job = TimedJob.objects.get(name="tests.counted")
    assert job.due_at > timezone.now() + datetime.timedelta(hours=5)


def test_a_timed_job_that_no_longer_exists_ends_quietly(caplog):
    background.run_timed_job.enqueue("gone.job", timezone.now().isoformat())
    run_worker()
    assert "Timed job gone.job no longer exists" in caplog.text
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"


def test_a_task_for_a_deleted_comment_finishes_quietly(caplog, mailoutbox):
    from comments.tasks import comment_received

    caplog.set_level(logging.INFO, logger="comments.tasks")
    comment = make_comment(make_article(), followup=True)
    comment_received.enqueue(comment.pk)
    Comment.objects.filter(pk=comment.pk).delete()
    run_worker()
    assert f"Comment {comment.pk} was deleted" in caplog.text
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"
    assert mailoutbox == []


@pytest.mark.django_db(transaction=True)
def test_a_worker_that_cannot_reach_its_database_keeps_trying_and_says_so(tmp_path):
    unreachable = f"sqlite:///{tmp_path / 'no-such-folder' / 'site.sqlite3'}"
    worker = start(unreachable, "worker")
    try:
        time.sleep(4)
        assert worker.poll() is None, worker.stdout.read()
    finally:
        worker.kill()
    output = worker.communicate()[0]
    assert "The worker cannot reach its queue" in output
    assert "trying again in 1 s" in output and "trying again in 2 s" in output
