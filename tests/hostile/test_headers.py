"""Host headers, X-Forwarded-For spoofing and oversized or odd headers."""

import gzip

import pytest
from django.test import RequestFactory

from comments.models import Comment
from recoverysite.security import client_ip
from tests.comments.conftest import comment_data
from tests.hostile.payloads import assert_safe_page

UNKNOWN_HOSTS = [
    "evil.example",
    "evil.example:8000",
    "127.0.0.1.evil.example",
    "localhost@evil.example",
    "evil.example#127.0.0.1",
    "127.0.0.1:80@evil.example",
    "[::1]evil",
    "a" * 300,
    "xn--80ak6aa92e.com",
    "local host",
    "evil.example\r\nX-Injected: 1",
    "127.0.0.1:notaport",
    "",
]


@pytest.mark.django_db
@pytest.mark.parametrize("host", UNKNOWN_HOSTS)
@pytest.mark.parametrize("path", ["/", "/articles/hope/", "/admin/login/", "/nope/"])
def test_unknown_host_is_a_designed_400(client, site, host, path):
    response = client.get(path, HTTP_HOST=host)

    assert_safe_page(response, 400)
    assert "could not read that request" in response.text
    if host:
        assert host not in response.text


@pytest.mark.django_db
def test_unknown_host_on_a_comment_post_is_400_and_stores_nothing(
    client, open_policy, site
):
    response = client.post(
        "/comments/post/", comment_data(site["article"]), HTTP_HOST="evil.example"
    )

    assert_safe_page(response, 400)
    assert not Comment.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "header", ["HTTP_X_FORWARDED_HOST", "HTTP_FORWARDED", "HTTP_X_ORIGINAL_URL"]
)
def test_forwarded_host_headers_change_no_link(client, site, header):
    response = client.get("/articles/hope/", **{header: "evil.example"})

    assert response.status_code == 200
    assert "evil.example" not in response.text


HUGE = 64 * 1024
ODD_HEADERS = {
    "HTTP_USER_AGENT": "<script>alert(1)</script>" * 2000,
    "HTTP_REFERER": "https://evil.example/" + "a" * HUGE,
    "HTTP_ACCEPT_LANGUAGE": "xx-" + "Y" * HUGE,
    "HTTP_ACCEPT": "text/html;q=" + "9" * 5000,
    "HTTP_ACCEPT_ENCODING": "gzip;q=abc, br;" * 1000,
    "HTTP_IF_NONE_MATCH": '"' + "x" * HUGE + '"',
    "HTTP_IF_MODIFIED_SINCE": "not a date \x00",
    "HTTP_RANGE": "bytes=0-1,2-3," * 5000,
    "HTTP_COOKIE": "commenter=" + "z" * HUGE,
    "HTTP_X_FORWARDED_FOR": ", ".join(["198.51.100.1"] * 5000),
    "HTTP_X_FORWARDED_PROTO": "https, http, <script>",
    "HTTP_SEC_FETCH_SITE": "\u202e<script>",
    "HTTP_ORIGIN": "null",
}


@pytest.mark.django_db
@pytest.mark.parametrize("header", ODD_HEADERS)
@pytest.mark.parametrize("path", ["/", "/articles/hope/", "/search/?q=hope"])
def test_huge_or_odd_headers_are_ignored(client, site, header, path):
    response = client.get(path, **{header: ODD_HEADERS[header]})

    assert response.status_code == 200
    body = response.content
    if response.get("Content-Encoding") == "gzip":
        body = gzip.decompress(body)
    assert b"<script>alert(1)</script>" not in body


@pytest.mark.django_db
@pytest.mark.parametrize(
    "cookie",
    [
        "commenter=forged:signature",
        'commenter="Alex\\nalex@example.org\\n"',
        "sessionid=" + "'" * 100,
        "csrftoken=<script>",
        "a=b; ; ;=;=",
        "commenter=\xff\xfe\x00",
    ],
)
def test_forged_cookies_are_ignored(client, site, cookie):
    response = client.get("/articles/hope/", HTTP_COOKIE=cookie)

    assert response.status_code == 200
    assert 'value="Alex"' not in response.text


# --- the visitor's address behind proxies ---------------------------------------

SPOOFS = [
    "198.51.100.66",
    "198.51.100.66, 10.0.0.1",
    "127.0.0.1",
    "not-an-address",
    "198.51.100.66, <script>",
    "",
]


@pytest.mark.parametrize("forwarded", SPOOFS)
@pytest.mark.parametrize("trusted", [[], ["10.0.0.0/8"], ["192.0.2.1"]])
def test_forwarded_for_from_an_untrusted_peer_is_ignored(settings, forwarded, trusted):
    settings.TRUSTED_PROXIES = trusted
    request = RequestFactory().get(
        "/", REMOTE_ADDR="203.0.113.7", HTTP_X_FORWARDED_FOR=forwarded
    )
    assert client_ip(request) == "203.0.113.7"


PROXIED = [
    # (X-Forwarded-For as the proxy passes it on, the visitor)
    ("198.51.100.9", "198.51.100.9"),
    ("6.6.6.6, 198.51.100.9", "198.51.100.9"),
    ("spoofed, 198.51.100.9", "198.51.100.9"),
    ("198.51.100.9, 10.0.0.5", "198.51.100.9"),
    ("198.51.100.9 , 10.0.0.5,127.0.0.1", "198.51.100.9"),
    ("2001:db8::1", "2001:db8::1"),
    ("[2001:db8::1]:4711", "2001:db8::1"),
    ("198.51.100.9:4711", "198.51.100.9"),
    ("10.0.0.5", "10.0.0.5"),  # only proxies: the farthest one
    ("", "127.0.0.1"),  # no header: the proxy itself
    ("198.51.100.9, junk", "127.0.0.1"),  # a broken chain stops at the sure hop
]


@pytest.mark.parametrize("forwarded,visitor", PROXIED)
def test_forwarded_for_from_a_trusted_proxy_gives_the_rightmost_untrusted_hop(
    settings, forwarded, visitor
):
    settings.TRUSTED_PROXIES = ["127.0.0.1", "10.0.0.0/8"]
    request = RequestFactory().get(
        "/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=forwarded
    )
    assert client_ip(request) == visitor


def spread_emails(count):
    return [f"visitor{n}@example.org" for n in range(count)]


@pytest.mark.django_db
def test_spoofed_forwarded_for_neither_escapes_the_rate_limit_nor_is_stored(
    client, open_policy, site, settings
):
    settings.TRUSTED_PROXIES = []
    settings.COMMENTS_RATE_PER_IP = "3/10m"
    statuses = []
    for n, email in enumerate(spread_emails(4)):
        response = client.post(
            "/comments/post/",
            comment_data(site["article"], email=email, comment=f"Spoof {n}"),
            REMOTE_ADDR="203.0.113.7",
            HTTP_X_FORWARDED_FOR=f"198.51.100.{n}",
        )
        statuses.append(response.status_code)

    assert statuses == [302, 302, 302, 429]
    assert set(Comment.objects.values_list("ip_address", flat=True)) == {"203.0.113.7"}


@pytest.mark.django_db
def test_behind_a_trusted_proxy_each_visitor_has_their_own_limit_and_address(
    client, open_policy, site, settings
):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    settings.COMMENTS_RATE_PER_IP = "2/10m"

    def send(visitor, n):
        return client.post(
            "/comments/post/",
            comment_data(
                site["article"], email=f"v{n}@example.org", comment=f"Proxied {n}"
            ),
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR=f"6.6.6.{n}, {visitor}",
        )

    first = [send("198.51.100.1", n).status_code for n in range(3)]
    second = [send("198.51.100.2", n + 10).status_code for n in range(2)]

    assert first == [302, 302, 429]
    assert second == [302, 302]
    stored = Comment.objects.order_by("pk").values_list("ip_address", flat=True)
    assert list(stored) == ["198.51.100.1"] * 2 + ["198.51.100.2"] * 2


def test_a_trusted_proxy_that_is_not_an_address_stops_the_site(monkeypatch):
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env={
            "DJANGO_SETTINGS_MODULE": "recoverysite.settings",
            "DEBUG": "1",
            "TRUSTED_PROXIES": "10.0.0.0/8,proxy.example",
            "PATH": "/usr/bin:/bin",
        },
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "TRUSTED_PROXIES: 'proxy.example' is not an IP address" in result.stderr
