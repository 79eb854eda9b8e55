import reversion
from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager

from editorial import tasks
from editorial.edit_conflicts import EditConflictAdmin
from editorial.revisions import RevisionAdmin
from editorial.writing_aids import publishing_warnings, writing_report
from operations.background import enqueue_after_commit
from pagecache.tags import invalidate, tags_for_change
from recoverysite.admin import KeepRelatedRecords
from recoverysite.publishing import (
    NO_REVIEW,
    Status,
    format_moment,
    share_link_lifetime,
)
from recoverysite.tags import TagField


class PublicationStateFilter(admin.SimpleListFilter):
    title = _("publication state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [
            ("published", _("Published")),
            ("scheduled", _("Scheduled")),
            ("draft", _("Draft")),
            ("review", _("Waiting for review")),
            ("expired", _("Unpublished by date")),
        ]

    def queryset(self, request, queryset):
        if self.value() == "published":
            return queryset.published()
        if self.value() == "scheduled":
            return queryset.scheduled()
        if self.value() == "draft":
            return queryset.filter(status=Status.DRAFT)
        if self.value() == "review":
            return queryset.waiting_for_review()
        if self.value() == "expired":
            return queryset.expired()
        return queryset


class SendBackForm(forms.Form):
    note = forms.CharField(
        label=_("Note for the author"),
        widget=forms.Textarea(attrs={"rows": 8, "cols": 60}),
        help_text=_(
            "What to change before it can be published. The author reads it on "
            "the item, on their dashboard and in an email."
        ),
    )


class EditingAdminMedia:
    """The accessibility fixes, live writing aids and autosave of the change form."""

    css = {
        "all": [
            "recoverysite/admin/accessibility.css",
            "editorial/admin/editing.css",
        ]
    }
    js = [
        "recoverysite/admin/accessibility.js",
        "editorial/admin/writing_aids.js",
        "editorial/admin/autosave.js",
    ]


class EditorialAdmin(KeepRelatedRecords, EditConflictAdmin, RevisionAdmin):
    """Revisions (history, compare, restore), the two-editors check, autosave."""

    Media = EditingAdminMedia
    # With the offer to restore what the browser kept (autosave.js) and the
    # note on which time zone the form's times are in.
    change_form_template = "admin/editorial/change_form.html"

    def get_time_zone_note(self, request, form):
        """Which time zone the form's times are in, said once for the form."""
        if not any(
            isinstance(field, forms.DateTimeField | forms.SplitDateTimeField)
            for field in form.base_fields.values()
        ):
            return ""
        return _("Times on this form are in %(zone)s time, the site's time zone.") % {
            "zone": timezone.get_current_timezone_name()
        }

    def render_change_form(self, request, context, *args, **kwargs):
        context["time_zone_note"] = self.get_time_zone_note(
            request, context["adminform"].form
        )
        return super().render_change_form(request, context, *args, **kwargs)


class PublishableAdmin(EditorialAdmin):
    """Shared by everything with the draft/scheduled/published rule."""

    list_filter = [PublicationStateFilter, "published_at"]
    date_hierarchy = "published_at"
    actions = ["publish", "unpublish"]
    readonly_fields = ["updated_at", "publication_state", "writing_aids", "share_draft"]
    change_form_template = "admin/editorial/publishable_change_form.html"
    # One spelling per tag: Unicode-normalised, without hidden characters.
    formfield_overrides = {TaggableManager: {"form_class": TagField}}
    # Fields only people allowed to publish may change.
    publishing_fields = ["status", "published_at", "unpublish_at"]
    # Fields the writing aids read.
    title_field = "title"
    summary_field = None
    rich_text_fields = ["body"]

    def view_on_site(self, obj):
        # The default goes through the sites framework's domain (example.com).
        # Unpublished items get a "Preview" link from the change form instead.
        return obj.get_absolute_url() if obj.is_published() else None

    def get_fieldsets(self, request, obj=None):
        fieldsets = []
        for name, options in super().get_fieldsets(request, obj):
            fields = list(options["fields"])
            if "published_at" in fields and "unpublish_at" not in fields:
                fields.insert(fields.index("published_at") + 1, "unpublish_at")
            if "status" in fields and "publication_state" not in fields:
                fields.insert(fields.index("status"), "publication_state")
                if not self.has_publish_permission(request):
                    options = {
                        **options,
                        "description": _(
                            "Only editors publish and schedule. When your draft "
                            "is ready, press “Submit for review” next to Save."
                        ),
                    }
            fieldsets.append((name, {**options, "fields": fields}))
        writing = (
            _("Writing aids"),
            {
                "fields": ["writing_aids"],
                "description": _(
                    "Figures for the text as last saved; the title and summary "
                    "are also checked as you type."
                ),
            },
        )
        sharing = (
            _("Share draft"),
            {
                "fields": ["share_draft"],
                "description": _(
                    "A link for someone without an account (a presenter, a "
                    "reviewer) to read this item before it is published."
                ),
            },
        )
        return [fieldsets[0], writing, *fieldsets[1:], sharing]

    # Roles: people without the publish permission write drafts only.

    def has_publish_permission(self, request, obj=None):
        opts = self.opts
        return request.user.has_perm(f"{opts.app_label}.publish_{opts.model_name}")

    def may_edit_without_publishing(self, request, obj):
        return obj.status == Status.DRAFT

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        if allowed and obj is not None and not self.has_publish_permission(request):
            return self.may_edit_without_publishing(request, obj)
        return allowed

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        if allowed and obj is not None and not self.has_publish_permission(request):
            return self.may_edit_without_publishing(request, obj)
        return allowed

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not self.has_publish_permission(request):
            fields += [name for name in self.publishing_fields if name not in fields]
        return fields

    def save_model(self, request, obj, form, change):
        if not self.has_publish_permission(request):
            obj.status = Status.DRAFT
        if "_share_draft" in request.POST:
            obj.start_sharing()
        elif "_stop_sharing" in request.POST:
            obj.stop_sharing()
        # A second press of the button asks nobody twice.
        submitting = (
            "_submit_for_review" in request.POST
            and obj.status == Status.DRAFT
            and not obj.is_waiting_for_review()
        )
        if submitting:
            obj.submit_for_review(request.user)
        super().save_model(request, obj, form, change)
        if submitting:
            enqueue_after_commit(tasks.review_requested, obj._meta.label, obj.pk)
        for warning in self.get_publishing_warnings(obj):
            self.message_user(request, warning, messages.WARNING)

    def response_add(self, request, obj, post_url_continue=None):
        return self.review_response(request, obj) or super().response_add(
            request, obj, post_url_continue
        )

    def response_change(self, request, obj):
        if response := self.review_response(request, obj):
            return response
        if "_share_draft" in request.POST:
            self.message_user(
                request,
                _("Saved. The share link is below, in “Share draft”."),
                messages.SUCCESS,
            )
            return redirect(request.path)
        if "_stop_sharing" in request.POST:
            self.message_user(
                request,
                _("Saved. The share links given out no longer open this item."),
                messages.SUCCESS,
            )
            return redirect(request.path)
        return super().response_change(request, obj)

    # The review: authors submit drafts, editors publish them or send them back.

    def review_buttons(self, request, obj):
        """The review buttons of the change form of ``obj`` (None: the add form)."""
        if obj is None:
            may_save = self.has_add_permission(request)
        else:
            may_save = self.has_change_permission(request, obj)
        if not may_save:
            return {}
        if self.has_publish_permission(request):
            return {"send_back": obj is not None and obj.is_waiting_for_review()}
        return {
            "submit": obj is None
            or (obj.status == Status.DRAFT and not obj.is_waiting_for_review())
        }

    def render_change_form(
        self, request, context, add=False, change=False, form_url="", obj=None
    ):
        context["review_buttons"] = self.review_buttons(request, obj)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def review_response(self, request, obj):
        """Where the review buttons of the change form lead, after the save."""
        if obj.review_ended:
            done = (
                _("Published after review.")
                if obj.is_published()
                else _("Scheduled after review.")
            )
            self.note_in_history(done)
            return None
        if "_submit_for_review" in request.POST and obj.is_waiting_for_review():
            self.note_in_history(_("Submitted for review."))
            self.message_user(
                request,
                _(
                    "Submitted for review: the editors are told by email. You can "
                    "still make changes until one of them publishes it."
                ),
                messages.SUCCESS,
            )
            return redirect(self.change_url(obj))
        if (
            "_send_back" in request.POST
            and obj.is_waiting_for_review()
            and self.has_publish_permission(request)
        ):
            return redirect(self.send_back_url(obj))
        return None

    def note_in_history(self, text):
        """Put ``text`` before the list of changed fields in this save's version."""
        reversion.set_comment(f"{text} {reversion.get_comment()}".strip())

    def change_url(self, obj):
        opts = self.opts
        return reverse(
            f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_change",
            args=[obj.pk],
        )

    def send_back_url(self, obj):
        opts = self.opts
        return reverse(
            f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_send_back",
            args=[obj.pk],
        )

    def get_urls(self):
        opts = self.opts
        return [
            path(
                "<path:object_id>/send-back/",
                self.admin_site.admin_view(self.send_back_view),
                name=f"{opts.app_label}_{opts.model_name}_send_back",
            ),
            *super().get_urls(),
        ]

    def send_back_view(self, request, object_id):
        """An editor returns a draft waiting for review to its author, with a note."""
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404(_("This item no longer exists."))
        if not (
            self.has_publish_permission(request)
            and self.has_change_permission(request, obj)
        ):
            raise PermissionDenied
        if not obj.is_waiting_for_review():
            self.message_user(
                request, _("This item is not waiting for review."), messages.WARNING
            )
            return redirect(self.change_url(obj))
        form = SendBackForm(request.POST if request.method == "POST" else None)
        if request.method == "POST" and form.is_valid():
            note = form.cleaned_data["note"]
            with transaction.atomic(), reversion.create_revision():
                obj.send_back(request.user, note)
                # Only the review: the author's text as stored stays untouched.
                obj.save(update_fields=[*NO_REVIEW, "updated_at"])
                reversion.set_user(request.user)
                reversion.set_comment(
                    _("Sent back with a note: %(note)s") % {"note": note}
                )
                enqueue_after_commit(tasks.sent_back, obj._meta.label, obj.pk)
            self.message_user(
                request,
                _("Sent back with your note to %(name)s, who is told by email.")
                % {"name": obj.submitted_by or _("the author")},
                messages.SUCCESS,
            )
            return redirect(self.change_url(obj))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "object": obj,
            "form": form,
            "title": _("Send “%(item)s” back") % {"item": obj},
            "submitted_at": format_moment(obj.submitted_at),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/editorial/send_back.html", context)

    def get_publishing_warnings(self, obj):
        return publishing_warnings(
            obj, self.title_field, self.summary_field, self.rich_text_fields
        )

    @admin.display(description=_("state"))
    def publication_state(self, obj):
        if obj is None or obj.pk is None:
            return _("Not saved yet")
        return obj.get_state_display()

    @admin.display(description=_("share link"))
    def share_draft(self, obj):
        if obj is None or obj.pk is None:
            return _("Save the draft first, then share it from here.")
        if not obj.share_key:
            if obj.is_published():
                return _("Published: anyone can read it at its address.")
            return _(
                "Not shared: only staff can read it. “Save and share draft” "
                "below makes a link for someone without an account."
            )
        until = format_moment(timezone.now() + share_link_lifetime())
        return format_html(
            '<input type="url" class="vURLField share-link" readonly value="{}" '
            'aria-label="{}"><div class="help">{}</div>',
            f"{settings.SITE_URL}{obj.get_share_url()}",
            _("Share link"),
            _(
                "Whoever has this link can read the item until %(date)s, or until "
                "you press “Save and stop sharing”. Search engines do not list it "
                "and no cache keeps it."
            )
            % {"date": until},
        )

    @admin.display(description=_("length and reading ease"))
    def writing_aids(self, obj):
        if obj is None or obj.pk is None:
            return _("Save a draft to see the word count and reading ease.")
        texts = [getattr(obj, name) for name in [self.summary_field] if name]
        texts += [getattr(obj, name) for name in self.rich_text_fields]
        report = writing_report(*texts)
        return format_html(
            '<p class="writing-figures">{}</p><p class="writing-ease">{}</p>',
            report.summary(),
            report.ease_text(),
        )

    @admin.action(
        description=_("Publish selected items (keeping their dates)"),
        permissions=["publish"],
    )
    def publish(self, request, queryset):
        count = self.set_status(queryset, Status.PUBLISHED)
        self.message_user(request, _("%(count)d item(s) published.") % {"count": count})

    @admin.action(
        description=_("Turn selected items back into drafts"),
        permissions=["publish"],
    )
    def unpublish(self, request, queryset):
        count = self.set_status(queryset, Status.DRAFT)
        self.message_user(
            request, _("%(count)d item(s) are drafts now.") % {"count": count}
        )

    def set_status(self, queryset, status):
        pks = list(queryset.values_list("pk", flat=True))
        items = queryset.model._default_manager.filter(pk__in=pks)
        # Moving "last updated" on makes a change form opened earlier refuse
        # to save over the new status.
        review = NO_REVIEW if status == Status.PUBLISHED else {}
        count = items.update(status=status, updated_at=timezone.now(), **review)
        invalidate(*tags_for_change(queryset.model()))
        reversion.set_comment(
            _("Published from the list")
            if status == Status.PUBLISHED
            else _("Turned into a draft from the list")
        )
        for item in items:
            reversion.add_to_revision(item)
        return count
