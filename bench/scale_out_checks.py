"""
Checks run by bench/scale-out against two app servers sharing PostgreSQL and
Redis. Plain HTTP, as browsers and moderators would: prints one PASS or FAIL line
per check and exits non-zero if any failed.

    python bench/scale_out_checks.py http://127.0.0.1:8101 http://127.0.0.1:8102 \
        --article /articles/some-slug/ --min-seconds 3 --rate-limit 4 \
        --username operator --password '...'
"""

import argparse
import http.cookiejar
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from html.parser import HTMLParser

PUBLIC_HOST = "localhost"
failures = []


def report(passed, name, detail=""):
    print(
        f"{'PASS' if passed else 'FAIL'}  {name}" + (f" ({detail})" if detail else "")
    )
    if not passed:
        failures.append(name)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """A browser with its own cookies that does not follow redirects."""

    def __init__(self):
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), NoRedirect
        )

    def request(self, url, data=None, headers=None):
        body = urllib.parse.urlencode(data, doseq=True).encode() if data else None
        # One public host name for both servers, as behind a load balancer.
        headers = {"Host": PUBLIC_HOST, **(headers or {})}
        request = urllib.request.Request(url, data=body, headers=headers)
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, response.headers, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read().decode()


class Forms(HTMLParser):
    """The named input values of every form in a page."""

    def __init__(self):
        super().__init__()
        self.forms, self.current = [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.current = {}
            self.forms.append(self.current)
        elif tag in ("input", "textarea") and self.current is not None:
            if attrs.get("name") and attrs.get("type") not in ("checkbox", "submit"):
                self.current[attrs["name"]] = attrs.get("value", "")

    def handle_endtag(self, tag):
        if tag == "form":
            self.current = None


def form_with(html, field):
    """The first form of the page that has ``field``."""
    parser = Forms()
    parser.feed(html)
    return next((form for form in parser.forms if field in form), {})


def post_comment(browser, server, form, number):
    data = form | {
        "name": f"Visitor {number}",
        "email": f"visitor{number}@example.org",
        "comment": f"Scale-out comment number {number}, written with care.",
        "honeypot": "",
    }
    return browser.request(server + "/comments/post/", data)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("server_a")
    parser.add_argument("server_b")
    parser.add_argument("--article", required=True)
    parser.add_argument("--min-seconds", type=int, required=True)
    parser.add_argument("--rate-limit", type=int, required=True)
    parser.add_argument("--username", required=True)
    parser.add_argument("--password", required=True)
    options = parser.parse_args()
    a, b, article = options.server_a, options.server_b, options.article

    # 1. The same page from both servers: A makes it, B answers from the cache.
    pages = [Browser().request(server + article) for server in (a, b)]
    titles = [re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S) for _s, _h, html in pages]
    report(
        all(status == 200 for status, _h, _b in pages)
        and titles[0] is not None
        and titles[0].group(1) == titles[1].group(1),
        "the article is served by A and by B",
        titles[0].group(1).strip() if titles[0] else "no title",
    )
    cache_states = [headers.get("X-Page-Cache") for _s, headers, _b in pages]
    report(
        cache_states == ["miss", "hit"],
        "B answers from the page cache A filled",
        f"X-Page-Cache on A then B: {' '.join(map(str, cache_states))}",
    )

    # 2. A comment posted through A, after the form's minimum writing time.
    visitor = Browser()
    _status, _headers, html = visitor.request(a + article)
    form = form_with(html, "security_hash")
    time.sleep(options.min_seconds + 1)
    status, headers, _html = post_comment(visitor, a, form, 1)
    received = headers.get("Location", "")
    report(
        status == 302 and "/comments/" in received,
        "a comment posted through A is accepted",
        f"{status} → {received}",
    )

    # 3. A moderator signs in on A; the same session works on B.
    moderator = Browser()
    _status, _headers, html = moderator.request(a + "/admin/login/")
    login = form_with(html, "username")
    status, _headers, _html = moderator.request(
        a + "/admin/login/?next=/admin/",
        login | {"username": options.username, "password": options.password},
        headers={"Referer": a + "/admin/login/"},
    )
    # Cookies belong to a host, whatever the port: B gets A's session cookie,
    # as it would behind one load balancer.
    status_b, _headers, html_b = moderator.request(b + "/admin/")
    report(
        status == 302 and status_b == 200 and "Site administration" in html_b,
        "a session signed in on A is valid on B",
        f"login {status}, admin on B {status_b}",
    )

    # 4. Approved on B, the comment shows on B at once: the cached page is renewed.
    _status, _headers, queue = moderator.request(
        b + "/admin/comments/comment/?status__exact=pending"
    )
    held = [
        int(pk) for pk in re.findall(r'name="_selected_action" value="(\d+)"', queue)
    ]
    ours = [max(held)] if held else []  # the newest held comment is ours
    token = form_with(queue, "csrfmiddlewaretoken").get("csrfmiddlewaretoken", "")
    status, _headers, _html = moderator.request(
        b + "/admin/comments/comment/?status__exact=pending",
        {
            "action": "approve",
            "_selected_action": ours,
            "csrfmiddlewaretoken": token,
            "index": "0",
        },
        headers={"Referer": b + "/admin/comments/comment/"},
    )
    _status, headers, html = Browser().request(b + article)
    report(
        bool(ours)
        and "Scale-out comment number 1" in html
        and headers.get("X-Page-Cache") == "miss",
        "the comment approved on B appears on B's cached page at once",
        f"approve {status}, X-Page-Cache: {headers.get('X-Page-Cache')}",
    )
    _status, _headers, html = Browser().request(a + article)
    report(
        "Scale-out comment number 1" in html,
        "the approved comment appears on A too",
    )

    # 5. The rate limit counts posts to A and B together.
    statuses = [302]  # the first comment above
    for number in range(2, options.rate_limit + 2):
        server = a if number % 2 else b
        status, _headers, _html = post_comment(visitor, server, form, number)
        statuses.append(status)
    expected = [302] * options.rate_limit + [429]
    report(
        statuses == expected,
        f"the limit of {options.rate_limit} comments counts across A and B",
        "statuses A/B alternating: " + " ".join(map(str, statuses)),
    )

    print(f"{'FAIL' if failures else 'PASS'}  scale-out: {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
