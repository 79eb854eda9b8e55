import time

from django import forms
from django.conf import settings
from django.core import signing
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from contact.models import Message, Topic
from recoverysite.plain_text import visible_text

FORM_SALT = "contact.form"
# A form left open in a tab stays good this long.
FORM_MAX_AGE = 2 * 24 * 60 * 60


def issued_now():
    """The signed moment the form was handed out."""
    return signing.TimestampSigner(salt=FORM_SALT).sign(str(int(time.time())))


class ContactForm(forms.ModelForm):
    """
    The contact form. Its signed ``issued`` field stands in for a CSRF cookie
    and says when the form was handed out, for the minimum time to fill it in.
    """

    # Left empty by people; filled by many bots. Hidden with CSS, not type=hidden.
    honeypot = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    issued = forms.CharField(widget=forms.HiddenInput)

    class Meta:
        model = Message
        fields = ["name", "email", "topic", "message"]
        labels = {
            "name": _("Your name"),
            "email": _("Your email"),
            "topic": _("What is it about?"),
            "message": _("Your message"),
        }
        help_texts = {
            "name": _("Any name you like to be called."),
            "email": _("We answer here. Never shown to anyone else."),
        }
        widgets = {"message": forms.Textarea(attrs={"rows": 8})}
        error_messages = {
            "name": {"required": _("Please write a name.")},
            "email": {
                "required": _("Please write your email address: the answer goes there.")
            },
            "message": {
                "required": _("Please write a message."),
                "max_length": _(
                    "Please shorten your message to %(limit_value)s characters or "
                    "fewer: it has %(show_value)s now."
                ),
            },
        }

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.initial["issued"] = issued_now()
        limit = settings.CONTACT_MESSAGE_MAX_LENGTH
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        message = self.fields["message"]
        # No maxlength on the textarea: a browser would cut a long paste short
        # without a word. The server says how long it is, and keeps it all.
        message.validators.append(MaxLengthValidator(limit))
        message.help_text = _("Plain text, up to %(limit)d characters.") % {
            "limit": limit
        }
        topics = list(Topic.objects.all())
        if topics:
            topic = self.fields["topic"]
            topic.queryset = Topic.objects.all()
            topic.choices = [("", _("Choose one"))] + [
                (item.pk, item.name) for item in topics
            ]
        else:
            del self.fields["topic"]

    def security_failed(self):
        return "issued" in self.errors

    def honeypot_filled(self):
        return bool(self.data.get("honeypot"))

    def clean_issued(self):
        signer = signing.TimestampSigner(salt=FORM_SALT)
        try:
            issued = signer.unsign(self.cleaned_data["issued"], max_age=FORM_MAX_AGE)
        except signing.BadSignature as error:
            raise forms.ValidationError("stale", code="stale") from error
        return int(issued)

    def seconds_to_write(self):
        return time.time() - self.cleaned_data["issued"]

    def was_sent_too_fast(self):
        return self.seconds_to_write() < settings.CONTACT_MIN_SECONDS_TO_WRITE

    def clean_name(self):
        # One line: the name goes into the subject of the editors' email.
        name = " ".join(visible_text(self.cleaned_data["name"]).split())
        if not name:
            raise forms.ValidationError(_("Please write a name."))
        return name

    def clean_message(self):
        text = visible_text(self.cleaned_data["message"]).strip()
        if not text:
            raise forms.ValidationError(_("Please write a message."))
        return text

    def clean_email(self):
        return self.cleaned_data["email"].lower()

    def with_fresh_security_fields(self):
        """The same form and text, with a new ``issued`` field to send again."""
        data = self.data.copy()
        data["issued"] = issued_now()
        return type(self)(data=data)
