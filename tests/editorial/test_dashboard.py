"""The admin's first page: what needs an editor's attention, in fixed queries."""

import datetime
import re
from unittest import mock

import pytest
from django.core.mail import send_mail
from django.test import Client
from django.utils import timezone

from tests.comments.conftest import make_comment
from tests.factories import make_article, make_event, make_page

pytestmark = pytest.mark.django_db

# Session, user and permissions, the admin's app list, then the dashboard: four
# sections (drafts, counts, scheduled, recent) query each publishable model once;
# comments, events, registrations and contact messages add theirs.
QUERIES = 29


def fill(now, times=1):
    for _ in range(times):
        make_article(status="draft")
        make_page(status="draft")
        make_article(published_at=now + datetime.timedelta(days=2))
        make_event(status="draft", published_at=now - datetime.timedelta(days=60))
        make_event(
            start=now + datetime.timedelta(days=3),
            published_at=now - datetime.timedelta(days=60),
        )
        article = make_article(published_at=now - datetime.timedelta(days=1))
        make_comment(article, status="pending")
        make_article(published_at=now - datetime.timedelta(days=90))


def section(html, key):
    match = re.search(
        rf'<section class="module dashboard-{key}".*?</section>', html, re.S
    )
    assert match, key
    return match.group(0)


def count_in(html, key):
    return int(re.search(r'<p class="count"><a [^>]*>(\d+)</a>', section(html, key))[1])


def test_dashboard_counts_and_lists_what_waits(editor_client, now):
    fill(now)
    scheduled = make_article(
        title="Spring gathering", published_at=now + datetime.timedelta(hours=5)
    )

    html = editor_client.get("/admin/").text

    assert count_in(html, "drafts") == 3  # an article, a page and an event
    assert count_in(html, "scheduled") == 2
    assert count_in(html, "comments") == 1
    assert count_in(html, "events") == 1
    # Published in the last 30 days: one article (the event went out earlier).
    assert count_in(html, "recent") == 1
    assert "Spring gathering" in section(html, "scheduled")
    assert f'href="/admin/articles/article/{scheduled.pk}/change/"' in html
    assert 'href="/admin/articles/article/?state=draft"' in section(html, "drafts")
    assert 'href="/admin/pages/page/?state=draft"' in section(html, "drafts")
    assert 'href="/admin/comments/comment/?status__exact=pending"' in section(
        html, "comments"
    )


def test_next_events_show_their_time_in_their_own_zone_with_its_name(
    editor_client, settings
):
    settings.TIME_ZONE = "Europe/London"
    start = datetime.datetime(2031, 7, 1, 16, 0, tzinfo=datetime.UTC)
    make_event(
        title="Evening circle",
        start=start,
        end=start + datetime.timedelta(minutes=90),
        time_zone="America/Los_Angeles",
        published_at=timezone.now() - datetime.timedelta(days=1),
    )

    events = section(editor_client.get("/admin/").text, "events")

    assert 'Evening circle</a> <span class="when">— Tuesday, July 1, 2031, ' in events
    assert "9:00–10:30 AM PDT</span>" in events


def test_dashboard_queries_do_not_grow_with_the_content(
    editor_client, now, django_assert_num_queries
):
    fill(now, times=1)
    # The first visit records the staff member's activity in the session.
    editor_client.get("/admin/")
    with django_assert_num_queries(QUERIES):
        editor_client.get("/admin/")
    fill(now, times=8)
    with django_assert_num_queries(QUERIES):
        editor_client.get("/admin/")


def test_a_moderator_sees_only_the_comments_section(moderator, now):
    fill(now)
    client = Client()
    client.force_login(moderator)

    html = client.get("/admin/").text

    assert count_in(html, "comments") == 1
    assert "dashboard-drafts" not in html
    assert "dashboard-events" not in html


def test_whoever_runs_the_site_is_told_when_the_worker_falls_behind(
    staff_client, settings
):
    settings.TASKS_BACKLOG_WARNING_SECONDS = 300
    send_mail("Hello", "Words.", None, ["reader@example.org"])
    html = staff_client.get("/admin/").text
    assert count_in(html, "background") == 1
    assert "Background work is behind" not in html

    later = timezone.now() + datetime.timedelta(minutes=20)
    with mock.patch("django.utils.timezone.now", return_value=later):
        html = staff_client.get("/admin/").text
    assert "Background work is behind: 1 task(s) waiting, the oldest for 20" in html


def test_editors_are_not_shown_the_workers_queue(editor_client):
    send_mail("Hello", "Words.", None, ["reader@example.org"])
    assert "dashboard-background" not in editor_client.get("/admin/").text
