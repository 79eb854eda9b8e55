"""
The view behind every form a visitor sends without an account: registering for
an event, subscribing to email updates, writing to the editors.

Such a form sits on pages the page cache keeps for everyone, so it carries no
CSRF token. What protects it instead (docs/security.md): the cross-site check,
a signed ``issued`` field that goes stale, a honeypot, and rate limits per
address and per email. A refused form always comes back with what the visitor
wrote, a message saying why, and a fresh ``issued`` field to send it again.
"""

from django import forms
from django.core import signing
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.decorators.csrf import csrf_exempt

from recoverysite.security import (
    csrf_failure_for_signed_in,
    is_cross_site,
    seconds_to_wait,
)


@method_decorator(csrf_exempt, name="dispatch")
class PublicFormView(View):
    """
    Subclasses name the ``form_class`` (with ``security_failed()``,
    ``honeypot_filled()`` and ``with_fresh_security_fields()``), the
    ``template_name`` of the page that shows the form again, ``rate_limits()``,
    ``form_valid()`` (which does the work) and ``get_success_url()``.
    """

    http_method_names = ["post"]
    form_class = None
    template_name = None
    cross_site_message = _(
        "This form was sent from another website. If you filled it in, check it "
        "below and send it from here."
    )
    stale_message = _(
        "This form was open for a long time, so for safety it needs to be sent "
        "again. What you wrote is kept below: send it once more."
    )
    rate_limited_message = _(
        "Several requests came from here in a short time. Please wait a few "
        "minutes, then send the form again. What you wrote is kept below."
    )

    def get_form(self):
        return self.form_class(data=self.request.POST)

    def get_context_data(self, **kwargs):
        return kwargs

    def render_form_page(self, form, message="", status=200):
        return render(
            self.request,
            self.template_name,
            self.get_context_data(form=form, message=message),
            status=status,
        )

    def rate_limits(self, form):
        """The (group, key, rate) limits of django-ratelimit this form counts in."""
        raise NotImplementedError

    def refusal(self, form):
        """A page refusing a valid form for a reason of the subclass's, or None."""
        return None

    def post(self, request, *args, **kwargs):
        if refused := csrf_failure_for_signed_in(request):
            return refused
        form = self.get_form()
        if is_cross_site(request):
            return self.render_form_page(
                form.with_fresh_security_fields(), self.cross_site_message, status=403
            )
        is_valid = form.is_valid()
        if form.security_failed():
            return self.render_form_page(
                form.with_fresh_security_fields(), self.stale_message
            )
        if not is_valid:
            return self.render_form_page(form)
        if refused := self.refusal(form):
            return refused
        if seconds := seconds_to_wait(request, *self.rate_limits(form)):
            response = self.render_form_page(
                form.with_fresh_security_fields(),
                self.rate_limited_message,
                status=429,
            )
            response["Retry-After"] = str(seconds)
            return response
        # A bot that filled the honeypot is told it worked, and nothing is kept.
        if not form.honeypot_filled():
            self.form_valid(form)
        return redirect(self.get_success_url())

    def form_valid(self, form):
        raise NotImplementedError

    def get_success_url(self):
        raise NotImplementedError


class PublicForm(forms.Form):
    """
    The fields every form of a ``PublicFormView`` carries: a honeypot, and a
    signed ``issued`` field standing in for a CSRF cookie. It goes stale after
    ``max_age``, long enough for a page kept in caches and open tabs. Subclasses
    name their ``signing_salt`` and may sign something of their own in it.
    """

    signing_salt = None
    max_age = 2 * 24 * 60 * 60

    # Left empty by people; filled by many bots. Hidden with CSS, not type=hidden.
    honeypot = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    issued = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        # After the subclass's own fields, where the form's templates expect them.
        for name in ("honeypot", "issued"):
            self.fields[name] = self.fields.pop(name)
        self.initial["issued"] = self.signed_issued()

    def issued_value(self):
        """What the ``issued`` field signs, besides the moment it was made."""
        return "form"

    def signed_issued(self):
        signer = signing.TimestampSigner(salt=self.signing_salt)
        return signer.sign(self.issued_value())

    def clean_issued(self):
        signer = signing.TimestampSigner(salt=self.signing_salt)
        try:
            value = signer.unsign(self.cleaned_data["issued"], max_age=self.max_age)
        except signing.BadSignature as error:
            raise forms.ValidationError("stale", code="stale") from error
        return self.clean_signed_issued(value)

    def clean_signed_issued(self, value):
        """What a well-signed ``issued`` field holds; by default this form's own."""
        if value != self.issued_value():
            raise forms.ValidationError("made for something else", code="stale")
        return value

    def security_failed(self):
        return "issued" in self.errors

    def honeypot_filled(self):
        return bool(self.data.get("honeypot"))

    def with_fresh_security_fields(self):
        """The same form and text, with a new ``issued`` field to send again."""
        data = self.data.copy()
        data["issued"] = self.signed_issued()
        return self.remade(data)

    def remade(self, data):
        return type(self)(data=data)
