"""The demo's dates tell one story: nothing is answered before it was written."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from articles.models import Article
from comments.models import Comment
from events.models import Event
from pages.models import Page

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    call_command("load_demo_content", stdout=StringIO())


def test_every_comment_comes_after_its_page_and_every_reply_after_its_comment(demo):
    comments = list(Comment.objects.all())
    assert comments
    by_pk = {comment.pk: comment for comment in comments}
    for comment in comments:
        target = comment.content_object
        assert comment.submit_date >= target.published_at, (comment, target)
        assert comment.submit_date <= timezone.now(), comment
        if comment.parent_id != comment.pk:
            assert comment.submit_date >= by_pk[comment.parent_id].submit_date, comment


def test_published_items_were_published_in_the_past_and_updated_after(demo):
    now = timezone.now()
    for model in (Article, Event, Page):
        for item in model.objects.published():
            assert item.published_at <= now, item
            if updated := getattr(item, "updated_at", None):
                assert updated >= item.published_at, item


def test_recordings_belong_to_events_that_have_ended(demo):
    for event in Event.objects.exclude(recording_url=""):
        assert event.end <= timezone.now(), event
