"""Editors read messages in the admin, answer by email and mark them handled."""

import datetime
from urllib.parse import quote

import pytest
from django.urls import reverse
from django.utils import timezone

from contact.models import Message, Topic

pytestmark = pytest.mark.django_db
CHANGELIST = reverse("admin:contact_message_changelist")


@pytest.fixture
def editor_client(client, editors):
    client.force_login(editors[0])
    return client


def make_message(**kwargs):
    kwargs.setdefault("name", "Robin")
    kwargs.setdefault("email", "robin@example.org")
    kwargs.setdefault("message", "A question about the April webinar.")
    return Message.objects.create(**kwargs)


def test_an_editor_lists_the_messages_and_filters_the_unhandled(editor_client):
    make_message(name="Waiting Wendy")
    make_message(name="Done Dana", handled_at=timezone.now())
    page = editor_client.get(CHANGELIST).content.decode()
    assert "Waiting Wendy" in page
    assert "Done Dana" in page
    page = editor_client.get(CHANGELIST + "?handled=no").content.decode()
    assert "Waiting Wendy" in page
    assert "Done Dana" not in page
    page = editor_client.get(CHANGELIST + "?handled=yes").content.decode()
    assert "Waiting Wendy" not in page
    assert "Done Dana" in page


def test_marking_messages_handled_in_bulk_and_back(editor_client):
    first, second = make_message(), make_message(name="Sam")
    response = editor_client.post(
        CHANGELIST,
        {"action": "mark_handled", "_selected_action": [first.pk, second.pk]},
        follow=True,
    )
    assert "2 messages marked handled." in response.content.decode()
    assert not Message.objects.unhandled().exists()
    editor_client.post(
        CHANGELIST, {"action": "mark_unhandled", "_selected_action": [first.pk]}
    )
    assert list(Message.objects.unhandled()) == [first]


def test_the_message_page_has_a_reply_link_and_keeps_the_senders_words(
    editor_client,
):
    topic = Topic.objects.create(name="Webinars & events")
    message = make_message(topic=topic)
    url = reverse("admin:contact_message_change", args=[message.pk])
    page = editor_client.get(url).content.decode()
    subject = quote("Re: Contact form: Webinars & events, from Robin")
    assert f'href="mailto:robin@example.org?subject={subject}"' in page
    assert "Reply by email" in page
    assert 'name="message"' not in page
    assert 'name="email"' not in page
    assert 'name="handled_at_0"' in page

    editor_client.post(
        url,
        {
            "name": "Changed",
            "message": "Changed",
            "handled_at_0": "2026-01-05",
            "handled_at_1": "10:00:00",
        },
    )
    message.refresh_from_db()
    assert (message.name, message.message) == (
        "Robin",
        "A question about the April webinar.",
    )
    assert message.handled_at is not None


def test_nobody_adds_messages_by_hand(editor_client):
    assert editor_client.get(reverse("admin:contact_message_add")).status_code == 403


def test_editors_manage_the_topics(editor_client):
    response = editor_client.post(
        reverse("admin:contact_topic_add"), {"name": "Articles", "position": 1}
    )
    assert response.status_code == 302
    assert list(Topic.objects.values_list("name", flat=True)) == ["Articles"]


def test_a_moderator_does_not_see_the_messages(client, django_user_model):
    from django.contrib.auth.models import Group

    from editorial.roles import create_roles

    create_roles()
    moderator = django_user_model.objects.create_user(
        "mo", "mo@example.org", "x", is_staff=True
    )
    moderator.groups.add(Group.objects.get(name="Moderator"))
    client.force_login(moderator)
    make_message()
    assert client.get(CHANGELIST).status_code == 403


def test_the_list_makes_the_same_queries_for_many_messages(
    editor_client, django_assert_num_queries
):
    topic = Topic.objects.create(name="Webinars")
    make_message(topic=topic)
    editor_client.get(CHANGELIST)
    with django_assert_num_queries(QUERIES) as one:
        editor_client.get(CHANGELIST)
    for number in range(20):
        make_message(
            topic=topic,
            received_at=timezone.now() - datetime.timedelta(days=number),
        )
    with django_assert_num_queries(len(one)):
        editor_client.get(CHANGELIST)


# Session, user, the editor's permissions (own and the role's), the topic
# filter's list, the count and the filtered count, the admin menu's check for
# moderation rules, the messages with their topics, and the date drill-down's
# range and days.
QUERIES = 11


def test_the_dashboard_lists_the_messages_not_handled_yet(editor_client):
    topic = Topic.objects.create(name="Webinars")
    waiting = make_message(name="Waiting Wendy", topic=topic)
    make_message(name="Done Dana", handled_at=timezone.now())
    html = editor_client.get(reverse("admin:index")).content.decode()
    start = html.index('class="module dashboard-contact"')
    section = html[start : html.index("</section>", start)]
    assert "Contact messages not handled yet" in section
    assert "Waiting Wendy" in section
    assert "Done Dana" not in section
    assert f'href="/admin/contact/message/{waiting.pk}/change/"' in section
    assert 'href="/admin/contact/message/?handled=no"' in section
