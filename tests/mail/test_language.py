"""Emails are written in the site's language, whoever or whatever sends them."""

import pytest
from django.core import mail
from django.utils import translation

from tests.conftest import run_worker
from tests.subscriptions.conftest import subscribe

pytestmark = pytest.mark.django_db


def test_a_spanish_site_sends_its_confirmation_email_in_spanish(client, settings):
    settings.LANGUAGE_CODE = "es"
    subscribe(client, email="robin@example.org")
    run_worker()

    (message,) = mail.outbox
    html, _ = message.alternatives[0]
    assert message.subject == "Confirma tus novedades por correo de Recovery Dialogues"
    assert "Alguien, probablemente tú, pidió novedades por correo" in message.body
    assert "Confirmar mis novedades por correo" in html
    assert "Someone" not in message.body


def test_an_email_keeps_the_site_language_whatever_language_is_active(client):
    subscribe(client, email="robin@example.org")
    # A worker or a request that happens to speak Spanish writes for the site.
    with translation.override("es"):
        run_worker()

    (message,) = mail.outbox
    assert message.subject == (
        "Please confirm your email updates from Recovery Dialogues"
    )
    assert "Someone, probably you, asked for email updates" in message.body
