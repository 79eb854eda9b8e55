"""The operator's subscribers list, the editors' digest preview, export and erase."""

import io
import json

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from subscriptions import links, tasks
from subscriptions.models import Subscriber
from tests.conftest import run_worker
from tests.editorial.conftest import member_of
from tests.factories import make_article, make_event

pytestmark = pytest.mark.django_db


def test_the_operator_marks_bounces_and_complaints_in_the_admin(
    staff_client, confirmed
):
    bounced = confirmed("bounced@example.org")
    complained = confirmed("complained@example.org")
    kept = confirmed("kept@example.org")
    url = reverse("admin:subscriptions_subscriber_changelist")
    for action, subscriber in [
        ("mark_bounced", bounced),
        ("mark_complained", complained),
    ]:
        response = staff_client.post(
            url,
            {"action": action, "_selected_action": [subscriber.pk]},
            follow=True,
        )
        assert response.status_code == 200
    assert "1 subscriber marked as complained." in response.content.decode()
    page = staff_client.get(url + "?status__exact=bounced").content.decode()
    assert "bounced@example.org" in page
    assert "kept@example.org" not in page
    make_article(published_at=timezone.now())
    tasks.start_digest()
    run_worker()
    assert [message.to for message in mail.outbox] == [[kept.email]]
    bounced.refresh_from_db()
    complained.refresh_from_db()
    assert bounced.status == Subscriber.Status.BOUNCED
    assert complained.status == Subscriber.Status.COMPLAINED


def test_the_mark_subscribers_command_reads_addresses_from_its_arguments(confirmed):
    confirmed("one@example.org")
    out = io.StringIO()
    call_command(
        "mark_subscribers",
        "bounced",
        "One@example.org",
        "nobody@example.org",
        stdout=out,
    )
    assert "Marked 1 subscriber(s) as bounced." in out.getvalue()
    assert "Not a subscriber: nobody@example.org" in out.getvalue()
    assert Subscriber.objects.get().status == Subscriber.Status.BOUNCED


def test_an_editor_previews_the_next_digest_and_sees_the_last_one(client, confirmed):
    editor = member_of("Editor", username="the-editor")
    client.force_login(editor)
    confirmed()
    make_article(title="Last week's article", published_at=timezone.now())
    tasks.start_digest()
    run_worker()
    make_event(title="Coming webinar", published_at=timezone.now())

    changelist = client.get(reverse("admin:subscriptions_digest_changelist"))
    assert "The last digest went on" in changelist.content.decode()
    assert "to 1 subscriber." in changelist.content.decode()
    preview = client.get(reverse("admin:subscriptions_digest_preview"))
    page = preview.content.decode()
    assert "This week at Recovery Dialogues" in page
    assert "Coming webinar" in page
    assert "Last week&#x27;s article" not in page
    html = client.get(reverse("admin:subscriptions_digest_preview_html"))
    assert "Coming webinar" in html.content.decode()
    # Editors see the digests, not who reads them.
    subscribers = client.get(reverse("admin:subscriptions_subscriber_changelist"))
    assert subscribers.status_code == 403


def test_the_preview_says_when_nothing_would_be_sent(staff_client):
    page = staff_client.get(reverse("admin:subscriptions_digest_preview"))
    assert "none would be sent now" in page.content.decode()


def test_the_commenter_data_command_exports_and_erases_a_subscriber(
    capsys, client, confirmed
):
    subscriber = confirmed("sam@example.org", frequency="each")
    preferences = links.link(subscriber, "preferences")
    call_command("commenter_data", "--email", "Sam@example.org", "--export")
    data = json.loads(capsys.readouterr().out)
    (exported,) = data["subscriptions"]
    assert exported["email"] == "sam@example.org"
    assert exported["frequency"] == "each"
    assert exported["status"] == "confirmed"
    call_command("commenter_data", "--email", "sam@example.org", "--erase")
    assert "Erased 1 of subscriptions." in capsys.readouterr().out
    assert not Subscriber.objects.exists()
    assert client.get(preferences).status_code == 404
