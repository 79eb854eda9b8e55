"""Registering for the meetings of a series: each meeting on its own."""

import pytest
from django.core import mail

from events.models import Event, SeriesException
from registrations.models import Registration
from tests.conftest import run_worker
from tests.factories import make_series
from tests.registrations.test_registering import form_data, post

pytestmark = pytest.mark.django_db
JOIN_URL = "https://meet.example.org/tuesday-circle-7731"


def circle():
    return make_series(
        title="Tuesday circle",
        registration_mode=Event.RegistrationMode.REQUIRED,
        join_url=JOIN_URL,
    )


def test_a_meeting_takes_its_own_registrations_with_the_series_join_link(client):
    series = circle()
    first, second, third = series.occurrences.order_by("start")

    response = post(client, second, form_data(client, second))

    assert response.status_code == 302
    (registration,) = Registration.objects.all()
    assert registration.event == second
    assert not Registration.objects.filter(event__in=[first, third]).exists()
    run_worker()
    (confirmation,) = mail.outbox
    assert f"Join here: {JOIN_URL}" in confirmation.body
    assert second.when in confirmation.body
    series_page = client.get(series.get_absolute_url()).text
    assert JOIN_URL not in series_page
    assert JOIN_URL not in client.get(second.get_absolute_url()).text


def test_skipping_a_date_tells_the_registrants_of_that_meeting(client):
    series = circle()
    first, second, _third = series.occurrences.order_by("start")
    for meeting, email in [(first, "ana@example.org"), (second, "sam@example.org")]:
        post(client, meeting, form_data(client, meeting, email=email))
    run_worker()
    mail.outbox.clear()

    SeriesException.objects.create(
        series=series, date=second.local_start.date(), note="Bank holiday."
    )
    series.update_occurrences()
    run_worker()

    (news,) = mail.outbox
    assert news.to == ["sam@example.org"]
    assert news.subject == "Cancelled: Tuesday circle"
    assert "“Tuesday circle” has been cancelled" in news.body
    assert JOIN_URL not in news.body
