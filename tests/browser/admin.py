"""An editor account and the admin's own login form, for journeys through the admin."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

EDITOR_PASSWORD = "a long editor password"


def make_editor(username="editor"):
    return get_user_model().objects.create_superuser(
        username, f"{username}@example.org", EDITOR_PASSWORD, display_name="Sam Editor"
    )


def log_in(page, editor, password=EDITOR_PASSWORD):
    """Log in through the admin's login form and land on the dashboard."""
    page.goto(reverse("admin:login") + "?next=" + reverse("admin:index"))
    page.get_by_label("Username").fill(editor.username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("heading", name="Site administration").wait_for()


def sign_in(page, user, site_url):
    """Give the page's browser a logged-in session cookie, skipping the login form."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies(
        [{"name": cookie.key, "value": cookie.value, "url": site_url}]
    )
