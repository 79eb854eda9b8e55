"""
Staff sign in with a two-step code or a recovery code, set the app up from the
admin, and choose a new password by email; every one of these screens passes
axe in light and dark.
"""

import re

import pytest
from django.core import mail
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from accounts import two_step
from tests.browser.accessibility import axe_report
from tests.browser.admin import EDITOR_PASSWORD, make_editor, sign_in
from tests.conftest import run_worker

COLOR_SCHEMES = ["light", "dark"]


def code_of(device):
    token = TOTP(device.bin_key, device.step, device.t0, device.digits).token()
    return f"{token:06d}"


def fill_sign_in(page, username, password, code=""):
    page.goto("/admin/login/?next=/admin/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password:").fill(password)
    page.get_by_label("Two-step code").fill(code)
    page.get_by_role("button", name="Log in").click()


def test_an_editor_with_an_app_signs_in_with_the_code(page):
    editor = make_editor()
    device = TOTPDevice.objects.create(user=editor, name="Phone", confirmed=True)

    fill_sign_in(page, editor.username, EDITOR_PASSWORD)
    expect(page.get_by_text("This account signs in in two steps")).to_be_visible()

    fill_sign_in(page, editor.username, EDITOR_PASSWORD, code_of(device))
    expect(page.get_by_role("heading", name="Site administration")).to_be_visible()


def test_an_editor_sets_up_the_app_and_keeps_the_recovery_codes(page, live_server):
    editor = make_editor()
    sign_in(page, editor, live_server.url)
    page.goto("/admin/")

    page.get_by_role("link", name="Two-step sign-in").click()
    expect(page.locator(".two-step-qr svg")).to_be_visible()
    secret = page.locator(".two-step-secret").inner_text()
    device = TOTPDevice.objects.get(user=editor)
    assert secret == two_step.secret_of(device)
    page.get_by_label("Code from the app").fill(code_of(device))
    page.get_by_role("button", name="Turn on two-step sign-in").click()

    expect(page.get_by_role("heading", name="Your recovery codes")).to_be_visible()
    expect(page.locator(".recovery-codes li")).to_have_count(10)


def test_an_editor_signs_in_with_a_recovery_code_once(page, live_server):
    editor = make_editor()
    sign_in(page, editor, live_server.url)
    page.goto("/admin/two-step/")
    device = TOTPDevice.objects.get(user=editor)
    page.get_by_label("Code from the app").fill(code_of(device))
    page.get_by_role("button", name="Turn on two-step sign-in").click()
    first_code = page.locator(".recovery-codes li").first.inner_text().strip()
    page.context.clear_cookies()

    fill_sign_in(page, editor.username, EDITOR_PASSWORD, first_code)
    expect(page.get_by_role("heading", name="Site administration")).to_be_visible()

    page.context.clear_cookies()
    fill_sign_in(page, editor.username, EDITOR_PASSWORD, first_code)
    expect(page.get_by_text("That code is not right.")).to_be_visible()


def test_an_editor_who_forgot_the_password_chooses_a_new_one_by_email(
    page, live_server, settings
):
    settings.SITE_URL = live_server.url
    editor = make_editor()
    page.goto("/admin/login/")
    page.get_by_role("link", name="Forgotten your password?").click()
    page.get_by_label("Email address").fill(editor.email)
    page.get_by_role("button", name="Reset my password").click()
    expect(page.get_by_role("heading", name="Password reset sent")).to_be_visible()
    run_worker()
    (message,) = mail.outbox
    assert message.to == [editor.email]
    link = re.search(r"http\S+/password-reset/\S+/", message.body).group()

    page.goto(link)
    page.get_by_label("New password:").fill("a brand new passphrase")
    page.get_by_label("Confirm password:").fill("a brand new passphrase")
    page.get_by_role("button", name="Change my password").click()
    expect(page.get_by_role("heading", name="Password reset complete")).to_be_visible()

    fill_sign_in(page, editor.username, EDITOR_PASSWORD)
    expect(page.get_by_text("Please enter the correct username")).to_be_visible()
    fill_sign_in(page, editor.username, "a brand new passphrase")
    expect(page.get_by_role("heading", name="Site administration")).to_be_visible()
    # The link works once.
    page.context.clear_cookies()
    page.goto(link)
    expect(
        page.get_by_role("heading", name="Password reset unsuccessful")
    ).to_be_visible()


@pytest.mark.parametrize("color_scheme", COLOR_SCHEMES)
def test_sign_in_two_step_and_password_reset_screens_have_no_axe_violations(
    open_page, live_server, settings, color_scheme
):
    settings.SITE_URL = live_server.url
    editor = make_editor()
    reports = {}
    page = open_page(color_scheme=color_scheme)

    page.goto("/admin/login/")
    reports["sign-in"] = axe_report(page)
    fill_sign_in(page, editor.username, "wrong password")
    reports["sign-in with an error"] = axe_report(page)

    page.get_by_role("link", name="Forgotten your password?").click()
    reports["password reset"] = axe_report(page)
    page.get_by_label("Email address").fill(editor.email)
    page.get_by_role("button", name="Reset my password").click()
    expect(page.get_by_role("heading", name="Password reset sent")).to_be_visible()
    reports["reset sent"] = axe_report(page)
    run_worker()
    link = re.search(r"http\S+/password-reset/\S+/", mail.outbox[-1].body).group()
    page.goto(link)
    reports["new password"] = axe_report(page)
    page.get_by_label("New password:").fill("a brand new passphrase")
    page.get_by_label("Confirm password:").fill("a brand new passphrase")
    page.get_by_role("button", name="Change my password").click()
    expect(page.get_by_role("heading", name="Password reset complete")).to_be_visible()
    reports["reset complete"] = axe_report(page)

    editor.refresh_from_db()  # the new password's session
    sign_in(page, editor, live_server.url)
    page.goto("/admin/two-step/")
    reports["two-step set-up"] = axe_report(page)
    device = TOTPDevice.objects.get(user=editor)
    page.get_by_label("Code from the app").fill("000000")
    page.get_by_role("button", name="Turn on two-step sign-in").click()
    reports["two-step set-up with an error"] = axe_report(page)
    # django-otp waits a moment after a wrong code; the test need not.
    device.throttle_reset()
    page.get_by_label("Code from the app").fill(code_of(device))
    page.get_by_role("button", name="Turn on two-step sign-in").click()
    reports["recovery codes"] = axe_report(page)
    page.goto("/admin/two-step/")
    reports["two-step on"] = axe_report(page)

    failures = {name: report for name, report in reports.items() if report}
    assert not failures, "\n".join(f"{n}: {r}" for n, r in failures.items())
