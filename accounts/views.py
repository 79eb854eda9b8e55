from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth import views as auth_views
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.views.generic import FormView, View
from django_otp import login as otp_login

from accounts import two_step
from accounts.forms import AuthenticatorConfirmationForm, StaffPasswordResetForm
from recoverysite.security import seconds_to_wait


class AdminContextMixin:
    """The admin's header, title and sidebar on pages of our own."""

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            **admin.site.each_context(self.request), **kwargs
        )


class PasswordResetView(AdminContextMixin, auth_views.PasswordResetView):
    """
    The same answer whether the address belongs to someone; a pause after a few
    requests from one connection or for one address, so nobody is flooded.
    """

    form_class = StaffPasswordResetForm

    def form_valid(self, form):
        email = form.cleaned_data["email"].lower()
        seconds = seconds_to_wait(
            self.request,
            ("password-reset-ip", "ip", settings.PASSWORD_RESET_RATE_PER_IP),
            (
                "password-reset-email",
                lambda group, request: email,
                settings.PASSWORD_RESET_RATE_PER_EMAIL,
            ),
        )
        if seconds:
            form.add_error(
                "email",
                _(
                    "Several requests for a new password came in a short time. "
                    "Please wait a few minutes, then send the form again."
                ),
            )
            response = self.form_invalid(form)
            response.status_code = 429
            response["Retry-After"] = str(seconds)
            return response
        return super().form_valid(form)


class PasswordResetDoneView(AdminContextMixin, auth_views.PasswordResetDoneView):
    pass


class PasswordResetConfirmView(AdminContextMixin, auth_views.PasswordResetConfirmView):
    pass


class PasswordResetCompleteView(
    AdminContextMixin, auth_views.PasswordResetCompleteView
):
    pass


class TwoStepView(AdminContextMixin, FormView):
    """Two-step sign-in for oneself: set up the app, new recovery codes, turn off."""

    template_name = "admin/accounts/two_step.html"
    form_class = AuthenticatorConfirmationForm
    success_url = reverse_lazy("two_step")

    def dispatch(self, request, *args, **kwargs):
        self.app = two_step.authenticator_app(request.user)
        self.pending = (
            None if self.app else two_step.pending_authenticator_app(request.user)
        )
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "device": self.pending}

    def post(self, request, *args, **kwargs):
        if self.app is not None:
            # Set up already: the form only confirms a new app.
            return redirect(self.success_url)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        codes = two_step.confirm(self.pending, self.request.user)
        # This session counts as signed in with the app from now on.
        otp_login(self.request, self.pending)
        messages.success(self.request, _("Two-step sign-in is on."))
        return show_recovery_codes(self.request, codes)

    def get_context_data(self, **kwargs):
        context = {
            "title": _("Two-step sign-in"),
            "app": self.app,
            "recovery_codes_left": two_step.recovery_codes_left(self.request.user),
            "required": two_step.is_required_for(self.request.user),
        }
        if self.pending is not None:
            context["qr_code"] = two_step.qr_code_svg(self.pending.config_url)
            context["secret"] = two_step.secret_of(self.pending)
        return super().get_context_data(**context, **kwargs)


def show_recovery_codes(request, codes):
    context = {
        **admin.site.each_context(request),
        "title": _("Your recovery codes"),
        "codes": codes,
    }
    return render(request, "admin/accounts/recovery_codes.html", context)


class RecoveryCodesView(View):
    """A new set of recovery codes, for someone signed in with the app."""

    http_method_names = ["post"]

    def post(self, request):
        if not request.user.is_verified():
            messages.error(
                request, _("Sign in with your two-step code to make new codes.")
            )
            return redirect("two_step")
        return show_recovery_codes(request, two_step.new_recovery_codes(request.user))


class TurnOffView(View):
    http_method_names = ["post"]

    def post(self, request):
        user = request.user
        if two_step.is_required_for(user):
            messages.error(request, _("This site requires two-step sign-in of you."))
        elif not user.is_verified():
            messages.error(
                request, _("Sign in with your two-step code to turn it off.")
            )
        else:
            two_step.turn_off(user)
            messages.success(request, _("Two-step sign-in is off."))
        return redirect("two_step")
