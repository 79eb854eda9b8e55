"""
Without Redis, a production site's worker processes share one cache on the
machine: a page one worker forgets, every worker forgets, and a rate limit
counts each post once whichever worker takes it. Runs a real gunicorn with
several workers on a database of its own.
"""

import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.test import override_settings
from django_comments.forms import CommentSecurityForm

from articles.models import Article
from tests.processes import ROOT, free_port, manage, site_environment

# The site's own database is made through the suite's connection.
pytestmark = pytest.mark.django_db(transaction=True)

WORKERS = 4
SECRET_KEY = "shared-cache-test-" + "k3y" * 16
COMMENT_TEXT = "Words a moderator will take down."
MAKE_CONTENT = f"""
from django.conf import settings
from django.utils import timezone
from articles.models import Article
from comments.models import Comment, ModerationPolicy
from recoverysite.publishing import Status
article = Article.objects.create(
    title="One cache for every worker", slug="one-cache",
    body="<p>Read by many.</p>", status=Status.PUBLISHED,
    published_at=timezone.now(),
)
comment = Comment.objects.create(
    content_object=article, site_id=settings.SITE_ID, user_name="Jo",
    user_email="jo@example.org", comment={COMMENT_TEXT!r}, status="published",
    submit_date=timezone.now(),
)
policy = ModerationPolicy.load()
policy.min_seconds_to_write = 0
policy.hold_first_comments = False
policy.save()
print(article.pk, comment.pk, article.get_absolute_url())
"""
REMOVE_COMMENT = """
from comments.models import Comment
comment = Comment.objects.get(pk={pk})
comment.status = "removed"
comment.save()
"""


@pytest.fixture
def production_site(own_database_url, tmp_path):
    """A production configuration without Redis, served by several workers."""
    port = free_port()
    variables = {
        "DEBUG": "0",
        "SECRET_KEY": SECRET_KEY,
        "ALLOWED_HOSTS": "127.0.0.1",
        "STATIC_ROOT": tmp_path / "static",
        "MEDIA_ROOT": tmp_path / "media",
        "CACHE_DIR": tmp_path / "cache",
        "PAGE_CACHE_SECONDS": "600",
        "COMMENTS_RATE_PER_IP": "5/10m",
        "COMMENTS_RATE_PER_EMAIL": "100/10m",
        "WEB_CONCURRENCY": str(WORKERS),
        "GUNICORN_BIND": f"127.0.0.1:{port}",
    }
    manage(own_database_url, "migrate", "--no-input", **variables)
    manage(own_database_url, "collectstatic", "--no-input", **variables)
    article_pk, comment_pk, path = manage(
        own_database_url, "shell", "-c", MAKE_CONTENT, **variables
    ).split()[-3:]
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "recoverysite.wsgi"],
        cwd=ROOT,
        env=site_environment(own_database_url, **variables),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    # Ready once every worker could answer: gunicorn starts them together.
    for _ in range(300):
        try:
            urllib.request.urlopen(base + "/healthz", timeout=30)
            break
        # Refused until gunicorn listens, slow while its workers start.
        except OSError:
            time.sleep(0.1)
    site = {
        "base": base,
        "article": Article(pk=int(article_pk)),
        "path": path,
        "comment_pk": int(comment_pk),
        "manage": lambda *args: manage(own_database_url, *args, **variables),
    }
    yield site
    server.terminate()
    server.wait(timeout=30)


def page_loads(url, times):
    """Fetch ``url`` ``times`` times at once, each on its own connection."""

    def fetch(_):
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.headers["X-Page-Cache"], response.read().decode()

    with ThreadPoolExecutor(max_workers=8) as pool:
        return list(pool.map(fetch, range(times)))


def test_a_removed_comment_leaves_every_workers_cached_page_at_once(
    production_site,
):
    url = production_site["base"] + production_site["path"]
    ((made, _),) = page_loads(url, 1)
    assert made == "miss"
    # Every worker serves the copy the first one made.
    served = page_loads(url, 40)
    assert {state for state, _ in served} == {"hit"}
    assert all(COMMENT_TEXT in html for _, html in served)

    production_site["manage"](
        "shell", "-c", REMOVE_COMMENT.format(pk=production_site["comment_pk"])
    )
    # The next visitor, whichever worker answers, gets the page made again...
    ((state, html),) = page_loads(url, 1)
    assert state == "miss" and COMMENT_TEXT not in html
    # ...and every worker serves that copy.
    after = page_loads(url, 40)
    assert {state for state, _ in after} == {"hit"}
    assert not [html for _, html in after if COMMENT_TEXT in html]


def post_comment(base, article, number):
    with override_settings(SECRET_KEY=SECRET_KEY):
        timestamp = int(time.time()) - 60
        security_hash = CommentSecurityForm(article).initial_security_hash(timestamp)
    data = urllib.parse.urlencode(
        {
            "content_type": "articles.article",
            "object_pk": str(article.pk),
            "timestamp": str(timestamp),
            "security_hash": security_hash,
            "name": f"Visitor {number}",
            "email": f"visitor{number}@example.org",
            "comment": f"Comment number {number}, sent at once with the others.",
            "reply_to": "",
            "honeypot": "",
        }
    ).encode()
    request = urllib.request.Request(base + "/comments/post/", data=data)
    opener = urllib.request.build_opener(NoRedirects)
    try:
        return opener.open(request, timeout=30).status
    except urllib.error.HTTPError as answer:
        return answer.code


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def test_a_rate_limit_holds_exactly_across_workers(production_site):
    with ThreadPoolExecutor(max_workers=12) as pool:
        statuses = list(
            pool.map(
                lambda number: post_comment(
                    production_site["base"], production_site["article"], number
                ),
                range(12),
            )
        )
    # Five comments in ten minutes from one address, whichever worker counts.
    assert sorted(statuses) == [302] * 5 + [429] * 7
