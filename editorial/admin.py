import reversion
from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager

from editorial.edit_conflicts import EditConflictAdmin
from editorial.revisions import RevisionAdmin
from editorial.writing_aids import publishing_warnings, writing_report
from pagecache.tags import invalidate, tags_for_change
from recoverysite.admin import KeepRelatedRecords
from recoverysite.publishing import Status, format_moment, share_link_lifetime
from recoverysite.tags import TagField


class PublicationStateFilter(admin.SimpleListFilter):
    title = _("publication state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [
            ("published", _("Published")),
            ("scheduled", _("Scheduled")),
            ("draft", _("Draft")),
            ("expired", _("Unpublished by date")),
        ]

    def queryset(self, request, queryset):
        if self.value() == "published":
            return queryset.published()
        if self.value() == "scheduled":
            return queryset.scheduled()
        if self.value() == "draft":
            return queryset.filter(status=Status.DRAFT)
        if self.value() == "expired":
            return queryset.expired()
        return queryset


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
                            "Only editors publish and schedule. Save your draft "
                            "and tell an editor when it is ready."
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
        super().save_model(request, obj, form, change)
        for warning in self.get_publishing_warnings(obj):
            self.message_user(request, warning, messages.WARNING)

    def response_change(self, request, obj):
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
        count = items.update(status=status, updated_at=timezone.now())
        invalidate(*tags_for_change(queryset.model()))
        reversion.set_comment(
            _("Published from the list")
            if status == Status.PUBLISHED
            else _("Turned into a draft from the list")
        )
        for item in items:
            reversion.add_to_revision(item)
        return count
