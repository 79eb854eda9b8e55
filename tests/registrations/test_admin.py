import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
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


def three_registrants(event):
    RegistrationOptions.objects.create(event=event, capacity=1)
    seated, _ = register(event, email="ana@example.org", name="Ana", time_zone="UTC")
    waiting, _ = register(event, email="ben@example.org", name="Ben", time_zone="UTC")
    gone, _ = register(event, email="cy@example.org", name="Cy", time_zone="UTC")
    Registration.objects.filter(pk=gone.pk).update(status=Registration.Status.CANCELLED)
    return seated, waiting, gone


def test_the_dashboard_and_the_options_list_count_the_seats(staff_client):
    event = required_event()
    three_registrants(event)
    make_event(title="Open to all")  # asks for no registration: not listed

    dashboard = staff_client.get(reverse("admin:index")).text
    assert "Registrations for the next events" in dashboard
    assert "1 of 1 seats taken, 1 waiting" in dashboard
    assert f"event__id__exact={event.pk}" in dashboard
    assert "Open to all" not in dashboard.partition("dashboard-registrations")[2]

    options = staff_client.get(
        reverse("admin:registrations_registrationoptions_changelist")
    ).text
    assert '<td class="field-seats_taken">1</td>' in options
    assert '<td class="field-waiting_list">1</td>' in options


def write(client, chosen, **form):
    return client.post(
        reverse("admin:registrations_registration_changelist"),
        {
            "action": "write_to_registrants",
            "_selected_action": [registration.pk for registration in chosen],
            **form,
        },
    )


def test_an_editor_previews_then_writes_to_the_chosen_registrants(staff_client):
    event = required_event()
    seated, waiting, gone = three_registrants(event)
    chosen = [seated, waiting, gone]

    page = write(staff_client, chosen).text
    assert "1 registrant with a seat" in page
    assert "and 1 on the waiting list" in page
    assert 'name="send"' not in page  # sending comes after a preview

    preview = write(
        staff_client,
        chosen,
        subject="The room\nhas changed",
        message="Bring a cup for tea.",
        preview="Preview",
    ).text
    assert "The room has changed" in preview
    assert "Bring a cup for tea." in preview
    assert "Hello Ana," in preview
    assert 'name="send"' in preview
    run_worker()
    assert mail.outbox == []  # a preview sends nothing

    sent = write(
        staff_client,
        chosen,
        subject="The room has changed",
        message="Bring a cup for tea.",
        send="Send",
    )
    assert sent.status_code == 302
    run_worker()
    by_address = {message.to[0]: message for message in mail.outbox}
    assert sorted(by_address) == ["ana@example.org", "ben@example.org"]
    assert by_address["ana@example.org"].subject == "The room has changed"
    assert "https://meet.example.org/room" in by_address["ana@example.org"].body
    assert "https://meet.example.org/room" not in by_address["ben@example.org"].body
    assert "waiting list" in by_address["ben@example.org"].body


def test_an_empty_message_comes_back_with_the_subject_kept(staff_client):
    event = required_event()
    seated, _waiting, _gone = three_registrants(event)

    page = write(
        staff_client, [seated], subject="About Thursday", message="", send="Send"
    ).text

    assert "This field is required." in page
    assert 'value="About Thursday"' in page
    run_worker()
    assert mail.outbox == []


def test_the_waiting_list_filter_shows_people_in_the_order_they_joined(staff_client):
    event = required_event()
    RegistrationOptions.objects.create(event=event, capacity=1)
    for name in ["Seated", "Zoe", "Abe", "Mia"]:
        register(event, email=f"{name.lower()}@example.org", name=name, time_zone="UTC")

    listing = staff_client.get(
        reverse("admin:registrations_registration_changelist"),
        {"status__exact": "waiting", "event__id__exact": event.pk},
    ).text

    assert "Seated" not in listing
    assert listing.index("zoe@example.org") < listing.index("abe@example.org")
    assert listing.index("abe@example.org") < listing.index("mia@example.org")


def test_the_event_list_counts_each_events_registrations(
    staff_client, django_assert_num_queries
):
    event = required_event()
    RegistrationOptions.objects.create(event=event, capacity=2)
    for letter in "abc":
        register(event, email=f"{letter}@example.org", name=letter, time_zone="UTC")
    open_event = make_event(title="Open to all")
    url = reverse("admin:events_event_changelist")
    staff_client.get(url)

    with CaptureQueriesContext(connection) as two_events:
        listing = staff_client.get(url).content.decode()

    assert "2 of 2 seats taken, 1 waiting" in listing
    row = listing[listing.index(open_event.title) :]
    assert '<td class="field-registrations">—</td>' in row[: row.index("</tr>")]
    # More events asking for registration cost no more queries.
    for _ in range(3):
        register(required_event(), email="d@example.org", name="d", time_zone="UTC")
    with django_assert_num_queries(len(two_events.captured_queries)):
        assert staff_client.get(url).content.decode().count("1 registered") == 3
