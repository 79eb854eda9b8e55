import time

from django import forms
from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from contact.models import Message, Topic
from recoverysite.plain_text import visible_text
from recoverysite.public_forms import PublicForm

FORM_SALT = "contact.form"


class ContactForm(PublicForm, forms.ModelForm):
    """
    The contact form. Its signed ``issued`` field stands in for a CSRF cookie
    and says when the form was handed out, for the minimum time to fill it in.
    """

    signing_salt = FORM_SALT

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
        super().__init__(*args, **kwargs)
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

    def issued_value(self):
        # The moment the form was handed out, for the minimum time to fill it in.
        return str(int(time.time()))

    def clean_signed_issued(self, value):
        return int(value)

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
