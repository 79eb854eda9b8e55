from django import forms
from django.utils.translation import gettext_lazy as _

from recoverysite.public_forms import PublicForm
from subscriptions.models import Frequency, Subscriber, Topics


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


class SubscribeForm(PublicForm):
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
    signing_salt = "subscriptions.form"

    def __init__(self, *args, place="page", **kwargs):
        # Two forms on one page (the footer's and the page's) need their own ids.
        kwargs.setdefault("auto_id", f"id_{place}_%s")
        super().__init__(*args, **kwargs)
        self.fields["email"].widget.attrs["autocomplete"] = "email"

    def remade(self, data):
        return type(self)(data=data, auto_id=self.auto_id)
