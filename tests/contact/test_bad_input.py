"""
Whatever a visitor or a bot sends, the answer is the form again with a clear
message and every word kept, a designed 429 page, or the confirmation; never a
500, never a broken email header.
"""

import time
from unittest import mock

import pytest
from django.core import mail
from django.urls import reverse

from contact.models import Message, Topic
from tests.conftest import run_worker
from tests.hostile.payloads import MARKUP, assert_escaped, assert_safe_page

from .conftest import contact_data, issued

pytestmark = pytest.mark.django_db
URL = "/contact/"


def assert_form_again_with_text_kept(response, text, status=200):
    assert response.status_code == status
    assert response.templates[0].name == "contact/message_form.html"
    assert text in response.content.decode()
    assert not Message.objects.exists()


def test_an_invalid_email_is_explained_next_to_the_field_and_the_text_kept(client):
    response = client.post(URL, contact_data(email="robin at example"))
    assert_form_again_with_text_kept(response, "going back to work after rehab")
    page = response.content.decode()
    assert "Please check the form" in page
    assert 'id="id_email_error"' in page
    assert "Enter a valid email address." in page
    assert 'value="robin at example"' in page


def test_an_empty_form_names_each_missing_field(client):
    response = client.post(URL, contact_data(name=" ", email="", message="\u200b "))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors == {
        "name": ["Please write a name."],
        "email": ["Please write your email address: the answer goes there."],
        "message": ["Please write a message."],
    }
    assert not Message.objects.exists()


def test_a_message_of_ten_thousand_characters_is_refused_with_its_length_and_kept(
    client,
):
    text = "word " * 2000
    response = client.post(URL, contact_data(message=text))
    assert_form_again_with_text_kept(response, text.strip())
    page = response.content.decode()
    assert "Please shorten your message to 5000 characters or fewer" in page
    assert "it has 9999 now." in page
    # No maxlength: a browser would cut a pasted text short without a word.
    assert "maxlength" not in page.split('name="message"')[1].split(">")[0]


def test_a_message_at_the_limit_is_taken(client):
    response = client.post(URL, contact_data(message="a" * 5000))
    assert response.status_code == 302
    assert len(Message.objects.get().message) == 5000


def test_script_tags_are_stored_as_text_and_never_run_in_the_admin(
    client, admin_client, editors
):
    script = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    client.post(URL, contact_data(name=script, message=script))
    message = Message.objects.get()
    assert message.message == script
    run_worker()
    email = mail.outbox[0]
    # Plain text only: the editor's mail program shows the tags as text, in
    # the name line and the message, neither turned into entities.
    assert email.body.count(script) == 2
    assert "&lt;" not in email.body
    assert not getattr(email, "alternatives", [])
    assert email.content_subtype == "plain"

    for url in [
        reverse("admin:contact_message_changelist"),
        reverse("admin:contact_message_change", args=[message.pk]),
    ]:
        page = admin_client.get(url).content.decode()
        assert "<script>alert" not in page
        assert "onerror=alert" not in page.replace("&lt;img src=x onerror=alert", "")
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page


@pytest.mark.parametrize(
    "name",
    [
        "Robin\r\nBcc: victim@example.org",
        "Robin\nSubject: hello",
        "Robin\rX-Injected: 1",
    ],
)
def test_line_breaks_in_the_name_never_reach_an_email_header(client, editors, name):
    client.post(URL, contact_data(name=name))
    stored = Message.objects.get()
    assert "\r" not in stored.name
    assert "\n" not in stored.name
    run_worker()
    for email in mail.outbox:
        raw = email.message().as_bytes()
        headers = raw.split(b"\n\n", 1)[0]
        assert b"\nBcc:" not in headers
        assert b"\nX-Injected" not in headers
        assert b"\nSubject: hello" not in headers
        assert email.bcc == []
        assert "victim@example.org" not in email.recipients()


def test_line_breaks_in_a_topic_never_reach_an_email_header(client, editors):
    topic = Topic.objects.create(name="Webinars\r\nBcc: victim@example.org")
    assert topic.name == "Webinars Bcc: victim@example.org"
    client.post(URL, contact_data(topic=topic.pk))
    run_worker()
    for email in mail.outbox:
        headers = email.message().as_bytes().split(b"\n\n", 1)[0]
        assert b"\nBcc:" not in headers
        assert "victim@example.org" not in email.recipients()


def test_an_email_address_with_a_line_break_is_refused(client):
    response = client.post(
        URL, contact_data(email="robin@example.org\r\nBcc: victim@example.org")
    )
    assert_form_again_with_text_kept(response, "going back to work after rehab")
    assert "Enter a valid email address." in response.content.decode()


def test_a_topic_that_does_not_exist_is_explained(client):
    Topic.objects.create(name="Webinars")
    response = client.post(URL, contact_data(topic="999999"))
    assert_form_again_with_text_kept(response, "going back to work after rehab")
    assert "Select a valid choice." in response.content.decode()


def test_a_form_sent_straight_after_it_was_handed_out_is_asked_again(client):
    page = client.get(URL).content.decode()
    issued = page.split('name="issued" value="')[1].split('"')[0]
    response = client.post(URL, contact_data(issued=issued))
    assert_form_again_with_text_kept(response, "going back to work after rehab")
    assert "That was very quick" in response.content.decode()
    # Sent again a moment later, it goes through.
    again = response.context["form"]["issued"].value()
    later = time.time() + 10
    with mock.patch("contact.forms.time.time", return_value=later):
        response = client.post(URL, contact_data(issued=again))
    assert response.status_code == 302
    assert Message.objects.count() == 1


def test_a_forged_or_very_old_form_is_asked_again_with_the_text_kept(client):
    three_days_ago = time.time() - 3 * 24 * 60 * 60
    with mock.patch("django.core.signing.time.time", return_value=three_days_ago):
        old = issued(seconds_ago=0)
    for value in ["forged", old]:
        response = client.post(URL, contact_data(issued=value))
        assert_form_again_with_text_kept(response, "going back to work after rehab")
        assert "open for a long time" in response.content.decode()


def test_a_form_posted_from_another_site_is_refused_with_the_text_kept(client):
    response = client.post(
        URL, contact_data(), headers={"Origin": "https://elsewhere.example"}
    )
    assert_form_again_with_text_kept(
        response, "going back to work after rehab", status=403
    )
    assert "sent from another website" in response.content.decode()


def test_many_messages_from_one_address_get_the_designed_429_page(client):
    for number in range(5):
        response = client.post(
            URL,
            contact_data(email=f"person{number}@example.org", message=f"Note {number}"),
        )
        assert response.status_code == 302
    response = client.post(
        URL, contact_data(email="other@example.org", message="One more, kept.")
    )
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    page = response.content.decode()
    assert "Several messages came from here in a short time" in page
    assert "One more, kept." in page
    assert Message.objects.count() == 5


def test_many_messages_from_one_email_get_the_429_page(client):
    for number in range(3):
        client.post(
            URL,
            contact_data(message=f"Message {number}"),
            REMOTE_ADDR=f"10.0.{number}.1",
        )
    response = client.post(
        URL, contact_data(message="Once more."), REMOTE_ADDR="10.0.9.1"
    )
    assert response.status_code == 429
    assert Message.objects.count() == 3


@pytest.mark.parametrize("method", ["put", "delete", "patch"])
def test_other_methods_get_the_designed_405_page(client, method):
    response = getattr(client, method)(URL)
    assert response.status_code == 405


def test_a_post_without_any_fields_is_the_form_again(client):
    response = client.post(URL, {})
    assert response.status_code == 200
    assert not Message.objects.exists()


def test_a_signed_in_editor_needs_the_csrf_token(client, editors):
    client.force_login(editors[0])
    client.handler.enforce_csrf_checks = True
    response = client.post(URL, contact_data())
    assert response.status_code == 403
    assert not Message.objects.exists()


@pytest.mark.parametrize(
    ("changes", "status"),
    [
        ({"name": "n" * 10_000}, 200),
        ({"email": "a" * 300 + "@example.org"}, 200),
        ({"topic": "not a number"}, 200),
        ({"topic": "-1"}, 200),
        ({"topic": str(2**70)}, 200),
        ({"issued": ""}, 200),
        ({"issued": "1:2:3"}, 200),
        ({"message": "\x01\x02 hidden"}, 302),
        ({"message": "\x00 nul"}, 200),
        ({"name": "\u202eevil\u202c"}, 302),
    ],
    ids=lambda value: next(iter(value)) if isinstance(value, dict) else str(value),
)
def test_odd_input_never_gives_a_server_error(client, changes, status):
    Topic.objects.create(name="Webinars")
    response = client.post(URL, contact_data(**changes))
    assert response.status_code == status
    if status == 200:
        kept = changes.get("message", "going back to work after rehab").strip("\x00")
        assert_form_again_with_text_kept(response, kept)
    if status == 302:
        stored = Message.objects.get()
        assert "\x01" not in stored.message
        assert "\u202e" not in stored.name


@pytest.mark.parametrize("payload", MARKUP)
def test_markup_comes_back_escaped_on_the_form_and_in_the_admin(
    client, admin_client, payload
):
    response = client.post(URL, contact_data(email="bad", name=payload[:100]))
    assert_safe_page(response, 200)
    assert_escaped(response.content.decode(), payload[:100])

    client.post(URL, contact_data(message=payload, name=payload[:100]))
    message = Message.objects.get()
    assert message.message == payload
    page = admin_client.get(
        reverse("admin:contact_message_change", args=[message.pk])
    ).content.decode()
    assert_escaped(page, payload)
