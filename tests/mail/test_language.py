"""Emails are written in the site's language, whoever or whatever sends them."""

import datetime
import zoneinfo

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone, translation

from comments.models import Comment, ModerationPolicy
from events.models import Event
from subscriptions import tasks
from subscriptions.models import Subscriber
from tests.comments.conftest import comment_data
from tests.conftest import run_worker
from tests.factories import make_article, make_event
from tests.registrations.test_registering import form_data, post
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


def test_a_visitor_who_chose_spanish_gets_spanish_emails_from_an_english_site(
    client, settings
):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"
    subscribe(client, email="robin@example.org")
    assert Subscriber.objects.get().language == "es"
    run_worker()

    (message,) = mail.outbox
    assert message.subject == "Confirma tus novedades por correo de Recovery Dialogues"


def test_a_registrant_who_chose_spanish_reads_the_times_in_spanish(client, settings):
    madrid = zoneinfo.ZoneInfo("Europe/Madrid")
    event = make_event(
        title="Dormir mejor",
        registration_mode=Event.RegistrationMode.REQUIRED,
        join_url="https://meet.example.org/room",
        start=datetime.datetime(2030, 3, 1, 18, 0, tzinfo=madrid),
        end=datetime.datetime(2030, 3, 1, 19, 30, tzinfo=madrid),
        time_zone="Europe/Madrid",
    )
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"
    post(client, event, form_data(client, event, time_zone="America/Mexico_City"))
    english = Client()
    post(english, event, form_data(english, event, email="kai@example.org"))
    run_worker()

    spanish_email, english_email = sorted(
        mail.outbox, key=lambda m: m.to[0] != "sam@example.org"
    )
    assert spanish_email.subject == "Inscripción confirmada: Dormir mejor"
    assert "Cuándo: viernes 1 de marzo de 2030, 18:00–19:30 CET" in spanish_email.body
    assert (
        "Tu hora (America/Mexico_City): viernes 1 de marzo de 2030, 11:00–12:30 CST"
        in (spanish_email.body)
    )
    assert english_email.subject == "You are registered: Dormir mejor"
    assert "When: Friday, March 1, 2030, 6:00–7:30 PM CET" in english_email.body


def test_each_subscriber_reads_the_weekly_digest_in_their_language():
    for email, language in [("ana@example.org", "es"), ("kai@example.org", "")]:
        subscriber = Subscriber.objects.create(
            email=email, frequency="weekly", language=language
        )
        subscriber.set_status(Subscriber.Status.CONFIRMED)
    madrid = zoneinfo.ZoneInfo("Europe/Madrid")
    make_event(
        title="Dormir mejor",
        published_at=timezone.now() - datetime.timedelta(hours=1),
        start=datetime.datetime(2030, 3, 1, 18, 0, tzinfo=madrid),
        end=datetime.datetime(2030, 3, 1, 19, 30, tzinfo=madrid),
        time_zone="Europe/Madrid",
    )

    tasks.start_digest()
    run_worker()

    emails = {message.to[0]: message for message in mail.outbox}
    spanish, english = emails["ana@example.org"], emails["kai@example.org"]
    assert spanish.subject == "Esta semana en Recovery Dialogues"
    assert "viernes 1 de marzo de 2030, 18:00–19:30 CET" in spanish.body
    assert english.subject == "This week at Recovery Dialogues"
    assert "Friday, March 1, 2030, 6:00–7:30 PM CET" in english.body


def test_a_commenter_who_chose_spanish_gets_spanish_comment_emails(
    settings, django_capture_on_commit_callbacks
):
    policy = ModerationPolicy.load()
    policy.min_seconds_to_write = 0
    policy.save()
    article = make_article()
    visitor = Client()
    visitor.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"

    with django_capture_on_commit_callbacks(execute=True):
        visitor.post("/comments/post/", comment_data(article, followup="on"))
    run_worker()

    assert Comment.objects.get().language == "es"
    (message,) = [m for m in mail.outbox if m.to == ["alex@example.org"]]
    assert (
        message.subject
        == "Confirma tu dirección para recibir respuestas de Recovery Dialogues"
    )
