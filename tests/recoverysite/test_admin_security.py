"""Admin sign-in lock-out, the admin's address, staff session time-out, passwords."""

import re
import time

import pytest
from axes.models import AccessAttempt
from django.conf import settings as django_settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from recoverysite.security import StaffSessionIdleMiddleware
from tests.factories import make_article
from tests.recoverysite.test_settings import manage

PASSWORD = "a long editor password"
LOCKED = "Signing in is paused for 15 minutes"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser(
        "editor", "editor@example.org", PASSWORD
    )


def sign_in(client, username, password, **headers):
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password, "next": reverse("admin:index")},
        **headers,
    )


def message(response):
    """The admin's error note, the words a person reads."""
    notes = re.findall(r'<p class="errornote"[^>]*>(.*?)</p>', response.text, re.S)
    return " ".join(" ".join(notes).split())


@pytest.mark.django_db
def test_five_wrong_passwords_pause_signing_in_with_a_clear_message(client, editor):
    for _attempt in range(4):
        response = sign_in(client, "editor", "wrong password")
        assert response.status_code == 200
        assert "Please enter the correct username and password" in message(response)

    response = sign_in(client, "editor", "wrong password")

    assert response.status_code == 429
    assert message(response).startswith(LOCKED)
    assert response["Retry-After"] == str(
        int(django_settings.AXES_COOLOFF_TIME.total_seconds())
    )
    # In the admin's design, with the site's own header.
    assert "Recovery site administration" in response.text
    assert 'href="/static/admin/css/login.css"' in response.text
    # The right password does not get through while paused.
    response = sign_in(client, "editor", PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_unknown_and_known_user_names_get_the_same_answers(editor):
    answers = {}
    for username in ("editor", "nobody-here"):
        client = Client()
        failures = [
            message(sign_in(client, username, "wrong password")) for _ in range(5)
        ]
        answers[username] = failures
    assert answers["editor"] == answers["nobody-here"]
    assert answers["editor"][-1].startswith(LOCKED)


@pytest.mark.django_db
def test_the_pause_holds_one_user_name_from_one_address_only(client, editor):
    for _attempt in range(5):
        sign_in(client, "editor", "wrong password", REMOTE_ADDR="198.51.100.1")

    from_elsewhere = sign_in(Client(), "editor", PASSWORD, REMOTE_ADDR="198.51.100.2")

    assert from_elsewhere.status_code == 302
    assert from_elsewhere["Location"] == reverse("admin:index")


@pytest.mark.django_db
def test_an_administrator_unlocks_a_user_with_axes_reset_username(client, editor):
    for _attempt in range(5):
        sign_in(client, "editor", "wrong password")
    assert sign_in(client, "editor", PASSWORD).status_code == 429

    call_command("axes_reset_username", "editor")

    assert sign_in(client, "editor", PASSWORD).status_code == 302


@pytest.mark.django_db
def test_forwarded_addresses_count_only_from_a_trusted_proxy(settings, editor):
    settings.TRUSTED_PROXIES = ["10.0.0.2"]
    behind_proxy = {
        "REMOTE_ADDR": "10.0.0.2",
        "HTTP_X_FORWARDED_FOR": "192.0.2.50, 203.0.113.9",
    }
    spoofed = {"REMOTE_ADDR": "198.51.100.7", "HTTP_X_FORWARDED_FOR": "203.0.113.1"}

    sign_in(Client(), "editor", "wrong password", **behind_proxy)
    sign_in(Client(), "editor", "wrong password", **spoofed)

    addresses = set(AccessAttempt.objects.values_list("ip_address", flat=True))
    # The right-most address the proxy saw; a header from anyone else is ignored.
    assert addresses == {"203.0.113.9", "198.51.100.7"}


def test_the_admin_address_comes_from_admin_url():
    show = (
        "from django.urls import reverse; from django.test import Client; "
        "print(reverse('admin:index')); "
        "print(Client(SERVER_NAME='localhost').get('/robots.txt').text)"
    )
    moved = manage("shell", "-v", "0", "-c", show, DEBUG="1", ADMIN_URL="/back-room")
    default = manage("shell", "-v", "0", "-c", show, DEBUG="1")

    assert moved.returncode == 0, moved.stderr
    assert moved.stdout.splitlines()[0] == "/back-room/"
    # robots.txt does not give the moved address away.
    assert "back-room" not in moved.stdout.split("\n", 1)[1]
    assert "Disallow: /admin/" not in moved.stdout
    assert default.stdout.splitlines()[0] == "/admin/"
    assert "Disallow: /admin/" in default.stdout


def go_idle(client, minutes):
    session = client.session
    session[StaffSessionIdleMiddleware.SESSION_KEY] = int(time.time()) - minutes * 60
    session.save()


@pytest.mark.django_db
def test_staff_are_signed_out_after_an_hour_without_a_request(staff_client):
    assert staff_client.get(reverse("admin:index")).status_code == 200
    go_idle(staff_client, 61)

    response = staff_client.get(reverse("admin:index"), follow=True)

    assert response.redirect_chain[0][0].startswith(reverse("admin:login"))
    assert "signed out after 60 minutes without activity" in response.text
    assert "_auth_user_id" not in staff_client.session


@pytest.mark.django_db
def test_staff_who_keep_working_stay_signed_in(staff_client, settings):
    settings.STAFF_SESSION_IDLE_MINUTES = 30
    staff_client.get(reverse("admin:index"))
    go_idle(staff_client, 29)

    assert staff_client.get(reverse("admin:index")).status_code == 200
    # The request counted as activity: the clock starts again.
    seen = staff_client.session[StaffSessionIdleMiddleware.SESSION_KEY]
    assert seen >= int(time.time()) - 5


@pytest.mark.django_db
def test_signed_in_people_who_are_not_staff_are_not_timed_out(
    client, django_user_model
):
    reader = django_user_model.objects.create_user("reader", password=PASSWORD)
    client.force_login(reader)
    go_idle(client, 600)

    client.get(reverse("home"))

    assert client.session["_auth_user_id"] == str(reader.pk)


@pytest.mark.parametrize(
    "password, problem",
    [
        ("short pass", "too short"),
        ("password1234", "too common"),
        ("902871634519", "entirely numeric"),
        ("editor.example", "too similar"),
    ],
)
@pytest.mark.django_db
def test_weak_passwords_are_refused(editor, password, problem):
    with pytest.raises(ValidationError, match=problem):
        validate_password(password, editor)


@pytest.mark.django_db
def test_a_long_uncommon_password_is_accepted(editor):
    assert validate_password("river walks on thursday mornings", editor) is None


@pytest.mark.django_db
def test_an_article_saved_after_a_long_stretch_of_writing_is_kept(staff_client):
    article = make_article(title="Draft title")
    change = reverse("admin:articles_article_change", args=[article.pk])
    form = staff_client.get(change).context["adminform"].form
    go_idle(staff_client, 90)

    data = {name: value for name, value in form.initial.items() if value is not None}
    data.update(
        title="Written over ninety minutes",
        tags="",
        published_at_0=article.published_at.date().isoformat(),
        published_at_1="09:00:00",
        author=article.author_id or "",
        featured_image="",
    )
    response = staff_client.post(change, data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    article.refresh_from_db()
    assert article.title == "Written over ninety minutes"
    assert "_auth_user_id" in staff_client.session
