from django.db import models
from django.utils.translation import gettext_lazy as _
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

DELIVER = "mail.tasks.deliver"


class OutgoingEmailQuerySet(models.QuerySet):
    def waiting(self):
        """Emails not sent yet: queued now or for a later try."""
        return self.filter(status=TaskResultStatus.READY)

    def to_address(self, email):
        """Emails to ``email``, matched in Python: JSON lookups vary by database."""
        wanted = email.lower()
        return self.filter(
            pk__in=[
                outgoing.pk
                for outgoing in self.only("pk", "args_kwargs")
                if wanted in (address.lower() for address in outgoing.recipients)
            ]
        )


class OutgoingEmailManager(models.Manager.from_queryset(OutgoingEmailQuerySet)):
    def get_queryset(self):
        return super().get_queryset().filter(task_path=DELIVER)


class OutgoingEmail(DBTaskResult):
    """One try at delivering an email: the task results of ``mail.tasks.deliver``."""

    objects = OutgoingEmailManager()

    class Meta:
        proxy = True
        ordering = ["-enqueued_at"]
        verbose_name = _("outgoing email")
        verbose_name_plural = _("outgoing emails")

    def __str__(self):
        return f"{self.subject} → {', '.join(self.recipients)}"

    @property
    def message(self):
        return self.args_kwargs["args"][0]

    @property
    def subject(self):
        return self.message["subject"]

    @property
    def recipients(self):
        message = self.message
        return [*message["to"], *message["cc"], *message["bcc"]]

    @property
    def attempt(self):
        args = self.args_kwargs["args"]
        return (
            args[1] if len(args) > 1 else self.args_kwargs["kwargs"].get("attempt", 1)
        )
