"""A visitor writes to the editors: stored first, emailed by the worker."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from contact.models import Message, Topic
from tests.conftest import run_worker

from .conftest import contact_data

pytestmark = pytest.mark.django_db
URL = "/contact/"


def test_the_footer_of_every_page_links_to_the_contact_form(client):
    page = client.get("/").content.decode()
    assert f'<a href="{reverse("contact:form")}">Contact us</a>' in page
    assert reverse("contact:form") == URL


def test_the_form_asks_for_no_topic_while_the_editors_have_none(client):
    page = client.get(URL).content.decode()
    assert 'name="name"' in page
    assert 'name="email"' in page
    assert 'name="message"' in page
    assert 'name="topic"' not in page


def test_the_form_offers_the_editors_topics_in_their_order(client):
    Topic.objects.create(name="Webinars", position=2)
    Topic.objects.create(name="Articles", position=1)
    page = client.get(URL).content.decode()
    options = re.findall(r'<option value="[^"]*"[^>]*>([^<]+)</option>', page)
    assert options == ["Choose one", "Articles", "Webinars"]


def test_the_form_page_is_never_kept_by_a_cache(client, settings):
    settings.PAGE_CACHE_SECONDS = 600
    first = client.get(URL)
    assert "no-store" in first["Cache-Control"]
    assert "X-Page-Cache" not in first
    second = client.get(URL)
    issued = re.compile(r'name="issued" value="([^"]+)"')
    assert issued.search(first.content.decode())
    assert "X-Page-Cache" not in second


def test_a_message_is_stored_then_emailed_to_every_editor_by_the_worker(
    client, editors, crisis_notice
):
    topic = Topic.objects.create(name="Webinars")
    response = client.post(URL, contact_data(topic=topic.pk))
    assert response.status_code == 302
    assert response["Location"] == reverse("contact:sent")
    message = Message.objects.get()
    assert (message.name, message.email, message.topic) == (
        "Robin",
        "robin@example.org",
        topic,
    )
    assert message.handled_at is None
    assert mail.outbox == []

    run_worker()
    assert sorted(email.to[0] for email in mail.outbox) == [
        "ed@example.org",
        "eve@example.org",
    ]
    email = mail.outbox[0]
    assert email.subject == "Contact form: Webinars, from Robin"
    assert email.reply_to == ["robin@example.org"]
    assert "going back to work after rehab" in email.body
    assert f"/admin/contact/message/{message.pk}/change/" in email.body
    assert crisis_notice in email.body

    run_worker()
    assert len(mail.outbox) == 2


def test_the_recipients_setting_wins_over_the_editors(client, editors, settings):
    settings.CONTACT_RECIPIENTS = ["office@example.org"]
    client.post(URL, contact_data())
    run_worker()
    assert [email.to for email in mail.outbox] == [["office@example.org"]]


def test_the_confirmation_is_calm_and_shows_the_crisis_notice(client, crisis_notice):
    response = client.post(URL, contact_data(), follow=True)
    assert response.redirect_chain == [(reverse("contact:sent"), 302)]
    page = response.content.decode()
    assert "Thank you for your message" in page
    assert "If you need help sooner" in page
    assert page.count(crisis_notice) == 2  # on the page and in the footer


def test_a_double_send_stores_the_message_once(client):
    data = contact_data()
    client.post(URL, data)
    response = client.post(URL, data)
    assert response.status_code == 302
    assert Message.objects.count() == 1


def test_a_filled_honeypot_looks_sent_but_stores_nothing(client, editors):
    response = client.post(URL, contact_data(honeypot="http://spam.example"))
    assert response["Location"] == reverse("contact:sent")
    assert not Message.objects.exists()
    run_worker()
    assert mail.outbox == []


def test_a_message_erased_before_the_worker_runs_sends_nothing(client, editors):
    client.post(URL, contact_data())
    Message.objects.all().delete()
    run_worker()
    assert mail.outbox == []


def test_query_budget_of_the_form_page(client, django_assert_num_queries):
    Topic.objects.create(name="Webinars")
    client.get(URL)
    with django_assert_num_queries(QUERIES_GET):
        assert client.get(URL).status_code == 200


def test_query_budget_of_sending(client, django_assert_num_queries):
    topic = Topic.objects.create(name="Webinars")
    client.get(URL)
    with django_assert_num_queries(QUERIES_POST):
        response = client.post(URL, contact_data(topic=topic.pk))
    assert response.status_code == 302


# The topics, the site settings and the menu.
QUERIES_GET = 3
# The topics, the chosen one (the form's check and the model's), the double-send
# check, then a savepoint around the message and its task.
QUERIES_POST = 8


def test_only_active_people_who_may_read_messages_and_have_an_address_are_emailed(
    editors, django_user_model
):
    from django.contrib.auth.models import Group

    from contact.models import editor_addresses

    editors[1].is_active = False
    editors[1].save()
    django_user_model.objects.create_user("noaddress", "", "x").groups.add(
        Group.objects.get(name="Editor")
    )
    django_user_model.objects.create_user("mo", "mo@example.org", "x").groups.add(
        Group.objects.get(name="Moderator")
    )
    django_user_model.objects.create_superuser("root", "Root@Example.org", "x")
    assert editor_addresses() == ["ed@example.org", "root@example.org"]


def test_with_nobody_to_email_the_message_waits_in_the_admin(client, caplog):
    client.post(URL, contact_data())
    run_worker()
    assert mail.outbox == []
    assert Message.objects.unhandled().count() == 1
    assert "nobody to email it to" in caplog.text
