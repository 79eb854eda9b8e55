import logging
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import InterfaceError, OperationalError, close_old_connections

from operations.background import schedule_timed_jobs

logger = logging.getLogger(__name__)
MAX_WAIT_SECONDS = 60


def unreachable_errors():
    """What an unreachable database (or Redis, with RQ) raises in the worker."""
    errors = [OperationalError, InterfaceError]
    if settings.TASKS_BACKEND == "rq":
        from redis.exceptions import ConnectionError, TimeoutError

        errors += [ConnectionError, TimeoutError]
    return tuple(errors)


class Command(BaseCommand):
    help = (
        "Run the background worker: every email, the moderators' digest and the "
        "timed jobs (erasing old IP addresses, forgetting expired sign-in "
        "failures). Stop it with Ctrl-C or SIGTERM; it finishes the task at hand."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--batch",
            action="store_true",
            help="Run what is due now, then stop (for a test or a cron line).",
        )

    def handle(self, *args, batch, verbosity, **options):
        wait = 1
        while True:
            try:
                schedule_timed_jobs()
                self.run_worker(batch, verbosity)
                return
            except unreachable_errors() as error:
                # A database or Redis restart must not stop the mail: keep trying.
                logger.error(
                    "The worker cannot reach its queue (%s); trying again in %d s",
                    error,
                    wait,
                )
                close_old_connections()
                time.sleep(wait)
                wait = min(wait * 2, MAX_WAIT_SECONDS)

    def run_worker(self, batch, verbosity):
        if settings.TASKS_BACKEND == "rq":
            call_command(
                "rqworker",
                "default",
                with_scheduler=True,
                job_class="django_tasks_rq.Job",
                burst=batch,
                verbosity=verbosity,
            )
        else:
            call_command(
                "db_worker",
                batch=batch,
                reload=False,
                startup_delay=not batch,
                verbosity=verbosity,
            )
