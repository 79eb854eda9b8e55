"""The site's own timed jobs: forgetting what it no longer needs to keep."""

import datetime

from axes.models import AccessAttempt
from django.conf import settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from operations.background import every


@every(datetime.timedelta(hours=1))
def forget_expired_sign_in_failures():
    """Failed admin sign-ins older than the lock-out: the pause is over anyway."""
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    deleted, _ = AccessAttempt.objects.filter(attempt_time__lt=since).delete()
    return deleted


@every(datetime.timedelta(days=1))
def forget_old_task_results():
    """Finished tasks older than TASKS_RESULT_RETENTION_DAYS leave the admin."""
    since = timezone.now() - datetime.timedelta(
        days=settings.TASKS_RESULT_RETENTION_DAYS
    )
    deleted, _ = DBTaskResult.objects.finished().filter(finished_at__lt=since).delete()
    return deleted
