"""Unsupported methods, oversized bodies and forms sent without their CSRF token."""

import pytest
from django.test import Client
from django_ratelimit.exceptions import Ratelimited

from comments.models import Comment
from recoverysite import error_pages
from tests.comments.conftest import comment_data
from tests.hostile.payloads import assert_safe_page

# Pages whose views say what they answer to: unsupported methods name those.
READ_ONLY_VIEWS = [
    "/",
    "/articles/",
    "/articles/hope/",
    "/events/",
    "/events/webinar/",
    "/presenters/",
    "/presenters/rae-presenter/",
    "/about/",
    "/search/?q=hope",
    "/tags/recovery/",
    "/robots.txt",
    "/no-such-page/",
]
# Function views of Django and the libraries: the site's methods are named.
OTHER_VIEWS = [
    "/feeds/articles/",
    "/events/calendar.ics",
    "/sitemap.xml",
    "/admin/login/",
]
UNSUPPORTED = ["PUT", "PATCH", "DELETE", "TRACE", "CONNECT", "PROPFIND", "FOO"]


@pytest.mark.django_db
@pytest.mark.parametrize("method", UNSUPPORTED)
@pytest.mark.parametrize(
    "path, allowed",
    [(path, "GET, HEAD, OPTIONS") for path in READ_ONLY_VIEWS]
    + [(path, "GET, HEAD, OPTIONS, POST") for path in OTHER_VIEWS],
)
def test_unsupported_method_is_a_designed_405_listing_what_is_allowed(
    client, site, method, path, allowed
):
    response = client.generic(method, path)

    assert_safe_page(response, 405)
    assert response["Allow"] == allowed
    assert "not " + method in response.text


@pytest.mark.django_db
@pytest.mark.parametrize("method", UNSUPPORTED)
def test_unsupported_method_on_the_comment_address_names_post_alone(
    client, site, method
):
    response = client.generic(method, "/comments/post/")

    assert_safe_page(response, 405)
    assert response["Allow"] == "POST"


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["PUT", "TRACE"])
def test_unsupported_method_on_a_class_based_view_names_its_methods(
    client, site, method
):
    response = client.generic(method, "/contact/")

    assert_safe_page(response, 405)
    assert response["Allow"] == "GET, HEAD, POST"


READ_ONLY_PAGES = [
    "/",
    "/articles/",
    "/articles/hope/",
    "/articles/2020/",
    "/events/",
    "/events/webinar/",
    "/presenters/",
    "/about/",
    "/search/",
    "/tags/",
    "/robots.txt",
]


@pytest.mark.django_db
@pytest.mark.parametrize("path", READ_ONLY_PAGES)
def test_post_to_a_read_only_page_is_405_not_a_csrf_failure(site, path):
    client = Client(enforce_csrf_checks=True)

    response = client.post(path, {"anything": "1"})

    assert_safe_page(response, 405)
    assert response["Allow"] == "GET, HEAD, OPTIONS"
    assert "form needs to be sent again" not in response.text


@pytest.mark.django_db
def test_get_of_the_comment_address_is_a_designed_405_keeping_allow(client, site):
    response = client.get("/comments/post/")

    assert_safe_page(response, 405)
    assert response["Allow"] == "POST"


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/articles/hope/", "/feeds/articles/"])
def test_head_and_options_still_work(client, site, path):
    assert client.head(path).status_code == 200
    assert client.options(path).status_code == 200


def oversized(size):
    return "comment=" + "x" * size


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/comments/post/", "/admin/login/"])
@pytest.mark.parametrize("extra", [1, 1024 * 1024])
def test_body_above_the_upload_limit_is_a_designed_413(
    client, settings, site, path, extra
):
    body = oversized(settings.DATA_UPLOAD_MAX_MEMORY_SIZE + extra)

    response = client.post(path, body, content_type="application/x-www-form-urlencoded")

    assert_safe_page(response, 413)
    assert "too large" in response.text
    assert not Comment.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/comments/post/", "/admin/login/"])
def test_too_many_form_fields_is_a_designed_413(client, settings, site, path):
    body = "&".join(
        f"f{n}=1" for n in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1)
    )

    response = client.post(path, body, content_type="application/x-www-form-urlencoded")

    assert_safe_page(response, 413)


@pytest.mark.django_db
def test_comment_just_under_the_limit_is_answered_normally(client, open_policy, site):
    data = comment_data(site["article"], comment="y" * 4000)

    response = client.post("/comments/post/", data)

    # Longer than a comment may be: the form comes back, not a 413.
    assert response.status_code == 200
    assert "Ensure this value has at most 3000 characters" in response.text


CSRF_FORMS = [
    ("/admin/login/", {"username": "editor", "password": "x"}),
    ("/admin/logout/", {}),
    ("/admin/password_change/", {"old_password": "x"}),
    ("/admin/articles/article/add/", {"title": "Forged"}),
]


@pytest.mark.django_db
@pytest.mark.parametrize("path,data", CSRF_FORMS)
@pytest.mark.parametrize("token", [None, "forged-token", "a" * 64])
def test_admin_post_without_a_valid_csrf_token_is_a_designed_403(
    django_user_model, site, path, data, token
):
    client = Client(enforce_csrf_checks=True)
    client.get("/admin/login/")  # sets the CSRF cookie, as a browser would have
    if token:
        data = {**data, "csrfmiddlewaretoken": token}

    response = client.post(path, data)

    assert_safe_page(response, 403)
    assert "This form needs to be sent again" in response.text


@pytest.mark.django_db
def test_admin_login_without_any_cookie_is_a_designed_403(site):
    client = Client(enforce_csrf_checks=True)

    response = client.post("/admin/login/", {"username": "a", "password": "b"})

    assert_safe_page(response, 403)
    assert "allow cookies" in response.text


@pytest.mark.django_db
def test_admin_login_with_its_token_still_works(django_user_model, site):
    django_user_model.objects.create_superuser("editor", "e@example.org", "pass-word-1")
    client = Client(enforce_csrf_checks=True)
    page = client.get("/admin/login/")
    token = page.context["csrf_token"]

    response = client.post(
        "/admin/login/?next=/admin/",
        {"username": "editor", "password": "pass-word-1", "csrfmiddlewaretoken": token},
    )

    assert response.status_code == 302
    assert response["Location"] == "/admin/"


@pytest.mark.django_db
def test_signed_in_commenter_without_csrf_token_gets_the_designed_403(
    django_user_model, policy, site
):
    client = Client(enforce_csrf_checks=True)
    client.force_login(django_user_model.objects.create_user("reader", "r@e.org"))

    response = client.post("/comments/post/", comment_data(site["article"]))

    assert_safe_page(response, 403)
    assert "This form needs to be sent again" in response.text
    assert not Comment.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path", ["/admin/articles/article/add/", "/admin/recoverysite/user/"]
)
def test_staff_without_permission_gets_the_designed_403(
    client, django_user_model, site, path
):
    client.force_login(
        django_user_model.objects.create_user("helper", "h@e.org", is_staff=True)
    )

    response = client.get(path)

    assert_safe_page(response, 403)
    assert "This page is not open to you" in response.text


@pytest.mark.django_db
def test_a_rate_limit_raised_anywhere_is_the_designed_429(rf, site):
    request = rf.get("/")

    response = error_pages.permission_denied(request, Ratelimited())

    assert response.status_code == 429
    assert "Please wait a few minutes" in response.content.decode()
    assert '<nav class="site-nav" aria-label="Main">' in response.content.decode()
