"""
What a registration sets off, done by the worker: the confirmation (or the place
on the waiting list) and the seat email of someone promoted. Each task takes a
registration's id; one erased meanwhile ends the task quietly.
"""

import logging

from django_tasks import task

from registrations import emails
from registrations.models import Registration

logger = logging.getLogger(__name__)


def find(registration_id):
    registration = (
        Registration.objects.select_related("event").filter(pk=registration_id).first()
    )
    if registration is None:
        logger.info("Registration %s was erased before its email", registration_id)
    return registration


@task
def registered(registration_id):
    """The confirmation with the join link, or the place on the waiting list."""
    if registration := find(registration_id):
        emails.registered(registration)


@task
def promoted(registration_id):
    """Someone on the waiting list has a seat now."""
    if (registration := find(registration_id)) and registration.is_confirmed:
        emails.promoted(registration)
