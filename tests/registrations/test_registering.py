"""Registering on the event page, the emails that follow, the signed links."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from events.models import Event
from registrations.models import Registration, RegistrationOptions
from tests.conftest import run_worker
from tests.factories import make_event

pytestmark = pytest.mark.django_db
JOIN_URL = "https://meet.example.org/private-room-4821"


def required_event(**kwargs):
    kwargs.setdefault("join_url", JOIN_URL)
    return make_event(registration_mode=Event.RegistrationMode.REQUIRED, **kwargs)


def form_data(client, event, **changes):
    page = client.get(event.get_absolute_url()).content.decode()
    issued = re.search(r'name="issued" value="([^"]+)"', page).group(1)
    data = {
        "name": "Sam",
        "email": "sam@example.org",
        "time_zone": "Europe/London",
        "issued": issued,
        "honeypot": "",
    }
    data.update(changes)
    return data


def post(client, event, data):
    return client.post(
        reverse("registrations:register", kwargs={"slug": event.slug}), data
    )


def links_in(body):
    return re.findall(r"http://\S+/registrations/\S+/", body)


def test_the_event_page_has_the_form_but_never_the_join_link(client):
    event = required_event()
    page = client.get(event.get_absolute_url()).content.decode()
    assert 'id="register"' in page
    assert reverse("registrations:register", kwargs={"slug": event.slug}) in page
    assert JOIN_URL not in page


def test_open_link_events_have_no_form(client):
    event = make_event(join_url=JOIN_URL)
    assert 'id="register"' not in client.get(event.get_absolute_url()).content.decode()


def test_registering_sends_the_join_link_both_times_and_an_ics(client):
    event = required_event()
    response = post(client, event, form_data(client, event))
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "registrations:received", kwargs={"slug": event.slug}
    )
    assert mail.outbox == []
    run_worker()
    (message,) = mail.outbox
    assert message.to == ["sam@example.org"]
    assert JOIN_URL in message.body
    assert "PDT" in message.body or "PST" in message.body
    assert "Your time (Europe/London)" in message.body
    assert "Need help now?" in message.body or event.title in message.body
    filename, content, mimetype = message.attachments[0]
    assert filename == f"{event.slug}.ics"
    assert mimetype == "text/calendar"
    assert JOIN_URL in content.replace("\r\n ", "")
    assert "BEGIN:VTIMEZONE" in content


def test_invalid_input_comes_back_with_errors_and_text_kept(client):
    event = required_event()
    response = post(
        client, event, form_data(client, event, email="not-an-email", name="Sam K")
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert 'id="error-summary"' in page
    assert 'value="Sam K"' in page
    assert 'value="not-an-email"' in page
    assert Registration.objects.count() == 0


def test_an_unknown_time_zone_is_refused_with_a_suggestion(client):
    event = required_event()
    response = post(client, event, form_data(client, event, time_zone="Europe/Londn"))
    assert "Did you mean Europe/London?" in response.content.decode()


def test_a_tampered_form_comes_back_with_the_text_kept(client):
    event = required_event()
    response = post(client, event, form_data(client, event, issued="1:forged:x"))
    page = response.content.decode()
    assert "needs to be sent again" in page
    assert 'value="Sam"' in page
    assert Registration.objects.count() == 0


def test_the_same_email_twice_is_one_registration_and_the_email_again(client):
    event = required_event()
    first = post(client, event, form_data(client, event))
    second = post(client, event, form_data(client, event, email="SAM@example.org"))
    assert first["Location"] == second["Location"]
    assert Registration.objects.count() == 1
    run_worker()
    assert [message.to for message in mail.outbox] == [["sam@example.org"]] * 2
    received = client.get(first["Location"]).content.decode()
    assert "Check your email" in received


def test_the_honeypot_registers_no_one_and_looks_the_same(client):
    event = required_event()
    response = post(client, event, form_data(client, event, honeypot="spam"))
    assert response.status_code == 302
    assert Registration.objects.count() == 0


def test_too_many_registrations_get_a_429_that_keeps_the_text(client, settings):
    settings.REGISTRATION_RATE_PER_IP = "2/h"
    event = required_event()
    for number in range(2):
        post(client, event, form_data(client, event, email=f"p{number}@example.org"))
    response = post(client, event, form_data(client, event, name="Third Person"))
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert 'value="Third Person"' in response.content.decode()


def test_the_personal_page_shows_the_join_link_and_the_cancel_link_works_once(
    client,
):
    event = required_event()
    post(client, event, form_data(client, event))
    run_worker()
    mine_url, cancel_url = links_in(mail.outbox[0].body)
    mine = client.get(mine_url)
    assert JOIN_URL in mine.content.decode()
    assert mine.headers["Cache-Control"].startswith("max-age=0")
    assert "Yes, cancel" in client.get(cancel_url).content.decode()
    assert Registration.objects.get().is_confirmed
    done = client.post(cancel_url)
    assert "Your registration is cancelled" in done.content.decode()
    assert Registration.objects.get().is_cancelled
    again = client.post(cancel_url)
    assert again.status_code == 404
    assert "This link is invalid or has expired" in again.content.decode()
    assert client.get(mine_url).status_code == 404


def test_a_tampered_link_gets_the_invalid_link_page(client):
    event = required_event()
    post(client, event, form_data(client, event))
    run_worker()
    mine_url, _cancel_url = links_in(mail.outbox[0].body)
    response = client.get(mine_url[:-3] + "x/")
    assert response.status_code == 404
    assert "This link is invalid or has expired" in response.content.decode()


def test_past_the_seats_people_wait_and_a_cancellation_promotes_the_next(client):
    event = required_event()
    RegistrationOptions.objects.create(event=event, capacity=1)
    for name in ["first", "second", "third"]:
        post(client, event, form_data(client, event, email=f"{name}@example.org"))
    statuses = dict(Registration.objects.values_list("email", "status"))
    assert statuses == {
        "first@example.org": "confirmed",
        "second@example.org": "waiting",
        "third@example.org": "waiting",
    }
    run_worker()
    waiting = next(m for m in mail.outbox if m.to == ["second@example.org"])
    assert "waiting list, number 1" in waiting.body
    assert JOIN_URL not in waiting.body
    first = next(m for m in mail.outbox if m.to == ["first@example.org"])
    mail.outbox.clear()
    _mine, cancel_url = links_in(first.body)
    client.post(cancel_url)
    run_worker()
    (promoted,) = mail.outbox
    assert promoted.to == ["second@example.org"]
    assert JOIN_URL in promoted.body
    assert Registration.objects.get(email="second@example.org").is_confirmed
    assert Registration.objects.get(email="third@example.org").is_waiting


def test_no_public_count_unless_the_editor_turns_it_on(client):
    event = required_event()
    options = RegistrationOptions.objects.create(event=event)
    post(client, event, form_data(client, event))
    assert "has registered" not in client.get(event.get_absolute_url()).content.decode()
    options.shows_attendee_count = True
    options.save()
    page = client.get(event.get_absolute_url()).content.decode()
    assert "1 person has registered." in page
