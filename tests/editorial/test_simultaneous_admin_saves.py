"""
Editors saving at the same moment, each adding a tag nobody used before, through
several gunicorn workers and threads on a database of the test's own: every save
succeeds. On SQLite this needs the write lock taken when a transaction starts
and a wait for it (``transaction_mode``, ``timeout``), not "database is locked".
"""

import http.cookiejar
import threading
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser

import pytest

from tests.processes import free_port, manage, serve, stop

pytestmark = pytest.mark.django_db(transaction=True)

EDITORS_AT_ONCE = 10
SECRET_KEY = "simultaneous-admin-saves-" + "k3y" * 16
MAKE_CONTENT = f"""
from django.contrib.auth import get_user_model
from django.utils import timezone
from articles.models import Article
from recoverysite.publishing import Status
get_user_model().objects.create_superuser(
    "editor", "editor@example.org", "a long pass phrase"
)
for n in range({EDITORS_AT_ONCE}):
    Article.objects.create(
        title=f"Draft {{n}}", slug=f"draft-{{n}}", summary="A draft.",
        body="<p>Words.</p>",
        status=Status.DRAFT,
    )
print(*Article.objects.order_by("pk").values_list("pk", flat=True))
"""
STORED_TAGS = """
from articles.models import Article
for article in Article.objects.order_by("pk"):
    print(article.pk, ",".join(sorted(article.tags.names())) or "-")
"""


class FormFields(HTMLParser):
    """The fields a browser would send from the page's form with ``form_id``."""

    def __init__(self, form_id):
        super().__init__()
        self.form_id = form_id
        self.inside = False
        self.fields = []
        self.textarea = None
        self.select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        if not self.inside or "name" not in attrs and tag != "option":
            return
        if tag == "input":
            kind = attrs.get("type", "text")
            if kind in ("submit", "button", "file", "image"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.fields.append(
                [attrs["name"], attrs.get("value", "on" if kind == "checkbox" else "")]
            )
        elif tag == "textarea":
            self.textarea = [attrs["name"], ""]
            self.fields.append(self.textarea)
        elif tag == "select":
            self.select = [attrs["name"], None]
        elif tag == "option" and self.select is not None:
            if self.select[1] is None or "selected" in attrs:
                self.select[1] = attrs.get("value", "")

    def handle_data(self, data):
        if self.textarea is not None:
            # As browsers do, the line break after <textarea> is not content.
            if not self.textarea[1]:
                data = data.removeprefix("\n")
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "textarea":
            self.textarea = None
        elif tag == "select" and self.select is not None:
            self.fields.append(self.select)
            self.select = None
        elif tag == "form":
            self.inside = False


def fields_of(page, form_id):
    parser = FormFields(form_id)
    parser.feed(page)
    return [(name, value) for name, value in parser.fields if value is not None]


@pytest.fixture
def editors_site(own_database_url):
    variables = {
        "SECRET_KEY": SECRET_KEY,
        "WEB_CONCURRENCY": "4",
        "GUNICORN_THREADS": "3",
    }
    manage(own_database_url, "migrate", "--no-input", **variables)
    article_ids = manage(
        own_database_url, "shell", "-c", MAKE_CONTENT, **variables
    ).split()[-EDITORS_AT_ONCE:]
    port = free_port()
    server = serve(own_database_url, port, **variables)
    yield {
        "base": f"http://127.0.0.1:{port}",
        "articles": article_ids,
        "tags": lambda: dict(
            line.split()
            for line in manage(
                own_database_url, "shell", "-v", "0", "-c", STORED_TAGS, **variables
            ).splitlines()
        ),
    }
    stop(server)


def signed_in_editor(base):
    """A browser-like opener with the editor's session and CSRF cookies."""
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
    )
    login = opener.open(base + "/admin/login/", timeout=60).read().decode()
    fields = dict(fields_of(login, "login-form"))
    fields.update(username="editor", password="a long pass phrase")
    opener.open(
        urllib.request.Request(
            base + "/admin/login/?next=/admin/",
            data=urllib.parse.urlencode(fields).encode(),
            headers={"Referer": base + "/admin/login/"},
        ),
        timeout=60,
    )
    return opener


def test_simultaneous_saves_that_each_add_a_new_tag_all_succeed(editors_site):
    base = editors_site["base"]
    start = threading.Barrier(EDITORS_AT_ONCE)

    def save_with_a_new_tag(n_and_id):
        n, article_id = n_and_id
        opener = signed_in_editor(base)
        address = f"{base}/admin/articles/article/{article_id}/change/"
        page = opener.open(address, timeout=60).read().decode()
        fields = [(k, v) for k, v in fields_of(page, "article_form") if k != "tags"]
        fields += [("tags", f"new-tag-{n}"), ("_save", "Save")]
        request = urllib.request.Request(
            address,
            data=urllib.parse.urlencode(fields).encode(),
            headers={"Referer": address},
        )
        start.wait()
        try:
            answer = opener.open(request, timeout=120)
        except urllib.error.HTTPError as error:
            answer = error
        return answer.status, answer.url

    with ThreadPoolExecutor(max_workers=EDITORS_AT_ONCE) as pool:
        answers = list(
            pool.map(save_with_a_new_tag, enumerate(editors_site["articles"]))
        )

    # Each save lands on the changelist, as a single save does.
    assert [status for status, _ in answers] == [200] * EDITORS_AT_ONCE
    assert all(url.endswith("/admin/articles/article/") for _, url in answers), answers
    assert editors_site["tags"]() == {
        article_id: f"new-tag-{n}"
        for n, article_id in enumerate(editors_site["articles"])
    }
