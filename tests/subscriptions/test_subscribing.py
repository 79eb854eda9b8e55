"""Subscribing from the footer: double opt-in, the signed links, bad input."""

import datetime
from unittest import mock

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from subscriptions import links
from subscriptions.models import Subscriber
from tests.conftest import run_worker
from tests.factories import make_article, make_event

from .conftest import form_data, links_in, subscribe

pytestmark = pytest.mark.django_db


def test_every_page_has_the_form_in_its_footer(client):
    page = client.get("/").content.decode()
    assert 'action="/updates/subscribe/"' in page
    assert 'id="id_footer_email"' in page


def test_article_and_event_pages_have_their_own_form_with_their_own_ids(client):
    article_page = client.get(make_article().get_absolute_url()).content.decode()
    assert "New articles by email" in article_page
    assert 'id="id_article_email"' in article_page
    assert 'id="id_footer_email"' in article_page
    event_page = client.get(make_event().get_absolute_url()).content.decode()
    assert "The next webinars by email" in event_page
    assert 'id="id_event_email"' in event_page


def test_subscribing_sends_one_confirmation_and_nothing_else_until_confirmed(client):
    response = subscribe(client, email="Robin@Example.org", topics="articles")
    assert response.status_code == 302
    assert response["Location"] == reverse("subscriptions:received")
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "robin@example.org"
    assert subscriber.status == Subscriber.Status.PENDING
    assert subscriber.topics == "articles"
    assert mail.outbox == []
    run_worker()
    (message,) = mail.outbox
    assert message.to == ["robin@example.org"]
    assert "confirm" in message.subject.lower()
    confirm_url = links.link(subscriber, "confirm", absolute=True)
    assert confirm_url in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert f'href="{confirm_url}"' in html
    assert "List-Unsubscribe" in message.extra_headers


def test_a_link_checker_opening_the_confirmation_link_confirms_nothing(client):
    subscribe(client)
    subscriber = Subscriber.objects.get()
    response = client.get(links.link(subscriber, "confirm"))
    assert response.status_code == 200
    assert "Yes, send me updates" in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.PENDING


def test_confirming_with_the_button_leads_to_the_preferences(client):
    subscribe(client)
    subscriber = Subscriber.objects.get()
    response = client.post(links.link(subscriber, "confirm"), follow=True)
    assert "your email updates are confirmed" in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED
    assert subscriber.confirmed_at is not None


def test_a_confirmation_link_older_than_a_week_is_refused(client):
    subscribe(client)
    subscriber = Subscriber.objects.get()
    url = links.link(subscriber, "confirm")
    later = timezone.now() + datetime.timedelta(days=8)
    with mock.patch("time.time", return_value=later.timestamp()):
        response = client.post(url)
    assert response.status_code == 404
    assert "This link does not work" in response.content.decode()


def test_a_forged_link_gets_its_page(client):
    response = client.get("/updates/preferences/1.abc:forged/")
    assert response.status_code == 404
    assert "This link does not work" in response.content.decode()


def test_an_address_gets_at_most_one_confirmation_a_day(client):
    for _ in range(3):
        assert subscribe(client, email="sky@example.org").status_code == 302
    run_worker()
    assert len(mail.outbox) == 1
    tomorrow = timezone.now() + datetime.timedelta(days=1, minutes=1)
    with mock.patch("django.utils.timezone.now", return_value=tomorrow):
        subscribe(client, email="sky@example.org")
    run_worker()
    assert len(mail.outbox) == 2


def test_a_stranger_learns_nothing_and_changes_nothing_of_a_subscriber(
    client, confirmed
):
    subscriber = confirmed("sky@example.org", frequency="each", topics="events")
    stranger = subscribe(client, email="sky@example.org", frequency="weekly")
    newcomer = subscribe(client, email="new@example.org")
    assert stranger.status_code == newcomer.status_code == 302
    assert stranger["Location"] == newcomer["Location"]
    subscriber.refresh_from_db()
    assert (subscriber.frequency, subscriber.topics) == ("each", "events")
    run_worker()
    # The subscriber hears once that nothing changed, with their own link.
    (to_subscriber,) = [m for m in mail.outbox if m.to == ["sky@example.org"]]
    assert "already get them" in to_subscriber.body
    assert links.link(subscriber, "preferences", absolute=True) in to_subscriber.body
    subscribe(client, email="sky@example.org")
    run_worker()
    assert len([m for m in mail.outbox if m.to == ["sky@example.org"]]) == 1


def test_a_bounced_address_gets_no_confirmation(client, confirmed):
    subscriber = confirmed("gone@example.org")
    subscriber.set_status(Subscriber.Status.BOUNCED)
    assert subscribe(client, email="gone@example.org").status_code == 302
    run_worker()
    assert mail.outbox == []


@pytest.mark.parametrize(
    "email",
    [
        "not-an-address",
        "robin@example.org\r\nBcc: everyone@example.org",
        "robin@example.org\nSubject: hello",
        "a" * 300 + "@example.org",
    ],
)
def test_a_bad_address_gets_the_form_again_with_its_error_and_the_text(client, email):
    response = subscribe(client, email=email, topics="events", frequency="each")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Please check the form" in page
    assert "Enter a valid email address." in page or "at most" in page
    assert Subscriber.objects.count() == 0
    run_worker()
    assert mail.outbox == []


def test_the_form_keeps_what_was_typed_after_an_error(client):
    response = subscribe(client, email="robin@example", topics="events")
    page = response.content.decode()
    assert 'value="robin@example"' in page
    assert 'value="events" id="id_page_topics_2" required checked' in page


def test_a_missing_choice_is_explained(client):
    response = subscribe(client, topics="")
    assert response.status_code == 200
    assert "What: This field is required." in response.content.decode()


def test_a_stale_form_is_sent_again_with_the_address_kept(client):
    response = subscribe(client, issued="forged:value")
    assert response.status_code == 200
    page = response.content.decode()
    assert "needs to be sent again" in page
    assert 'value="robin@example.org"' in page
    assert Subscriber.objects.count() == 0


def test_a_form_from_another_site_is_refused_with_the_text_kept(client):
    response = client.post(
        reverse("subscriptions:subscribe"),
        form_data(client),
        HTTP_SEC_FETCH_SITE="cross-site",
    )
    assert response.status_code == 403
    assert 'value="robin@example.org"' in response.content.decode()
    assert Subscriber.objects.count() == 0


def test_a_filled_honeypot_looks_like_success_and_stores_nothing(client):
    response = subscribe(client, honeypot="https://spam.example")
    assert response.status_code == 302
    assert Subscriber.objects.count() == 0


def test_many_requests_from_one_address_get_the_429_page_with_the_text(
    client, settings
):
    settings.SUBSCRIPTIONS_RATE_PER_IP = "3/h"
    for number in range(3):
        assert subscribe(client, email=f"p{number}@example.org").status_code == 302
    response = subscribe(client, email="p9@example.org")
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    page = response.content.decode()
    assert "Please wait a few minutes" in page
    assert 'value="p9@example.org"' in page
    assert not Subscriber.objects.filter(email="p9@example.org").exists()


def test_subscribing_a_new_address_costs_a_fixed_number_of_queries(
    client, django_assert_num_queries
):
    data = form_data(client)
    # The subscriber looked up and inserted (in a savepoint), the confirmation
    # claimed, its task stored, and the transaction around them.
    with django_assert_num_queries(8):
        response = client.post(reverse("subscriptions:subscribe"), data)
    assert response.status_code == 302


def test_subscribing_a_known_address_costs_a_fixed_number_of_queries(
    client, confirmed, django_assert_num_queries
):
    confirmed("robin@example.org")
    data = form_data(client)
    with django_assert_num_queries(5):
        response = client.post(reverse("subscriptions:subscribe"), data)
    assert response.status_code == 302


def test_the_preferences_page_changes_the_choices(client, confirmed):
    subscriber = confirmed(frequency="weekly", topics="both")
    url = links.link(subscriber, "preferences")
    response = client.post(url, {"topics": "events", "frequency": "each"})
    assert "Saved." in response.content.decode()
    subscriber.refresh_from_db()
    assert (subscriber.topics, subscriber.frequency) == ("events", "each")


def test_the_preferences_page_unsubscribes(client, confirmed):
    subscriber = confirmed()
    response = client.post(links.link(subscriber, "preferences"), {"unsubscribe": "1"})
    assert "You are unsubscribed" in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED


def test_the_links_in_an_email_all_lead_to_pages(client):
    subscribe(client)
    run_worker()
    for url in links_in(mail.outbox[0].body):
        assert client.get(url.removeprefix(settings.SITE_URL)).status_code == 200
