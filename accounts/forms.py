from django import forms
from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import PasswordResetForm
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts import two_step
from mail.messages import site_email


class StaffPasswordResetForm(PasswordResetForm):
    """Django's reset form, for staff only, sending the site's own email."""

    def get_users(self, email):
        # Only staff sign in; other accounts (if any) have nothing to reset here.
        return (user for user in super().get_users(email) if user.is_staff)

    def send_mail(
        self, subject_template_name, email_template_name, context, *args, **kwargs
    ):
        # The link is built on SITE_URL, never on the Host header a request
        # brings, so a forged request cannot make it point elsewhere.
        path = reverse(
            "password_reset_confirm",
            kwargs={"uidb64": context["uid"], "token": context["token"]},
        )
        site_email(
            context["email"],
            "accounts/emails/password_reset.txt",
            {
                "user": context["user"],
                "reset_url": f"{settings.SITE_URL}{path}",
                "hours": settings.PASSWORD_RESET_TIMEOUT // 3600,
            },
        ).send()


class TwoStepAuthenticationForm(AdminAuthenticationForm):
    """
    The admin's sign-in with a second box for the code of people who turned on
    two-step sign-in: the six digits from their authenticator app, or one of
    their recovery codes. Everyone else leaves it empty.
    """

    otp_token = forms.CharField(
        label=_("Two-step code"),
        required=False,
        max_length=32,
        help_text=_(
            "Only if you turned on two-step sign-in: the six digits your "
            "authenticator app shows now, or one of your recovery codes."
        ),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "spellcheck": "false"}
        ),
    )

    error_messages = {
        **AdminAuthenticationForm.error_messages,
        "code_required": _(
            "This account signs in in two steps: enter the code from your "
            "authenticator app, or a recovery code."
        ),
        "wrong_code": _(
            "That code is not right. Enter the newest code your app shows (check "
            "that your phone's clock is right), or an unused recovery code."
        ),
        "paused": _(
            "Too many wrong codes in a row: wait a minute, then try the newest code."
        ),
    }

    def clean(self):
        cleaned_data = super().clean()
        user = self.get_user()
        devices = two_step.devices_of(user) if user is not None else []
        if not devices:
            return cleaned_data
        code = "".join(cleaned_data.get("otp_token", "").split()).lower()
        if not code:
            raise self.code_error("code_required")
        try:
            user.otp_device = two_step.device_for_code(devices, code)
        except two_step.VerificationPaused:
            raise self.code_error("paused") from None
        if user.otp_device is None:
            raise self.code_error("wrong_code")
        return cleaned_data

    def code_error(self, code):
        return forms.ValidationError({"otp_token": self.error_messages[code]})


class AuthenticatorConfirmationForm(forms.Form):
    code = forms.CharField(
        label=_("Code from the app"),
        max_length=10,
        help_text=_("The six digits the app shows for this site now."),
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "spellcheck": "false",
            }
        ),
    )

    def __init__(self, *args, device, **kwargs):
        self.device = device
        super().__init__(*args, **kwargs)

    def clean_code(self):
        code = "".join(self.cleaned_data["code"].split())
        if not self.device.verify_token(code):
            raise forms.ValidationError(
                _(
                    "That code is not right. Enter the newest six digits the app "
                    "shows, and check that your phone's clock is right."
                )
            )
        return code
