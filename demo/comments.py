"""The seed page's comment thread on the seed webinar; run by load_demo_content."""

import datetime

from django.conf import settings

from comments.models import Comment, CommentStatus
from demo.events import SEED_EVENT_SLUG
from demo.seed_page import read_seed_page
from demo.site import OWNER_USERNAME
from events.models import Event
from recoverysite.models import User

OWNER_REPLY = (
    "It is a fair question. Many of us who work as therapists learned the most "
    "important things we know from the people we were supposed to be helping, and "
    "mostly we did not pay for those lessons. Peer-run groups that now train "
    "clinicians do charge for it, and I think they are right to."
)
HELD_COMMENT = (
    "I run a hearing voices group and would love to share this. Is the recording "
    "available at https://example.org/recording and https://example.org/slides too?"
)


def load(command):
    target = seed_webinar()
    if Comment.objects.for_object(target).exists():
        command.stdout.write("The demo comment thread exists already.")
        return
    seed = read_seed_page()
    when = target_date(target)
    first = add(
        target, "Judith", "judith@example.org", seed.comments[0], when, hours=20
    )
    second = add(target, "Sam", "sam@example.org", seed.comments[1], when, hours=26)
    owner = User.objects.get(username=OWNER_USERNAME)
    add(target, str(owner), "", OWNER_REPLY, when, hours=30, parent=second, user=owner)
    add(
        target,
        "Priya",
        "priya@example.org",
        HELD_COMMENT,
        when,
        hours=50,
        status=CommentStatus.PENDING,
        hold_reasons="first comment; 2 links",
    )
    command.stdout.write(
        f"Comment thread on “{target}”: {first.user_name}, {second.user_name}, a "
        "reply from the site and a comment awaiting moderation."
    )


def seed_webinar():
    return Event.objects.get(slug=SEED_EVENT_SLUG)


def target_date(target):
    return getattr(target, "end", None) or target.published_at


def add(target, name, email, text, when, *, hours, parent=None, **fields):
    comment = Comment(
        content_object=target,
        site_id=settings.SITE_ID,
        user_name=name,
        user_email=email,
        comment=text,
        submit_date=when + datetime.timedelta(hours=hours),
        parent_id=parent.pk if parent else 0,
        status=fields.pop("status", CommentStatus.PUBLISHED),
        **fields,
    )
    comment.save()
    return comment
