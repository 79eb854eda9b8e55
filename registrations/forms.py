from django import forms
from django.utils.translation import gettext_lazy as _

from events.models import validate_time_zone
from recoverysite.plain_text import visible_text
from recoverysite.public_forms import PublicForm
from registrations.models import options_for


class RegistrationForm(PublicForm):
    """
    The registration form of one event. Its signed ``issued`` field ties it to
    the event and to when the page was made, in place of a CSRF cookie, so the
    event page can be cached whole.
    """

    name = forms.CharField(
        label=_("Your name"),
        max_length=100,
        help_text=_("Any name you like to be called; it need not be your full name."),
    )
    email = forms.EmailField(
        label=_("Email"),
        max_length=254,
        help_text=_(
            "The join link and reminders come here. Never shown to anyone else."
        ),
    )
    time_zone = forms.CharField(
        label=_("Your time zone"),
        max_length=64,
        validators=[validate_time_zone],
        help_text=_(
            "The email gives the time in this zone too. Change it if it is not "
            "where you will be, e.g. Europe/London."
        ),
    )
    wants_recording = forms.BooleanField(
        label=_("Email me when the recording is available"),
        required=False,
    )
    signing_salt = "registrations.form"

    def __init__(self, event, *args, **kwargs):
        self.event = event
        super().__init__(*args, **kwargs)
        self.options = options_for(event)
        self.initial.setdefault("time_zone", event.time_zone)
        self.fields["name"].widget.attrs["autocomplete"] = "nickname"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["time_zone"].widget.attrs.update(
            {"autocomplete": "off", "data-guess-time-zone": "", "spellcheck": "false"}
        )
        self.questions = list(event.registration_questions.all())
        for question in self.questions:
            self.fields[question.field_name] = forms.CharField(
                label=question.text,
                required=question.required,
                max_length=1000,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
        if self.options.consent_text:
            self.fields["consent"] = forms.BooleanField(
                label=self.options.consent_text,
                error_messages={
                    "required": _("Please tick the box to register."),
                },
            )
        if not event.meets_online:
            del self.fields["wants_recording"]

    def issued_value(self):
        # A form copied from one event's page cannot register for another.
        return str(self.event.pk)

    def clean_name(self):
        name = " ".join(visible_text(self.cleaned_data["name"]).split())
        if not name:
            raise forms.ValidationError(_("Please write a name."))
        return name

    def answers(self):
        return {
            question.text: visible_text(
                self.cleaned_data.get(question.field_name, "")
            ).strip()
            for question in self.questions
            if self.cleaned_data.get(question.field_name, "").strip()
        }

    def remade(self, data):
        return type(self)(self.event, data=data)


class RegistrantMessageForm(forms.Form):
    """What an editor writes to the registrants chosen in the admin."""

    subject = forms.CharField(label=_("Subject"), max_length=150)
    message = forms.CharField(
        label=_("Message"),
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_(
            "Each registrant's email starts with their name and ends with the "
            "event's time, their join link (for those with a seat) and their "
            "cancel link."
        ),
    )

    def clean_subject(self):
        # One line: the subject is the first line of the email's template.
        return " ".join(self.cleaned_data["subject"].split())
