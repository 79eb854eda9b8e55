"""Staff choose a new password by email: queued, on the site's address, paced."""

import re

import pytest
from django.core import mail

from recoverysite.models import SiteSettings
from tests.factories import make_user

pytestmark = pytest.mark.django_db

RESET = "/admin/password-reset/"


@pytest.fixture
def editor(db):
    return make_user(
        username="rosa",
        email="rosa@example.org",
        password="old password 123",
        is_staff=True,
    )


def reset_link(message):
    return re.search(r"http://testserver(/admin/password-reset/\S+/)", message.body)


def test_the_sign_in_page_links_to_the_password_reset(client):
    response = client.get("/admin/login/")
    assert '<a href="/admin/password-reset/">Forgotten your password?</a>' in (
        response.text
    )


def test_the_reset_email_is_queued_and_the_worker_delivers_it_with_the_footer(
    client, editor, worker, settings
):
    settings.SITE_URL = "http://testserver"
    site = SiteSettings.load()
    site.crisis_notice = "In crisis? Call or text 988."
    site.save()

    response = client.post(RESET, {"email": "ROSA@example.org"})

    assert response.status_code == 302
    assert response["Location"] == "/admin/password-reset/sent/"
    assert mail.outbox == []  # queued for the worker, not sent in the request
    worker()
    [message] = mail.outbox
    assert message.to == ["rosa@example.org"]
    assert message.subject == f"A new password for {site.name}"
    assert "Hello rosa," in message.body
    assert "The link works once, for 24 hours." in message.body
    assert "Need help now?\nIn crisis? Call or text 988." in message.body
    assert reset_link(message) is not None


def test_the_link_sets_a_new_password_that_signs_in(client, editor, worker, settings):
    settings.SITE_URL = "http://testserver"
    client.post(RESET, {"email": "rosa@example.org"})
    worker()
    link = reset_link(mail.outbox[0]).group(1)

    # Django swaps the token for a session key and redirects to a clean address.
    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    assert 'name="new_password1"' in form_page.text
    done = client.post(
        form_page.redirect_chain[-1][0],
        {
            "new_password1": "a brand new passphrase",
            "new_password2": "a brand new passphrase",
        },
    )

    assert done["Location"] == "/admin/password-reset/done/"
    editor.refresh_from_db()
    assert editor.check_password("a brand new passphrase")
    complete = client.get(done["Location"])
    assert 'href="/admin/login/"' in complete.text
    # The link works once.
    assert "invalid" in client.get(link, follow=True).text


def test_the_link_is_built_on_the_site_address_not_the_request_host(
    client, editor, worker, settings
):
    settings.SITE_URL = "https://recovery.example.org"
    settings.ALLOWED_HOSTS = ["*"]
    client.post(RESET, {"email": "rosa@example.org"}, HTTP_HOST="evil.example.com")
    worker()
    body = mail.outbox[0].body
    assert "https://recovery.example.org/admin/password-reset/" in body
    assert "evil.example.com" not in body


def test_an_unknown_address_gets_the_same_page_and_no_email(client, worker):
    make_user(username="visitor", email="visitor@example.org", password="x")

    unknown = client.post(RESET, {"email": "nobody@example.org"}, follow=True)
    not_staff = client.post(RESET, {"email": "visitor@example.org"}, follow=True)

    for response in (unknown, not_staff):
        assert response.redirect_chain == [("/admin/password-reset/sent/", 302)]
        assert "if an account exists with the email you entered" in response.text
    worker()
    assert mail.outbox == []


def test_an_invalid_address_gets_the_form_again_with_the_text_kept(client):
    response = client.post(RESET, {"email": "rosa at example"})
    assert response.status_code == 200
    assert "Enter a valid email address." in response.text
    assert 'value="rosa at example"' in response.text


def test_many_requests_for_one_address_pause_with_the_same_words_for_anyone(
    client, editor, worker, settings
):
    settings.PASSWORD_RESET_RATE_PER_EMAIL = "2/h"
    for _ in range(2):
        assert client.post(RESET, {"email": "rosa@example.org"}).status_code == 302

    paused = client.post(RESET, {"email": "rosa@example.org"})

    assert paused.status_code == 429
    assert int(paused["Retry-After"]) > 0
    assert "Please wait a few minutes" in paused.text
    assert 'value="rosa@example.org"' in paused.text
    worker()
    assert len(mail.outbox) == 2
    # An address with no account is paused just the same: nothing to learn.
    for _ in range(2):
        client.post(RESET, {"email": "nobody@example.org"})
    assert client.post(RESET, {"email": "nobody@example.org"}).status_code == 429


def test_many_requests_from_one_connection_pause(client, settings):
    settings.PASSWORD_RESET_RATE_PER_IP = "3/h"
    for number in range(3):
        client.post(RESET, {"email": f"person{number}@example.org"})
    assert client.post(RESET, {"email": "other@example.org"}).status_code == 429
