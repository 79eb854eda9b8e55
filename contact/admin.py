from urllib.parse import quote

from django.contrib import admin, messages
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from contact.models import Message, Topic


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    """The topics a sender may choose; with none, the form asks for no topic."""

    list_display = ["name", "position"]
    list_editable = ["position"]
    search_fields = ["name"]


class HandledFilter(admin.SimpleListFilter):
    title = _("handled")
    parameter_name = "handled"

    def lookups(self, request, model_admin):
        return [("no", _("Not yet")), ("yes", _("Handled"))]

    def queryset(self, request, queryset):
        if self.value() == "no":
            return queryset.unhandled()
        if self.value() == "yes":
            return queryset.exclude(handled_at=None)
        return queryset


@admin.register(Message)
class MessageAdmin(admin.ModelAdmin):
    """
    Messages from the contact form, newest first. What the sender wrote cannot be
    changed here; editors answer by email and mark messages handled.
    """

    list_display = ["name", "topic", "short_message", "received_at", "handled"]
    list_filter = [HandledFilter, "topic"]
    search_fields = ["name", "email", "message"]
    date_hierarchy = "received_at"
    list_select_related = ["topic"]
    actions = ["mark_handled", "mark_unhandled"]
    readonly_fields = [
        "name",
        "email",
        "topic",
        "message",
        "received_at",
        "reply_by_email",
    ]
    fields = [
        "reply_by_email",
        "name",
        "email",
        "topic",
        "message",
        "received_at",
        "handled_at",
    ]

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("message"))
    def short_message(self, message):
        text = " ".join(message.message.split())
        return text if len(text) <= 80 else text[:79] + "…"

    @admin.display(boolean=True, description=_("handled"), ordering="handled_at")
    def handled(self, message):
        return message.is_handled

    @admin.display(description=_("reply"))
    def reply_by_email(self, message):
        subject = _("Re: %(subject)s") % {"subject": message.subject()}
        return format_html(
            '<a class="button" href="mailto:{}?subject={}">{}</a>',
            quote(message.email, safe="@"),
            quote(str(subject)),
            _("Reply by email"),
        )

    @admin.action(description=_("Mark the chosen messages handled"))
    def mark_handled(self, request, queryset):
        count = queryset.unhandled().update(handled_at=timezone.now())
        self.message_user(
            request,
            ngettext(
                "%(count)d message marked handled.",
                "%(count)d messages marked handled.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Mark the chosen messages not handled"))
    def mark_unhandled(self, request, queryset):
        count = queryset.exclude(handled_at=None).update(handled_at=None)
        self.message_user(
            request,
            ngettext(
                "%(count)d message marked not handled.",
                "%(count)d messages marked not handled.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )
