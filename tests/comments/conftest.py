import datetime
import io
import itertools
import time

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from django_comments.forms import CommentSecurityForm

from comments.models import Comment, CommentStatus, EmailAddress, ModerationPolicy
from recoverysite.models import SiteSettings
from tests.conftest import run_worker

_numbers = itertools.count(1)

CRISIS_NOTICE = "If you are in danger now, call 988 or your local emergency number."


@pytest.fixture
def policy(db):
    """Moderation rules with no minimum writing time, saved so views read them."""
    policy = ModerationPolicy.load()
    policy.min_seconds_to_write = 0
    policy.save()
    return policy


@pytest.fixture
def open_policy(policy):
    """The rules with first-time commenters published at once."""
    policy.hold_first_comments = False
    policy.save()
    return policy


@pytest.fixture
def moderators(policy):
    policy.moderator_emails = "mod@example.org\nsecond-mod@example.org"
    policy.save()
    return ["mod@example.org", "second-mod@example.org"]


@pytest.fixture
def crisis_notice(db):
    site = SiteSettings.load()
    site.crisis_notice = CRISIS_NOTICE
    site.save()
    return CRISIS_NOTICE


def comment_data(target, *, seconds_ago=60, **fields):
    """What a browser posts from the comment form, written ``seconds_ago``."""
    timestamp = int(time.time()) - seconds_ago
    security = CommentSecurityForm(target)
    data = {
        "content_type": str(target._meta),
        "object_pk": str(target.pk),
        "timestamp": str(timestamp),
        "security_hash": security.initial_security_hash(timestamp),
        "name": "Alex Reader",
        "email": "alex@example.org",
        "url": "",
        "comment": "Thank you for writing this.",
        "reply_to": "",
        "honeypot": "",
    }
    data.update({key: value for key, value in fields.items() if value is not None})
    return data


@pytest.fixture
def post(django_capture_on_commit_callbacks):
    """
    Post the comment form as an anonymous visitor's browser does (or as
    ``as_client``), running the after-commit work; then the worker runs what the
    post queued, as a running worker would.
    """
    visitor = Client()

    def post(target, *, as_client=None, ip="203.0.113.7", **fields):
        with django_capture_on_commit_callbacks(execute=True):
            response = (as_client or visitor).post(
                "/comments/post/", comment_data(target, **fields), REMOTE_ADDR=ip
            )
        run_worker()
        return response

    return post


def make_comment(target, *, parent=None, **fields):
    """A comment stored directly, published unless told otherwise."""
    number = next(_numbers)
    fields.setdefault("user_name", f"Commenter {number}")
    fields.setdefault("user_email", f"commenter{number}@example.org")
    fields.setdefault("comment", f"Comment number {number}.")
    fields.setdefault("status", CommentStatus.PUBLISHED)
    fields.setdefault("ip_address", "198.51.100.20")
    fields.setdefault(
        "submit_date", timezone.now() - datetime.timedelta(seconds=number)
    )
    comment = Comment(
        content_object=target,
        site_id=settings.SITE_ID,
        parent_id=parent.pk if parent else 0,
        **fields,
    )
    comment.save()
    return comment


def confirm_address(email):
    EmailAddress.objects.create(email=email.lower(), confirmed_at=timezone.now())


@pytest.fixture
def content_type_for():
    return ContentType.objects.get_for_model


def run_command(*args, **options):
    """Run a management command; return what it printed."""
    out = io.StringIO()
    call_command(*args, stdout=out, **options)
    return out.getvalue()
