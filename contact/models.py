import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Topic(models.Model):
    """What a message is about, chosen by the sender from the editors' list."""

    name = models.CharField(
        _("name"),
        max_length=100,
        unique=True,
        help_text=_(
            "Shown in the form's list and in the subject of the email to editors. "
            "With no topics at all, the form asks for none."
        ),
    )
    position = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Lower numbers come first in the list.")
    )

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        # One line: the name goes into email subjects.
        self.name = " ".join(self.name.split())
        super().save(*args, **kwargs)


class MessageQuerySet(models.QuerySet):
    def unhandled(self):
        return self.filter(handled_at=None)

    def for_email(self, email):
        return self.filter(email__iexact=email.strip())

    def past_retention(self, days):
        """Messages received more than ``days`` ago."""
        cutoff = timezone.now() - datetime.timedelta(days=days)
        return self.filter(received_at__lt=cutoff)

    def duplicate_of(self, email, text, window):
        """The same text from the same address within ``window``: a double send."""
        return (
            self.for_email(email)
            .filter(message=text, received_at__gte=timezone.now() - window)
            .order_by("received_at")
            .first()
        )


class Message(models.Model):
    """A message sent with the contact form; stored first, then emailed to editors."""

    name = models.CharField(_("name"), max_length=100)
    email = models.EmailField(_("email"), max_length=254)
    topic = models.ForeignKey(
        Topic,
        verbose_name=_("topic"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="messages",
    )
    message = models.TextField(_("message"))
    received_at = models.DateTimeField(_("received"), default=timezone.now)
    handled_at = models.DateTimeField(
        _("handled"),
        null=True,
        blank=True,
        help_text=_("Set when someone has answered or dealt with the message."),
    )

    objects = MessageQuerySet.as_manager()

    class Meta:
        ordering = ["-received_at"]
        indexes = [models.Index(fields=["received_at"])]
        verbose_name = _("contact message")
        verbose_name_plural = _("contact messages")

    def __str__(self):
        return _("%(name)s on %(date)s") % {
            "name": self.name,
            "date": timezone.localtime(self.received_at).strftime("%Y-%m-%d %H:%M"),
        }

    def get_admin_url(self):
        return reverse("admin:contact_message_change", args=[self.pk])

    @property
    def is_handled(self):
        return self.handled_at is not None

    def subject(self):
        """The subject of the editors' email and of a reply, on one line."""
        if self.topic:
            text = _("Contact form: %(topic)s, from %(name)s") % {
                "topic": self.topic.name,
                "name": self.name,
            }
        else:
            text = _("Contact form: from %(name)s") % {"name": self.name}
        return " ".join(str(text).split())


def editor_addresses():
    """
    Who is emailed a new message: ``CONTACT_RECIPIENTS`` when set, otherwise
    every active account that may read messages in the admin.
    """
    if settings.CONTACT_RECIPIENTS:
        return list(settings.CONTACT_RECIPIENTS)
    readers = get_user_model().objects.with_perm(
        "contact.view_message",
        is_active=True,
        backend="django.contrib.auth.backends.ModelBackend",
    )
    addresses = readers.exclude(email="").values_list("email", flat=True)
    return sorted({address.lower() for address in addresses})
