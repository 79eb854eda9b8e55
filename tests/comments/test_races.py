"""
Posts that arrive at the same instant, taken by several gunicorn workers and
threads at once on a database of the test's own: a double click stores one
comment, and simultaneous replies each get a place of their own in the thread.
On SQLite the transactions already write one at a time; these tests matter on
PostgreSQL and MariaDB, where they run as well.
"""

import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.test import override_settings
from django_comments.forms import CommentSecurityForm

from articles.models import Article
from tests.processes import free_port, manage, serve, stop

# The site's own database is made through the suite's connection.
pytestmark = pytest.mark.django_db(transaction=True)

SECRET_KEY = "comment-races-test-" + "k3y" * 16
REPLIES = 20
MAKE_CONTENT = """
from django.conf import settings
from django.utils import timezone
from articles.models import Article
from comments.models import Comment, ModerationPolicy
from recoverysite.publishing import Status
article = Article.objects.create(
    title="Busy page", slug="busy", body="<p>Everyone answers.</p>",
    status=Status.PUBLISHED, published_at=timezone.now(),
)
first = Comment.objects.create(
    content_object=article, site_id=settings.SITE_ID, user_name="Jo",
    user_email="jo@example.org", comment="Answer me, all of you.",
    status="published", submit_date=timezone.now(),
)
policy = ModerationPolicy.load()
policy.min_seconds_to_write = 0
policy.hold_first_comments = False
policy.save()
print(article.pk, first.pk)
"""
STORED = """
from comments.models import Comment
for comment in Comment.objects.order_by("pk"):
    print(comment.pk, comment.thread_id, comment.parent_id, comment.level,
          comment.order, comment.nested_count, comment.comment.replace(" ", "_"))
"""


@pytest.fixture
def busy_site(own_database_url):
    """Four workers of five threads each: twenty posts are taken at once."""
    variables = {
        "SECRET_KEY": SECRET_KEY,
        "COMMENTS_RATE_PER_IP": "1000/m",
        "COMMENTS_RATE_PER_EMAIL": "1000/m",
        "WEB_CONCURRENCY": "4",
        "GUNICORN_THREADS": "5",
    }
    manage(own_database_url, "migrate", "--no-input", **variables)
    article_pk, first_pk = manage(
        own_database_url, "shell", "-c", MAKE_CONTENT, **variables
    ).split()[-2:]
    port = free_port()
    server = serve(own_database_url, port, **variables)
    yield {
        "base": f"http://127.0.0.1:{port}",
        "article": Article(pk=int(article_pk)),
        "first_comment": int(first_pk),
        "stored": lambda: [
            line.split()
            for line in manage(
                own_database_url, "shell", "-v", "0", "-c", STORED, **variables
            ).splitlines()
        ],
    }
    stop(server)


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def post_at_once(site, forms):
    """
    Post every form of ``forms`` at the same moment, each on its own
    connection; returns each answer's status and Location.
    """
    with override_settings(SECRET_KEY=SECRET_KEY):
        timestamp = int(time.time()) - 60
        security_hash = CommentSecurityForm(site["article"]).initial_security_hash(
            timestamp
        )
    start = threading.Barrier(len(forms))
    opener = urllib.request.build_opener(NoRedirects)

    def send(fields):
        data = {
            "content_type": "articles.article",
            "object_pk": str(site["article"].pk),
            "timestamp": str(timestamp),
            "security_hash": security_hash,
            "url": "",
            "reply_to": "",
            "honeypot": "",
            **fields,
        }
        request = urllib.request.Request(
            site["base"] + "/comments/post/",
            data=urllib.parse.urlencode(data).encode(),
        )
        start.wait()
        try:
            answer = opener.open(request, timeout=60)
        except urllib.error.HTTPError as error:
            answer = error
        return answer.status, answer.headers.get("Location", "")

    with ThreadPoolExecutor(max_workers=len(forms)) as pool:
        return list(pool.map(send, forms))


def comment_id_of(received_location):
    """The comment a "received" link names: its signed token starts with the id."""
    token = received_location.rstrip("/").rpartition("/")[2]
    return token.partition(":")[0]


def test_a_double_click_stores_one_comment(busy_site):
    for attempt in range(4):
        text = f"Sent twice by one double click, attempt {attempt}."
        same_form = {"name": "Sam", "email": "sam@example.org", "comment": text}
        answers = post_at_once(busy_site, [same_form, same_form])
        # Both clicks land on the page of one stored comment, neither on an error.
        assert [status for status, _ in answers] == [302, 302]
        locations = {comment_id_of(location) for _, location in answers}
        stored = [
            row for row in busy_site["stored"]() if row[6] == text.replace(" ", "_")
        ]
        assert len(stored) == 1
        assert locations == {stored[0][0]}


def test_simultaneous_replies_each_get_their_own_place_in_the_thread(busy_site):
    first = busy_site["first_comment"]
    answers = post_at_once(
        busy_site,
        [
            {
                "name": f"Replier {number}",
                "email": f"replier{number}@example.org",
                "comment": f"Reply number {number}, sent with all the others.",
                "reply_to": str(first),
            }
            for number in range(REPLIES)
        ],
    )
    assert [status for status, _ in answers] == [302] * REPLIES
    rows = busy_site["stored"]()
    assert len(rows) == REPLIES + 1
    thread = sorted(rows, key=lambda row: int(row[4]))
    # One thread in depth-first order: the first comment, then one place each.
    assert [int(row[4]) for row in thread] == list(range(1, REPLIES + 2))
    assert thread[0][0] == str(first)
    assert {(row[1], row[2], row[3]) for row in thread[1:]} == {
        (str(first), str(first), "1")
    }
    assert thread[0][5] == str(REPLIES)
