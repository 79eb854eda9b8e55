import json

import pytest
from django.core.management import call_command

from events.models import Event
from registrations.models import Registration, RegistrationOptions, register
from tests.factories import make_event

pytestmark = pytest.mark.django_db


def test_the_commenter_data_command_exports_and_erases_registrants(capsys):
    event = make_event(registration_mode=Event.RegistrationMode.REQUIRED)
    RegistrationOptions.objects.create(event=event, capacity=1)
    register(event, email="sam@example.org", name="Sam", time_zone="Europe/London")
    waiting, _ = register(event, email="ada@example.org", name="Ada", time_zone="UTC")
    call_command("commenter_data", "--email", "Sam@example.org", "--export")
    data = json.loads(capsys.readouterr().out)
    assert data["registrations"][0]["name"] == "Sam"
    assert data["comments"] == []
    call_command("commenter_data", "--email", "sam@example.org", "--erase")
    assert "Erased 1 of registrations." in capsys.readouterr().out
    assert not Registration.objects.for_email("sam@example.org").exists()
    waiting.refresh_from_db()
    assert waiting.is_confirmed
