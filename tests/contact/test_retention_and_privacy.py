"""Messages are erased after the retention period and with the privacy command."""

import datetime
import json

import pytest
from django.core.management import call_command
from django.utils import timezone

from contact.models import Message, Topic
from contact.tasks import erase_old_messages
from operations.background import TIMED_JOBS

pytestmark = pytest.mark.django_db


def received_days_ago(days, **kwargs):
    kwargs.setdefault("name", "Robin")
    kwargs.setdefault("email", "robin@example.org")
    kwargs.setdefault("message", f"Written {days} days ago.")
    return Message.objects.create(
        received_at=timezone.now() - datetime.timedelta(days=days), **kwargs
    )


def test_messages_older_than_the_retention_period_are_erased_daily(settings):
    settings.CONTACT_RETENTION_DAYS = 180
    old = received_days_ago(181, handled_at=timezone.now())
    unhandled_old = received_days_ago(200)
    recent = received_days_ago(179)
    assert "contact.tasks.erase_old_messages" in TIMED_JOBS
    assert TIMED_JOBS["contact.tasks.erase_old_messages"][1] == datetime.timedelta(
        days=1
    )
    assert erase_old_messages() == "2 message(s) erased"
    assert list(Message.objects.all()) == [recent]
    assert not Message.objects.filter(pk__in=[old.pk, unhandled_old.pk]).exists()


def test_the_retention_period_is_a_setting(settings):
    settings.CONTACT_RETENTION_DAYS = 7
    received_days_ago(8)
    keep = received_days_ago(6)
    erase_old_messages()
    assert list(Message.objects.all()) == [keep]


def test_the_personal_data_command_exports_and_erases_messages(capsys):
    topic = Topic.objects.create(name="Webinars")
    received_days_ago(3, topic=topic, email="Robin@Example.org")
    other = received_days_ago(2, email="sam@example.org")
    call_command("commenter_data", "--email", "robin@example.org", "--export")
    data = json.loads(capsys.readouterr().out)
    (exported,) = data["contact_messages"]
    assert exported["topic"] == "Webinars"
    assert exported["message"] == "Written 3 days ago."
    assert exported["handled_at"] is None

    call_command("commenter_data", "--email", "robin@example.org", "--erase")
    assert "Erased 1 of contact_messages." in capsys.readouterr().out
    assert list(Message.objects.all()) == [other]
