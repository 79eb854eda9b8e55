import pytest
from django.core import mail
from django.urls import reverse

from events.models import Event
from registrations.models import Registration, RegistrationOptions, register
from tests.conftest import run_worker
from tests.factories import make_event

pytestmark = pytest.mark.django_db


def required_event():
    return make_event(
        registration_mode=Event.RegistrationMode.REQUIRED,
        join_url="https://meet.example.org/room",
    )


def test_an_editor_adds_someone_by_hand_and_they_get_the_email(staff_client):
    event = required_event()
    response = staff_client.post(
        reverse("admin:registrations_registration_add"),
        {
            "event": event.pk,
            "name": "Rosa",
            "email": "Rosa@example.org",
            "time_zone": "Europe/London",
        },
    )
    assert response.status_code == 302
    assert Registration.objects.get().email == "rosa@example.org"
    run_worker()
    assert mail.outbox[0].to == ["rosa@example.org"]


def test_csv_export_and_attendance(staff_client):
    event = required_event()
    registration, _ = register(
        event, email="sam@example.org", name="Sam", time_zone="Europe/London"
    )
    url = reverse("admin:registrations_registration_changelist")
    csv = staff_client.post(
        url, {"action": "export_csv", "_selected_action": [registration.pk]}
    )
    assert csv["Content-Type"].startswith("text/csv")
    assert "sam@example.org" in csv.content.decode()
    staff_client.post(
        url, {"action": "mark_attended", "_selected_action": [registration.pk]}
    )
    registration.refresh_from_db()
    assert registration.attended
    listing = staff_client.get(url, {"q": "sam"}).content.decode()
    assert "sam@example.org" in listing


def test_more_seats_move_the_waiting_list_up(staff_client):
    event = required_event()
    options = RegistrationOptions.objects.create(event=event, capacity=1)
    register(event, email="a@example.org", name="A", time_zone="UTC")
    waiting, _ = register(event, email="b@example.org", name="B", time_zone="UTC")
    assert waiting.is_waiting
    response = staff_client.post(
        reverse("admin:registrations_registrationoptions_change", args=[options.pk]),
        {
            "event": event.pk,
            "capacity": 2,
            "consent_text": "",
            "reminder_hours": "",
        },
    )
    assert response.status_code == 302
    waiting.refresh_from_db()
    assert waiting.is_confirmed
    run_worker()
    assert any(m.subject.startswith("A seat is yours") for m in mail.outbox)
