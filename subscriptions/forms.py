from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _

from subscriptions.models import Frequency, Subscriber, Topics

FORM_SALT = "subscriptions.form"
# A form on a page kept in caches and open tabs stays good this long.
FORM_MAX_AGE = 2 * 24 * 60 * 60


class ChoicesForm(forms.ModelForm):
    """What a subscriber receives and how often."""

    class Meta:
        model = Subscriber
        fields = ["topics", "frequency"]
        widgets = {"topics": forms.RadioSelect, "frequency": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["topics"].label = _("What")
        self.fields["frequency"].label = _("How often")


class SubscribeForm(forms.Form):
    """
    The subscribe form in the footer and on article and event pages. Its signed
    ``issued`` field stands in for a CSRF cookie, so those pages are cached whole.
    """

    email = forms.EmailField(
        label=_("Your email"),
        max_length=254,
        help_text=_(
            "We send a link to confirm first. Never shown or given to anyone else."
        ),
    )
    topics = forms.ChoiceField(
        label=_("What"), choices=Topics, initial=Topics.BOTH, widget=forms.RadioSelect
    )
    frequency = forms.ChoiceField(
        label=_("How often"),
        choices=Frequency,
        initial=Frequency.WEEKLY,
        widget=forms.RadioSelect,
    )
    # Left empty by people; filled by many bots. Hidden with CSS, not type=hidden.
    honeypot = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    issued = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, place="page", **kwargs):
        # Two forms on one page (the footer's and the page's) need their own ids.
        kwargs.setdefault("auto_id", f"id_{place}_%s")
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.initial["issued"] = signing.TimestampSigner(salt=FORM_SALT).sign("form")
        self.fields["email"].widget.attrs["autocomplete"] = "email"

    def security_failed(self):
        return "issued" in self.errors

    def honeypot_filled(self):
        return bool(self.data.get("honeypot"))

    def clean_issued(self):
        signer = signing.TimestampSigner(salt=FORM_SALT)
        try:
            return signer.unsign(self.cleaned_data["issued"], max_age=FORM_MAX_AGE)
        except signing.BadSignature as error:
            raise forms.ValidationError("stale", code="stale") from error

    def with_fresh_security_fields(self):
        """The same form and text, with a new ``issued`` field to send again."""
        data = self.data.copy()
        data["issued"] = signing.TimestampSigner(salt=FORM_SALT).sign("form")
        return type(self)(data=data, auto_id=self.auto_id)
