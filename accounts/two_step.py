"""
Two-step sign-in for staff, on django-otp's devices: an authenticator app
(TOTP) and a set of one-time recovery codes, and the site's rule of who must
use it (``TWO_STEP_REQUIRED_FOR``, docs/operations.md#two-step-sign-in).
"""

import base64

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django_otp import devices_for_user
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

RECOVERY_CODES = 10
# The group whose members TWO_STEP_REQUIRED_FOR calls "editors" (the Editor role).
EDITOR_GROUP = "Editor"


class VerificationPaused(Exception):
    """Too many wrong codes in a row: django-otp waits before trying again."""


def devices_of(user):
    """The user's confirmed devices: an authenticator app, recovery codes."""
    return list(devices_for_user(user))


def device_for_code(devices, code):
    """
    The device that accepts ``code``, or None. Six digits are a code from the
    app, anything else a recovery code; only the device the code is for counts
    a wrong try, so a mistyped app code does not slow down the recovery codes.
    """
    kind = TOTPDevice if code.isdigit() else StaticDevice
    for device in devices:
        if not isinstance(device, kind):
            continue
        allowed, _reason = device.verify_is_allowed()
        if not allowed:
            raise VerificationPaused
        if device.verify_token(code):
            return device
    return None


def authenticator_app(user):
    """The user's confirmed authenticator app, or None."""
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def pending_authenticator_app(user):
    """
    The app being set up, kept until it is confirmed with a code: a page opened
    again shows the same QR code, so a phone that scanned it keeps working.
    """
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).first()
    return device or TOTPDevice.objects.create(
        user=user, name=_("Authenticator app"), confirmed=False
    )


def secret_of(device):
    """The app's secret as people type it: base32, in groups of four."""
    secret = base64.b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_code_svg(text):
    """``text`` as a QR code, an inline <svg> element."""
    image = qrcode.make(
        text, image_factory=qrcode.image.svg.SvgPathImage, border=2, box_size=8
    )
    # Markup qrcode writes from the code's dots alone: nothing a person typed.
    return mark_safe(image.to_string(encoding="unicode"))


def recovery_codes_left(user):
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


@transaction.atomic
def new_recovery_codes(user):
    """A fresh set of recovery codes, the old ones void; the page shows them once."""
    device, _created = StaticDevice.objects.get_or_create(
        user=user, defaults={"name": _("Recovery codes")}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _i in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(
        StaticToken(device=device, token=code) for code in codes
    )
    return codes


@transaction.atomic
def confirm(device, user):
    """The app is set up: it counts from now on, with new recovery codes."""
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return new_recovery_codes(user)


def turn_off(user):
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()


def is_required_for(user):
    """Whether the site requires two-step sign-in of ``user``."""
    required = settings.TWO_STEP_REQUIRED_FOR
    return (
        "staff" in required
        or ("superusers" in required and user.is_superuser)
        or ("editors" in required and user.groups.filter(name=EDITOR_GROUP).exists())
    )


class TwoStepRequiredMiddleware:
    """
    Staff the site requires to sign in in two steps reach the admin only so:
    someone without an authenticator app is sent to set one up first, and a
    session signed in without the code (the app was set up elsewhere since)
    starts again at the sign-in page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            settings.TWO_STEP_REQUIRED_FOR
            and user.is_authenticated
            and user.is_staff
            and request.path.startswith(f"/{settings.ADMIN_URL}")
            and request.path not in self.open_paths()
            and not user.is_verified()
            and is_required_for(user)
        ):
            if authenticator_app(user) is not None:
                logout(request)
                return redirect_to_login(
                    request.get_full_path(), reverse("admin:login")
                )
            messages.warning(
                request,
                _(
                    "This site asks you to sign in in two steps. Set up an "
                    "authenticator app to go on."
                ),
            )
            return redirect("two_step")
        return self.get_response(request)

    @staticmethod
    def open_paths():
        return {reverse("two_step"), reverse("admin:logout"), reverse("admin:jsi18n")}
