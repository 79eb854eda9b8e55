import operator
import time

from django import forms
from django.conf import settings
from django.core import signing
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from django_comments.forms import CommentSecurityForm

from comments.models import Comment, CommentReport, ReportReason
from recoverysite.languages import chosen_language
from recoverysite.plain_text import visible_text
from recoverysite.security import client_ip

# Signs the moment a visitor started writing (the comment form's "started").
STARTED_SIGNER = signing.Signer(salt="comments.writing-started")
# How long a form may stay open, as django-contrib-comments' own timestamp.
WRITING_TIMEOUT = getattr(settings, "COMMENTS_TIMEOUT", 2 * 60 * 60)


def writing_started_token():
    """A signed "now", which the form sends back as the start of the writing."""
    return STARTED_SIGNER.sign(str(int(time.time())))


PARENT_UNAVAILABLE = _("The comment you are replying to is not available any more.")


def readable(value):
    """
    ``value``, unless bytes that are not UTF-8 were sent in it: Django reads each
    as U+FFFD, and storing those would keep a comment nobody wrote.
    """
    if "\ufffd" in value:
        raise forms.ValidationError(
            _(
                "Part of this text could not be read, as if it was sent in another "
                "encoding. Please check it, retype the marked characters and send "
                "it again."
            ),
            code="unreadable",
        )
    return value


class CommentForm(CommentSecurityForm):
    """
    The comment form. Security fields come from django-contrib-comments; the
    parent of a reply is checked here, not trusted.
    """

    name = forms.CharField(label=_("Name"), max_length=50)
    # Lengths match the database columns, which PostgreSQL enforces.
    email = forms.EmailField(
        label=_("Email"),
        max_length=254,
        help_text=_("Never shown. Used only for the emails you ask for below."),
    )
    url = forms.URLField(
        label=_("Website (optional)"),
        required=False,
        max_length=200,
        assume_scheme="https",
    )
    comment = forms.CharField(
        label=_("Comment"),
        max_length=settings.COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        # Filled in when the form is shown, in the visitor's language.
        help_text=lazy(operator.mod, str)(
            _("Plain text, up to %(max)d characters. Links become clickable."),
            {"max": settings.COMMENT_MAX_LENGTH},
        ),
    )
    followup = forms.BooleanField(
        label=_("Email me when my comment is published and when someone replies"),
        required=False,
        help_text=_(
            "We first send a link to confirm the address. Without this box we "
            "never email you."
        ),
    )
    remember = forms.BooleanField(
        label=_("Remember my name and email on this browser"),
        required=False,
        help_text=_("Keeps them in a cookie; leave unticked on a shared computer."),
    )
    # Bounded like the id column: SQLite cannot even compare larger numbers.
    reply_to = forms.IntegerField(
        required=False,
        min_value=0,
        max_value=2**31 - 1,
        widget=forms.HiddenInput,
        error_messages=dict.fromkeys(
            ["invalid", "min_value", "max_value"], PARENT_UNAVAILABLE
        ),
    )
    # Left empty by people; filled by many bots. Hidden with CSS, not type=hidden.
    honeypot = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    # When the visitor started writing: a signed time the page's script fetches
    # the first time the form is touched (see writing_started_token).
    started = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, target_object, *args, parent=None, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(target_object, *args, **kwargs)
        self.parent = parent
        if parent is not None:
            self.initial["reply_to"] = parent.pk
        autocomplete = {"name": "name", "email": "email", "url": "url"}
        for name, value in autocomplete.items():
            self.fields[name].widget.attrs["autocomplete"] = value
        self.fields["comment"].widget.attrs["maxlength"] = settings.COMMENT_MAX_LENGTH

    def security_failed(self):
        return any(name in self.errors for name in ("timestamp", "security_hash"))

    def security_forged(self):
        """
        Security fields no page of the site sends: missing, or a hash that does
        not match. A form that was open too long fails only on its timestamp.
        """
        missing = any(
            not self.data.get(name) for name in ("timestamp", "security_hash")
        )
        return missing or "security_hash" in self.errors

    def honeypot_filled(self):
        return bool(self.data.get("honeypot"))

    def clean_reply_to(self):
        parent_id = self.cleaned_data.get("reply_to") or 0
        if not parent_id:
            self.parent = None
            return 0
        parent = (
            Comment.objects.for_object(self.target_object)
            .published()
            .filter(pk=parent_id)
            .first()
        )
        # A hidden parent is never kept: the form page would quote its text.
        self.parent = parent
        if parent is None:
            raise forms.ValidationError(PARENT_UNAVAILABLE)
        if self.parent.level >= settings.COMMENTS_XTD_MAX_THREAD_LEVEL:
            raise forms.ValidationError(
                _("This conversation is as deep as it can go: reply further up.")
            )
        return parent_id

    def clean_url(self):
        url = self.cleaned_data["url"]
        # A web address never holds a bare quotation mark (it is written %22);
        # one typed is meant to break out of the link's attribute.
        if '"' in url:
            raise forms.ValidationError(
                self.fields["url"].error_messages["invalid"], code="invalid"
            )
        return url

    def clean_name(self):
        # One line: the name is quoted in email subjects.
        name = " ".join(visible_text(readable(self.cleaned_data["name"])).split())
        if not name:
            raise forms.ValidationError(_("Please write a name."))
        return name

    def clean_comment(self):
        text = visible_text(readable(self.cleaned_data["comment"])).strip()
        if not text:
            raise forms.ValidationError(_("Please write a comment."))
        return text

    def writing_started_at(self):
        """The moment the visitor started writing, when the page's script said."""
        try:
            started = int(STARTED_SIGNER.unsign(self.data.get("started", "")))
        except (signing.BadSignature, ValueError):
            return None
        # As old as the form's own timestamp may be, and not from the future.
        if not 0 <= time.time() - started <= WRITING_TIMEOUT:
            return None
        return started

    def seconds_to_write(self):
        """
        How long the visitor surely took to write, never less than 0. The form's
        own timestamp says when the page was made, and a page from the page
        cache, or kept by the browser, was made up to their lifetimes earlier
        than the visitor got it; only the time of the script's first touch
        (writing_started_at) is sure.
        """
        started = self.writing_started_at()
        if started is None:
            kept_for_up_to = (
                settings.PAGE_CACHE_SECONDS + settings.BROWSER_CACHE_SECONDS
            )
            started = int(self.data.get("timestamp") or 0) + kept_for_up_to
        return max(time.time() - started, 0)

    def writing_time_is_measured(self):
        """False when the page may have come from a cache and no script said."""
        return self.writing_started_at() is not None or not (
            settings.PAGE_CACHE_SECONDS or settings.BROWSER_CACHE_SECONDS
        )

    def with_fresh_security_fields(self):
        """The same form and text, with a new timestamp and hash to send again."""
        data = self.data.copy()
        for name, value in self.generate_security_data().items():
            data[name] = value
        return type(self)(self.target_object, data=data, parent=self.parent)

    def build_comment(self, request):
        data = self.cleaned_data
        comment = Comment(
            content_object=self.target_object,
            site_id=settings.SITE_ID,
            user_name=data["name"],
            user_email=data["email"].lower(),
            user_url=data["url"],
            comment=data["comment"],
            followup=data["followup"],
            parent_id=data["reply_to"] or 0,
            ip_address=client_ip(request),
            submit_date=timezone.now(),
            language=chosen_language(request),
        )
        if request.user.is_authenticated:
            comment.user = request.user
        return comment


class ReportForm(forms.ModelForm):
    """Why a visitor thinks a comment needs a moderator; no account or address asked."""

    # Left empty by people; filled by many bots.
    honeypot = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    class Meta:
        model = CommentReport
        fields = ["reason", "note"]
        labels = {
            "reason": _("What is wrong with this comment?"),
            "note": _("Anything a moderator should know (optional)"),
        }
        help_texts = {"note": _("Up to 500 characters. Only moderators read it.")}
        widgets = {
            "reason": forms.RadioSelect,
            "note": forms.Textarea(attrs={"rows": 3, "maxlength": 500}),
        }

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["reason"].choices = ReportReason.choices

    def clean_note(self):
        return visible_text(self.cleaned_data["note"]).strip()
