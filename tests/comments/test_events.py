"""Comments on webinars work like comments on articles."""

import datetime

from django.contrib.auth.models import AnonymousUser
from django.template import Context, Template
from django.test import Client, RequestFactory
from django.utils import timezone

from comments.models import Comment, CommentStatus
from tests.comments.conftest import confirm_address, make_comment
from tests.factories import make_event


def render_section(event):
    request = RequestFactory().get(event.get_absolute_url())
    request.user = AnonymousUser()
    template = Template("{% load comment_threads %}{% comment_section event %}")
    return template.render(Context({"event": event, "request": request}))


def test_a_visitor_comments_and_replies_on_a_webinar(post, open_policy, mailoutbox):
    event = make_event(title="The Hope of Harm Reduction")
    parent = make_comment(event, user_email="judith@example.org", followup=True)
    confirm_address("judith@example.org")
    response = post(event, reply_to=str(parent.pk), comment="Thank you, Ron.")
    assert response.status_code == 302
    reply = Comment.objects.get(comment="Thank you, Ron.")
    assert reply.status == CommentStatus.PUBLISHED
    assert (reply.content_object, reply.parent_id) == (event, parent.pk)
    received = Client().get(response["Location"]).content.decode()
    assert f"{event.get_absolute_url()}#c{reply.pk}" in received
    (message,) = mailoutbox
    assert f"/comments/{reply.pk}/" in message.body
    assert "Harm Reduction" not in message.subject + message.body
    reply_page = Client().get(f"/comments/reply/{parent.pk}/").content.decode()
    assert "The Hope of Harm Reduction" in reply_page


def test_the_comment_section_renders_for_a_webinar(policy):
    event = make_event()
    make_comment(event, comment="Dear Ron, thank you.")
    html = render_section(event)
    assert "Dear Ron, thank you." in html
    assert 'name="content_type" value="events.event"' in html
    assert f'name="object_pk" value="{event.pk}"' in html


def test_webinar_comments_close_with_the_site_rule(post, open_policy):
    open_policy.close_after_days = 14
    open_policy.save()
    event = make_event(published_at=timezone.now() - datetime.timedelta(days=15))
    assert "Comments are closed." in render_section(event)
    assert post(event).status_code == 403
    assert not Comment.objects.exists()


def test_webinar_comments_can_be_switched_off(post, open_policy):
    event = make_event(comments_open=False)
    assert "Comments are closed." in render_section(event)
    assert post(event).status_code == 403


def test_comments_on_an_unpublished_webinar_are_refused(post, open_policy):
    assert post(make_event(status="draft")).status_code == 404
