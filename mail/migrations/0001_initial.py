"""
Outgoing email becomes the task results of mail.tasks.deliver. Emails still
waiting in the old outbox (comments.OutgoingEmail) are queued again as tasks,
keeping the tries already made, before that table goes.
"""

from django.conf import settings
from django.db import migrations


def queue_waiting_emails(apps, schema_editor):
    # The live task: what it queues must be what today's worker runs.
    from mail.tasks import deliver

    OldEmail = apps.get_model("comments", "OutgoingEmail")
    waiting = OldEmail.objects.using(schema_editor.connection.alias).filter(
        sent_at=None, attempts__lte=len(settings.EMAIL_RETRY_DELAYS)
    )
    for email in waiting.order_by("created_at"):
        message = {
            "subject": email.subject,
            "body": email.body,
            "from_email": settings.DEFAULT_FROM_EMAIL,
            "to": [email.to],
            "cc": [],
            "bcc": [],
            "reply_to": [],
            "headers": email.headers,
            "content_subtype": "plain",
            "alternatives": [],
            "attachments": [],
        }
        deliver.enqueue(message, attempt=email.attempts + 1)


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
        ("comments", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="OutgoingEmail",
            fields=[],
            options={
                "verbose_name": "outgoing email",
                "verbose_name_plural": "outgoing emails",
                "ordering": ["-enqueued_at"],
                "proxy": True,
                "indexes": [],
                "constraints": [],
            },
            bases=("django_tasks_database.dbtaskresult",),
        ),
        migrations.RunPython(queue_waiting_emails, migrations.RunPython.noop),
    ]
