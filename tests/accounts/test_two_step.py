"""Two-step sign-in: set up in the admin, asked at sign-in, required by the site."""

import re

import pytest
from django.contrib.auth.models import Group
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import two_step
from editorial.roles import create_roles
from tests.factories import make_user
from tests.recoverysite.test_settings import manage

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
SETUP = "/admin/two-step/"
PASSWORD = "a long passphrase"


def code_of(device):
    token = TOTP(device.bin_key, device.step, device.t0, device.digits).token()
    return f"{token:06d}"


def sign_in(client, username, code=""):
    return client.post(
        LOGIN,
        {
            "username": username,
            "password": PASSWORD,
            "otp_token": code,
            "next": "/admin/",
        },
    )


@pytest.fixture
def staff(db):
    return make_user(username="rosa", password=PASSWORD, is_staff=True)


@pytest.fixture
def app(staff):
    """Rosa's authenticator app, set up already, and her recovery codes."""
    device = TOTPDevice.objects.create(user=staff, name="Phone", confirmed=True)
    device.recovery_codes = two_step.new_recovery_codes(staff)
    return device


def test_the_setup_page_shows_a_qr_code_and_the_key_to_type(client, staff):
    client.force_login(staff)

    response = client.get(SETUP)

    device = TOTPDevice.objects.get(user=staff, confirmed=False)
    assert '<figure class="two-step-qr"' in response.text
    assert "<svg" in response.text and "<path" in response.text
    assert two_step.secret_of(device) in response.text
    assert response["Cache-Control"].startswith("max-age=0")
    # Opened again, it shows the same key: a phone that scanned it still works.
    assert two_step.secret_of(device) in client.get(SETUP).text
    assert TOTPDevice.objects.filter(user=staff).count() == 1


def test_a_wrong_code_at_setup_keeps_the_app_off_and_says_why(client, staff):
    client.force_login(staff)
    client.get(SETUP)

    response = client.post(SETUP, {"code": "000000"})

    assert response.status_code == 200
    assert "That code is not right." in response.text
    assert not TOTPDevice.objects.filter(user=staff, confirmed=True).exists()


def test_the_right_code_turns_it_on_and_shows_ten_recovery_codes_once(client, staff):
    client.force_login(staff)
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=staff)

    response = client.post(SETUP, {"code": code_of(device)})

    device.refresh_from_db()
    assert device.confirmed
    codes = re.findall(r"<li><code>(\w+)</code></li>", response.text)
    assert len(codes) == 10
    assert set(codes) == set(
        StaticToken.objects.filter(device__user=staff).values_list("token", flat=True)
    )
    # This session counts as signed in with the app; the codes are not shown again.
    assert client.session[DEVICE_ID_SESSION_KEY] == device.persistent_id
    page = client.get(SETUP)
    assert "Two-step sign-in is on" in page.text
    assert "10 recovery codes are left" in page.text
    assert not any(code in page.text for code in codes)


def test_without_an_app_the_password_alone_signs_in(client, staff):
    response = sign_in(client, "rosa")
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def test_with_an_app_the_right_code_signs_in(client, app):
    response = sign_in(client, "rosa", code_of(app))

    assert response["Location"] == "/admin/"
    assert client.session[DEVICE_ID_SESSION_KEY] == app.persistent_id


def test_with_an_app_the_password_alone_is_not_enough(client, app):
    response = sign_in(client, "rosa")

    assert response.status_code == 200
    assert "This account signs in in two steps" in response.text
    assert 'value="rosa"' in response.text
    assert "_auth_user_id" not in client.session


def test_a_wrong_code_does_not_sign_in(client, app):
    wrong = f"{(int(code_of(app)) + 1) % 1_000_000:06d}"

    response = sign_in(client, "rosa", wrong)

    assert response.status_code == 200
    assert "That code is not right." in response.text
    assert "_auth_user_id" not in client.session


def test_a_recovery_code_signs_in_once(client, app):
    code = app.recovery_codes[0]

    assert sign_in(client, "rosa", code.upper())["Location"] == "/admin/"
    client.post("/admin/logout/")
    again = sign_in(client, "rosa", code)

    assert again.status_code == 200
    assert "That code is not right." in again.text
    assert two_step.recovery_codes_left(app.user) == 9


def test_new_recovery_codes_replace_the_old_ones(client, app):
    sign_in(client, "rosa", code_of(app))

    response = client.post("/admin/two-step/recovery-codes/")

    codes = re.findall(r"<li><code>(\w+)</code></li>", response.text)
    assert len(codes) == 10
    assert not set(codes) & set(app.recovery_codes)
    assert two_step.recovery_codes_left(app.user) == 10


def test_turning_it_off_needs_a_session_signed_in_with_the_code(client, app):
    client.force_login(app.user)
    client.post("/admin/two-step/turn-off/")
    assert TOTPDevice.objects.filter(user=app.user).exists()

    client.post("/admin/logout/")
    sign_in(client, "rosa", code_of(app))
    client.post("/admin/two-step/turn-off/")
    assert not TOTPDevice.objects.filter(user=app.user).exists()
    assert two_step.recovery_codes_left(app.user) == 0


def test_every_admin_page_links_to_two_step_sign_in(client, staff):
    client.force_login(staff)
    assert (
        '<a href="/admin/two-step/">Two-step sign-in</a>' in client.get("/admin/").text
    )


# The site's requirement.


@pytest.fixture
def require(settings):
    def require(*kinds):
        settings.TWO_STEP_REQUIRED_FOR = set(kinds)

    return require


def test_a_superuser_without_an_app_is_sent_to_set_one_up(client, require):
    require("superusers")
    make_user(username="boss", password=PASSWORD, is_staff=True, is_superuser=True)

    signed_in = sign_in(client, "boss")
    dashboard = client.get(signed_in["Location"])

    assert dashboard.status_code == 302
    assert dashboard["Location"] == SETUP
    setup = client.get(SETUP)
    assert "This site asks you to sign in in two steps." in setup.text
    device = TOTPDevice.objects.get(user__username="boss")
    client.post(SETUP, {"code": code_of(device)})
    assert client.get("/admin/").status_code == 200


def test_the_requirement_for_editors_leaves_other_staff_free(client, require):
    require("editors")
    create_roles()
    editor = make_user(username="ed", password=PASSWORD, is_staff=True)
    editor.groups.add(Group.objects.get(name="Editor"))
    author = make_user(username="au", password=PASSWORD, is_staff=True)
    author.groups.add(Group.objects.get(name="Author"))

    client.force_login(editor)
    assert client.get("/admin/")["Location"] == SETUP
    client.force_login(author)
    assert client.get("/admin/").status_code == 200


def test_a_session_without_the_code_starts_again_at_the_sign_in(client, app, require):
    require("staff")
    # Signed in before the app was set up elsewhere: no code in this session.
    client.force_login(app.user)

    response = client.get("/admin/articles/article/")

    assert response["Location"] == "/admin/login/?next=/admin/articles/article/"
    assert "_auth_user_id" not in client.session


def test_someone_required_to_use_it_cannot_turn_it_off(client, app, require):
    require("staff")
    sign_in(client, "rosa", code_of(app))

    client.post("/admin/two-step/turn-off/")

    assert TOTPDevice.objects.filter(user=app.user).exists()
    assert client.get("/admin/").status_code == 200


def test_an_unknown_requirement_is_refused_at_start():
    result = manage("check", DEBUG="1", TWO_STEP_REQUIRED_FOR="superusers,admins")
    assert result.returncode != 0
    assert "TWO_STEP_REQUIRED_FOR: admins is not one of superusers, editors" in (
        result.stderr
    )
