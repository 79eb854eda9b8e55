"""Security and privacy settings read from the environment, as in production."""

import json

import pytest
from django.urls import reverse

from tests.recoverysite.test_settings import HTTPS, PRODUCTION, manage

PRINT_POLICY = (
    "import json; from django.conf import settings; "
    "print(json.dumps(settings.CONTENT_SECURITY_POLICY['DIRECTIVES'], default=repr))"
)


def directives(**environment):
    result = manage("shell", "-v", "0", "-c", PRINT_POLICY, DEBUG="1", **environment)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_check_deploy_passes_behind_a_tls_terminating_proxy():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        **PRODUCTION,
        **HTTPS,
        SECURE_PROXY_SSL_HEADER="1",
        TRUSTED_PROXIES="10.0.0.2",
        ADMIN_URL="staff-only/",
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_cookies_are_secure_and_https_is_enforced():
    show = (
        "from django.conf import settings as s; print(s.SESSION_COOKIE_SECURE, "
        "s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, "
        "s.SECURE_PROXY_SSL_HEADER)"
    )
    result = manage(
        "shell",
        "-v",
        "0",
        "-c",
        show,
        **PRODUCTION,
        **HTTPS,
        SECURE_PROXY_SSL_HEADER="1",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "True",
        "True",
        "True",
        "31536000",
        "('HTTP_X_FORWARDED_PROTO',",
        "'https')",
    ]


def test_the_policy_allows_no_other_origin_by_default():
    policy = directives()

    assert policy["script-src"] == ["'self'", "csp.constants.NONCE"]
    assert policy["img-src"] == ["'self'", "data:"]
    assert policy["connect-src"] == ["'self'"]


def test_an_analytics_script_on_another_host_is_allowed_by_the_policy():
    policy = directives(ANALYTICS_SCRIPT_URL="https://stats.example.org/js/script.js")

    assert policy["script-src"][-1] == "https://stats.example.org"
    assert policy["connect-src"] == ["'self'", "https://stats.example.org"]
    assert policy["img-src"] == ["'self'", "data:"]


def test_an_analytics_script_on_the_site_itself_adds_no_origin():
    policy = directives(ANALYTICS_SCRIPT_URL="/stats/script.js")

    assert policy["script-src"] == ["'self'", "csp.constants.NONCE"]


def test_an_analytics_address_that_is_not_one_is_refused_with_a_message():
    result = manage("check", DEBUG="1", ANALYTICS_SCRIPT_URL="stats.example.org/x.js")

    assert result.returncode != 0
    assert "ANALYTICS_SCRIPT_URL must be an address starting with https://" in (
        result.stderr
    )


def test_images_from_a_media_host_can_be_allowed():
    policy = directives(CSP_EXTRA_IMG_SRC="https://media.example.org, https://cdn.x")

    assert policy["img-src"] == [
        "'self'",
        "data:",
        "https://media.example.org",
        "https://cdn.x",
    ]


@pytest.mark.django_db
def test_pages_load_no_analytics_script_by_default(client):
    html = client.get(reverse("home")).content.decode()

    assert "data-domain" not in html


@pytest.mark.django_db
def test_the_analytics_script_is_deferred_on_every_page(client, settings):
    settings.ANALYTICS_SCRIPT_URL = "https://stats.example.org/js/script.js"

    for address in [reverse("home"), reverse("articles:list"), "/no-such-page/"]:
        html = client.get(address).content.decode()
        assert (
            '<script src="https://stats.example.org/js/script.js" '
            'data-domain="127.0.0.1" defer></script>'
        ) in html, address


@pytest.mark.django_db
def test_the_https_redirect_carries_the_security_headers(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 31536000

    response = client.get("/articles/")

    assert response.status_code == 301
    assert response["Location"] == "https://testserver/articles/"
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert "camera=()" in response["Permissions-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    # Browsers ignore HSTS sent over plain HTTP; the HTTPS answer carries it.
    assert "Strict-Transport-Security" not in response
    secure = client.get("/articles/", secure=True)
    assert secure["Strict-Transport-Security"].startswith("max-age=31536000")
