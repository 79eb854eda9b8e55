"""300 people registering at once for 100 seats: exactly 100 get one."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections

from events.models import Event
from registrations.models import Registration, RegistrationOptions, register
from tests.factories import make_event


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_parallel_registrations_never_oversell():
    if connection.vendor != "postgresql":
        pytest.skip(
            "needs PostgreSQL (DATABASE_URL=postgres://...): SQLite runs one "
            "writer at a time, so it cannot show two registrations racing"
        )
    event = make_event(registration_mode=Event.RegistrationMode.REQUIRED)
    RegistrationOptions.objects.create(event=event, capacity=100)

    def one(number):
        try:
            register(
                event,
                email=f"person{number}@example.org",
                name=f"Person {number}",
                time_zone="UTC",
            )
        finally:
            connections.close_all()

    # 20 connections at once: well inside PostgreSQL's default limit of 100.
    with ThreadPoolExecutor(max_workers=20) as pool:
        list(pool.map(one, range(300)))
    registrations = Registration.objects.filter(event=event)
    assert registrations.confirmed().count() == 100
    assert registrations.waiting().count() == 200
