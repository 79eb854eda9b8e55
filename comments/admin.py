from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, OuterRef, Q, Subquery
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.defaultfilters import linebreaks_filter
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from comments import tasks
from comments.models import (
    Comment,
    CommentReport,
    CommentStatus,
    EmailAddress,
    ModerationPolicy,
    ReportReason,
)
from comments.moderation import send_akismet_feedback
from comments.privacy import erase_commenter
from operations.background import enqueue_after_commit
from recoverysite.models import SiteSettings


class CommentAdminForm(forms.ModelForm):
    site_reply = forms.CharField(
        label=_("Reply as the site"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Published at once under this comment, in the site's name. Approve "
            "the comment first if it is waiting."
        ),
    )

    class Meta:
        model = Comment
        fields = [
            "status",
            "user_name",
            "user_email",
            "user_url",
            "comment",
            "followup",
        ]

    def clean(self):
        # Refused here rather than dropped in save_model, so the text stays.
        cleaned_data = super().clean()
        if not cleaned_data.get("site_reply", "").strip():
            return cleaned_data
        if cleaned_data.get("status") != CommentStatus.PUBLISHED:
            self.add_error(
                "site_reply",
                _("Approve the comment (status: Published) to reply to it."),
            )
        elif self.instance.level >= settings.COMMENTS_XTD_MAX_THREAD_LEVEL:
            self.add_error(
                "site_reply",
                _("This thread is as deep as it can go: reply further up."),
            )
        return cleaned_data


class CommentReportInline(admin.TabularInline):
    model = CommentReport
    fields = ["reason", "note", "created_at", "resolved"]
    readonly_fields = ["reason", "note", "created_at"]
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        # Reports come from visitors.
        return False


class OpenReportsFilter(admin.SimpleListFilter):
    title = _("reports")
    parameter_name = "reported"

    def lookups(self, request, model_admin):
        return [
            ("open", _("Reported, not yet looked at")),
            ("danger", _("Reported: someone may be in danger")),
        ]

    def queryset(self, request, queryset):
        if self.value() == "open":
            return queryset.filter(open_reports__gt=0)
        if self.value() == "danger":
            return queryset.filter(
                reports__resolved=False, reports__reason=ReportReason.DANGER
            ).distinct()
        return queryset


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    form = CommentAdminForm
    inlines = [CommentReportInline]
    # One wide column holds the whole comment, its context and its buttons,
    # so the text reads in full at 1280 px and stacks on a phone.
    list_display = [
        "moderation",
        "status",
        "reported",
        "submit_date",
    ]
    list_display_links = ["submit_date"]
    change_list_template = "admin/comments/comment/change_list.html"
    row_actions = {
        "approve": _("Approve"),
        "remove": _("Reject"),
        "mark_spam": _("Spam"),
    }
    list_filter = ["status", OpenReportsFilter, "care_hold", "submit_date"]
    list_select_related = ["content_type"]
    search_fields = ["comment", "user_name", "user_email"]
    show_facets = admin.ShowFacets.ALWAYS
    ordering = ["-care_hold", "-submit_date"]
    date_hierarchy = "submit_date"
    actions = ["approve", "mark_spam", "remove", "erase_commenters"]
    readonly_fields = ["on", "submit_date", "ip_address", "hold_reasons", "care_hold"]
    fieldsets = [
        (None, {"fields": ["status", "on", "comment", "site_reply"]}),
        (
            _("Commenter"),
            {
                "fields": [
                    "user_name",
                    "user_email",
                    "user_url",
                    "followup",
                    "ip_address",
                ]
            },
        ),
        (_("Moderation"), {"fields": ["submit_date", "hold_reasons", "care_hold"]}),
    ]

    @admin.display(description=_("comment"))
    def moderation(self, comment):
        buttons = format_html_join(
            "",
            '<button type="submit" class="button" formaction="{}">{}</button>',
            (
                (self.row_action_url(comment, name), label)
                for name, label in self.row_actions.items()
            ),
        )
        return format_html(
            '<div class="moderation-row">{care}'
            '<p class="moderation-meta"><strong>{author}</strong> · {on}</p>'
            "{parent}"
            '<div class="moderation-text">{text}</div>'
            '<div class="moderation-actions">{buttons}'
            '<button type="submit" class="button moderation-delete" '
            'formaction="{delete}">{delete_label}</button></div>'
            '<details class="moderation-reply"><summary>{reply_label}</summary>'
            '<label for="reply-{pk}">{reply_field}</label>'
            '<textarea id="reply-{pk}" name="reply-{pk}" rows="3"></textarea>'
            '<button type="submit" class="button default" formaction="{reply}">'
            "{reply_send}</button></details></div>",
            care=format_html(
                '<p class="moderation-care">{}</p>',
                _("Care hold: this may be someone in distress. Read it first."),
            )
            if comment.care_hold
            else "",
            author=comment.user_name or _("[anonymous]"),
            on=self.on(comment),
            parent=format_html(
                '<blockquote class="moderation-parent"><p>{}</p>{}</blockquote>',
                _("In reply to %(name)s:") % {"name": comment.parent_name},
                Truncator(comment.parent_text).chars(300),
            )
            if comment.parent_text is not None
            else "",
            text=linebreaks_filter(comment.comment) or _("[no text]"),
            buttons=buttons,
            delete=self.row_action_url(comment, "delete"),
            delete_label=_("Delete"),
            reply=self.row_action_url(comment, "reply"),
            reply_label=_("Reply as the site"),
            reply_field=_("Your reply, published under this comment"),
            reply_send=_("Publish reply"),
            pk=comment.pk,
        )

    def row_action_url(self, comment, name):
        return reverse(
            f"{self.admin_site.name}:comments_comment_moderate",
            args=[comment.pk, name],
        )

    def get_urls(self):
        return [
            path(
                "<int:pk>/moderate/<slug:name>/",
                self.admin_site.admin_view(self.moderate_view),
                name="comments_comment_moderate",
            ),
            *super().get_urls(),
        ]

    def moderate_view(self, request, pk, name):
        """One button of one row: the queue's own form posts here, so it works without
        JavaScript, and the hidden ``place`` field brings the moderator back to the
        same filters and page."""
        changelist = reverse(f"{self.admin_site.name}:comments_comment_changelist")
        place = request.POST.get("place", "")
        back = HttpResponseRedirect(f"{changelist}?{place}" if place else changelist)
        if request.method != "POST":
            return back
        comment = get_object_or_404(Comment, pk=pk)
        queryset = Comment.objects.filter(pk=comment.pk)
        if name == "delete":
            if not self.has_delete_permission(request, comment):
                raise PermissionDenied
            self.log_deletions(request, queryset)
            comment.delete()
            self.message_user(request, _("The comment is deleted."))
            return back
        if not self.has_change_permission(request, comment):
            raise PermissionDenied
        if name in self.row_actions:
            getattr(self, name)(request, queryset)
            return back
        if name == "reply":
            text = request.POST.get(f"reply-{comment.pk}", "").strip()
            if not text:
                self.message_user(request, _("Write the reply first."), messages.ERROR)
            elif comment.status != CommentStatus.PUBLISHED:
                self.message_user(
                    request,
                    _("Approve the comment before replying to it."),
                    messages.ERROR,
                )
            elif comment.level >= settings.COMMENTS_XTD_MAX_THREAD_LEVEL:
                self.message_user(
                    request,
                    _("This thread is as deep as it can go: reply further up."),
                    messages.ERROR,
                )
            else:
                with transaction.atomic():
                    self.reply_as_site(request, comment, text)
            return back
        raise Http404

    @admin.display(description=_("on"))
    def on(self, comment):
        target = comment.content_object
        if target is None:
            return "—"
        return format_html(
            '<a href="{}">{}</a>',
            comment.get_absolute_url(),
            Truncator(target).chars(60),
        )

    @admin.display(description=_("crisis"), boolean=True, ordering="care_hold")
    def urgent(self, comment):
        return comment.care_hold

    @admin.display(description=_("open reports"), ordering="open_reports")
    def reported(self, comment):
        return comment.open_reports or ""

    def get_queryset(self, request):
        parents = Comment.objects.filter(pk=OuterRef("parent_id")).exclude(
            pk=OuterRef("pk")
        )
        return (
            super()
            .get_queryset(request)
            .prefetch_related("content_object")
            .annotate(
                open_reports=Count("reports", filter=Q(reports__resolved=False)),
                # Top-level comments are their own parent in the threading library.
                parent_text=Subquery(parents.values("comment")[:1]),
                parent_name=Subquery(parents.values("user_name")[:1]),
            )
        )

    def has_add_permission(self, request):
        # Comments come from visitors; moderators answer with "Reply as the site".
        return False

    def save_model(self, request, obj, form, change):
        was_published = (
            change
            and Comment.objects.filter(
                pk=obj.pk, status=CommentStatus.PUBLISHED
            ).exists()
        )
        with transaction.atomic():
            super().save_model(request, obj, form, change)
            if obj.status == CommentStatus.PUBLISHED and not was_published:
                enqueue_after_commit(tasks.comment_published, obj.pk, was_held=True)
            if form.cleaned_data.get("site_reply", "").strip():
                self.reply_as_site(request, obj, form.cleaned_data["site_reply"])

    def reply_as_site(self, request, parent, text):
        reply = Comment(
            content_type=parent.content_type,
            object_pk=parent.object_pk,
            site_id=settings.SITE_ID,
            parent_id=parent.pk,
            user=request.user,
            user_name=SiteSettings.load().name,
            user_email=request.user.email,
            comment=text.strip(),
            submit_date=timezone.now(),
            status=CommentStatus.PUBLISHED,
        )
        reply.save()
        enqueue_after_commit(tasks.comment_published, reply.pk, was_held=False)
        self.message_user(request, _("Your reply is published."))

    @admin.action(description=_("Approve and publish"), permissions=["change"])
    def approve(self, request, queryset):
        # Words their author withdrew are not for a moderator to bring back.
        held = list(
            queryset.exclude(
                status__in=[CommentStatus.PUBLISHED, CommentStatus.WITHDRAWN]
            )
        )
        was_spam = [comment for comment in held if comment.status == CommentStatus.SPAM]
        with transaction.atomic():
            for comment in held:
                comment.status = CommentStatus.PUBLISHED
                comment.save()
                enqueue_after_commit(tasks.comment_published, comment.pk, was_held=True)
            queryset.resolve_reports()
        send_akismet_feedback(was_spam, is_spam=False)
        self.message_user(request, _("%(n)d comment(s) published.") % {"n": len(held)})

    @admin.action(description=_("Mark as spam"), permissions=["change"])
    def mark_spam(self, request, queryset):
        comments = list(queryset.exclude(status=CommentStatus.SPAM))
        for comment in comments:
            comment.status = CommentStatus.SPAM
            comment.save()
        queryset.resolve_reports()
        send_akismet_feedback(comments, is_spam=True)
        self.message_user(
            request, _("%(n)d comment(s) marked as spam.") % {"n": len(comments)}
        )

    @admin.action(
        description=_("Remove (replies stay, under a placeholder)"),
        permissions=["change"],
    )
    def remove(self, request, queryset):
        comments = list(queryset.exclude(status=CommentStatus.REMOVED))
        for comment in comments:
            comment.status = CommentStatus.REMOVED
            comment.save()
        queryset.resolve_reports()
        self.message_user(
            request, _("%(n)d comment(s) removed.") % {"n": len(comments)}
        )

    @admin.action(
        description=_("Erase these commenters' personal data (keeps the text)"),
        permissions=["delete"],
    )
    def erase_commenters(self, request, queryset):
        addresses = {
            address.lower()
            for address in queryset.values_list("user_email", flat=True)
            if address
        }
        erased = sum(
            erase_commenter(address, remove_text=False) for address in addresses
        )
        self.message_user(
            request,
            _("Anonymised %(n)d comment(s) from %(people)d address(es).")
            % {"n": erased, "people": len(addresses)},
        )


@admin.register(ModerationPolicy)
class ModerationPolicyAdmin(admin.ModelAdmin):
    fieldsets = [
        (
            _("Who waits for a moderator"),
            {
                "fields": [
                    "hold_first_comments",
                    "max_links",
                    "min_seconds_to_write",
                    "moderation_keys",
                    "disallowed_keys",
                ]
            },
        ),
        (_("Care"), {"fields": ["crisis_phrases", "moderator_emails"]}),
        (_("Closing"), {"fields": ["close_after_days"]}),
    ]

    def has_add_permission(self, request):
        return not ModerationPolicy.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(EmailAddress)
class EmailAddressAdmin(admin.ModelAdmin):
    list_display = ["email", "confirmed_at"]
    search_fields = ["email"]
