from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from subscriptions import emails
from subscriptions.models import Digest, NewItem, Subscriber, digest_items
from subscriptions.tasks import next_digest_since


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    """The subscribers and their state; people subscribe themselves, never here."""

    list_display = [
        "email",
        "status",
        "topics",
        "frequency",
        "subscribed_at",
        "confirmed_at",
        "status_changed_at",
    ]
    list_filter = ["status", "topics", "frequency"]
    search_fields = ["email"]
    date_hierarchy = "subscribed_at"
    readonly_fields = [
        "email",
        "status",
        "topics",
        "frequency",
        "subscribed_at",
        "confirmed_at",
        "confirmation_sent_at",
        "status_changed_at",
        "language",
    ]
    actions = ["mark_bounced", "mark_complained", "mark_unsubscribed"]

    def has_add_permission(self, request):
        return False

    def mark(self, request, queryset, status, done):
        count = 0
        for subscriber in queryset:
            subscriber.set_status(status)
            count += 1
        self.message_user(request, done % {"count": count}, messages.SUCCESS)

    @admin.action(description=_("Mark as bounced (no more emails)"))
    def mark_bounced(self, request, queryset):
        self.mark(
            request,
            queryset,
            Subscriber.Status.BOUNCED,
            ngettext(
                "%(count)d subscriber marked as bounced.",
                "%(count)d subscribers marked as bounced.",
                queryset.count(),
            ),
        )

    @admin.action(description=_("Mark as complained (no more emails)"))
    def mark_complained(self, request, queryset):
        self.mark(
            request,
            queryset,
            Subscriber.Status.COMPLAINED,
            ngettext(
                "%(count)d subscriber marked as complained.",
                "%(count)d subscribers marked as complained.",
                queryset.count(),
            ),
        )

    @admin.action(description=_("Unsubscribe"))
    def mark_unsubscribed(self, request, queryset):
        self.mark(
            request,
            queryset,
            Subscriber.Status.UNSUBSCRIBED,
            ngettext(
                "%(count)d subscriber unsubscribed.",
                "%(count)d subscribers unsubscribed.",
                queryset.count(),
            ),
        )


def preview_subscriber():
    """A subscriber who wants everything, for previews; its links lead nowhere."""
    return Subscriber(pk=0, email="preview@example.org", link_key="preview")


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Digest)
class DigestAdmin(ReadOnlyAdmin):
    """Each weekly digest: when it went and to how many; the next one's preview."""

    list_display = [
        "__str__",
        "started_at",
        "finished_at",
        "recipients",
        "articles",
        "events",
    ]
    change_list_template = "admin/subscriptions/digest/change_list.html"

    def get_urls(self):
        return [
            path(
                "preview/",
                self.admin_site.admin_view(self.preview_view),
                name="subscriptions_digest_preview",
            ),
            path(
                "preview/html/",
                self.admin_site.admin_view(self.preview_html_view),
                name="subscriptions_digest_preview_html",
            ),
            *super().get_urls(),
        ]

    def next_message(self):
        since = next_digest_since()
        items = digest_items(since, timezone.now())
        return (
            since,
            items,
            emails.digest(preview_subscriber(), emails.digest_contexts(items)),
        )

    def preview_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        since, items, message = self.next_message()
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("The next digest"),
            "since": since,
            "items": items,
            "message": message,
            "last": Digest.objects.order_by("-started_at").first(),
        }
        return TemplateResponse(
            request, "admin/subscriptions/digest/preview.html", context
        )

    def preview_html_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        _since, _items, message = self.next_message()
        if message is None:
            return HttpResponse(status=404)
        return HttpResponse(message.alternatives[0][0])

    def changelist_view(self, request, extra_context=None):
        return super().changelist_view(
            request,
            {
                "last": Digest.objects.order_by("-started_at").first(),
                **(extra_context or {}),
            },
        )


@admin.register(NewItem)
class NewItemAdmin(ReadOnlyAdmin):
    """Each article and webinar mailed on its own, to those who asked."""

    list_display = ["title", "kind", "published_at", "recipients", "finished_at"]
    list_filter = ["kind"]
    search_fields = ["title"]
