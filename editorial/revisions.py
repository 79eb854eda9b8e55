"""
Revisions in the admin: every save keeps a version (django-reversion), editors
compare two versions word by word and restore one.

The comparison is made here with difflib on the text visitors read (the sanitised
HTML turned into paragraphs), so editors see words added and removed rather than
markup.

Every item has a first version, so its first edit in the admin can be compared
and undone: one made where the item is (demo content, the WordPress importer,
a shell), once the transaction that made it commits; one kept by the admin
just before the first save of an item that has none (rows written in bulk, or
from before versions were kept); and ``manage.py create_first_versions`` for
the rows that exist.
"""

import datetime
import difflib
import re
from functools import partial

import reversion
from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.db import DEFAULT_DB_ALIAS, models, transaction
from django.db.models.functions import Cast
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from reversion.admin import VersionAdmin
from reversion.models import Version

from recoverysite.publishing import (
    NO_REVIEW,
    Publishable,
    Status,
    format_moment,
    keep_old_address,
)
from recoverysite.rich_text import readable_text


def versioned_models():
    """The models whose items have a history in the admin."""
    return [
        model
        for model in reversion.get_registered_models()
        if admin.site.is_registered(model)
        and isinstance(admin.site.get_model_admin(model), RevisionAdmin)
    ]


def keep_first_version(obj, using=DEFAULT_DB_ALIAS, comment=None):
    """Save ``obj`` as stored now as a version of its own, unless it has one."""
    if Version.objects.using(using).get_for_object(obj).exists():
        return False
    with reversion.create_revision(using=using):
        reversion.add_to_revision(obj)
        reversion.set_comment(comment or _("First version"))
    return True


def first_version_after_commit(sender, instance, created, raw=False, using=None, **kw):
    """
    post_save: an item made outside the admin gets its first version once it is
    committed, with the tags and presenters added after its first save.
    """
    if not created or raw or reversion.is_active():
        # The admin keeps its own version of what it saves.
        return
    if not reversion.is_registered(sender) or sender not in versioned_models():
        return
    transaction.on_commit(
        partial(keep_stored_first_version, sender, instance.pk, using), using=using
    )


def keep_stored_first_version(model, pk, using):
    obj = model._default_manager.using(using).filter(pk=pk).first()
    if obj is not None:
        keep_first_version(obj, using)


def items_without_versions(model, using=DEFAULT_DB_ALIAS):
    """The items of ``model`` that have no version yet: one query."""
    content_type = ContentType.objects.db_manager(using).get_for_model(model)
    versioned = Version.objects.using(using).filter(content_type=content_type, db=using)
    # Versions name their item by a text id, whatever the primary key's type.
    return (
        model._default_manager.using(using)
        .annotate(version_id=Cast("pk", models.CharField(max_length=191)))
        .exclude(version_id__in=versioned.values("object_id"))
        .order_by("pk")
    )


def word_diff(old, new):
    """HTML marking the words removed from ``old`` and added in ``new``."""
    old_words = re.findall(r"\n|[^\s]+", old)
    new_words = re.findall(r"\n|[^\s]+", new)
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    parts = []
    for operation, a1, a2, b1, b2 in matcher.get_opcodes():
        if operation in ("delete", "replace"):
            parts.append(("del", old_words[a1:a2]))
        if operation in ("insert", "replace"):
            parts.append(("ins", new_words[b1:b2]))
        if operation == "equal":
            parts.append(("", old_words[a1:a2]))
    html_parts = []
    for tag, words in parts:
        # Paragraph breaks stay breaks, inside or outside a change.
        chunks = " ".join(words).split("\n")
        rendered = []
        for chunk in chunks:
            chunk = chunk.strip()
            if not chunk:
                rendered.append("")
            elif tag:
                rendered.append(format_html("<{0}>{1}</{0}>", tag, chunk))
            else:
                rendered.append(format_html("{}", chunk))
        html_parts.append(mark_safe("<br>".join(rendered)))
    return mark_safe(" ".join(html_parts).replace("<br> ", "<br>"))


def field_changes(model, old_fields, new_fields, compared):
    """Fields other than the compared texts whose values differ, for a short list."""
    skipped = {*compared, "updated_at", "search_vector"}
    changes = []
    for name, old_value in old_fields.items():
        if name in skipped or name not in new_fields:
            continue
        new_value = new_fields[name]
        if old_value != new_value:
            try:
                field = model._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            changes.append(
                (
                    field.verbose_name,
                    display(field, old_value),
                    display(field, new_value),
                )
            )
    return changes


def display(field, value):
    """A stored value as editors know it: a choice's label, a local date."""
    if value in (None, ""):
        return "–"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, datetime.datetime):
        return format_moment(value)
    if isinstance(value, list):
        return ", ".join(str(item) for item in value) or "–"
    return str(value)


class RevisionAdmin(VersionAdmin):
    """History with compare and restore for the admin of a registered model."""

    # Text fields shown word by word when comparing two versions.
    compare_fields = ["title"]
    object_history_template = "admin/editorial/object_history.html"
    history_latest_first = True

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "POST":
            obj = self.get_object(request, unquote(object_id))
            if obj is not None and self.has_change_permission(request, obj):
                # Before the first save of an item that has no version: the
                # original stays comparable and restorable.
                keep_first_version(obj, comment=_("As it was before its first edit"))
        return super().change_view(request, object_id, form_url, extra_context)

    def get_urls(self):
        opts = self.model._meta
        return [
            path(
                "<path:object_id>/history/compare/",
                self.admin_site.admin_view(self.compare_view),
                name=f"{opts.app_label}_{opts.model_name}_compare",
            ),
            *super().get_urls(),
        ]

    def compare_view(self, request, object_id):
        """Two versions of one item side by side: words removed and added."""
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404(_("This item no longer exists."))
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        versions = Version.objects.get_for_object(obj).select_related("revision__user")
        try:
            chosen = [int(request.GET[key]) for key in ("from", "to")]
        except (KeyError, ValueError):
            chosen = [version.pk for version in versions[:2]][::-1]
        found = {version.pk: version for version in versions.filter(pk__in=chosen)}
        if len(chosen) != 2 or any(pk not in found for pk in chosen):
            self.message_user(
                request,
                _("Choose two versions of this item to compare."),
                level="warning",
            )
            return self.history_view(request, object_id)
        older, newer = sorted(
            (found[pk] for pk in chosen), key=lambda v: v.revision.date_created
        )
        old_fields, new_fields = older.field_dict, newer.field_dict
        differences = []
        for name in self.compare_fields:
            old_text = readable_text(old_fields.get(name))
            new_text = readable_text(new_fields.get(name))
            differences.append(
                {
                    "label": self.model._meta.get_field(name).verbose_name,
                    "changed": old_text != new_text,
                    "diff": word_diff(old_text, new_text),
                }
            )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "object": obj,
            "title": _("Compare versions of “%(item)s”") % {"item": obj},
            "older": older,
            "newer": newer,
            "differences": differences,
            "other_changes": field_changes(
                self.model, old_fields, new_fields, self.compare_fields
            ),
            "restore_url": self.revision_url(obj, older),
            "has_change_permission": self.has_change_permission(request, obj),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/editorial/compare.html", context)

    def revision_url(self, obj, version):
        opts = self.model._meta
        return reverse(
            f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_revision",
            args=[obj.pk, version.pk],
        )

    def history_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        context = {"compare_url_name": self.compare_url_name()}
        if obj is not None:
            versions = Version.objects.get_for_object(obj).select_related(
                "revision__user"
            )
            context["action_list"] = [
                {
                    "revision": version.revision,
                    "version_id": version.pk,
                    "url": self.revision_url(obj, version),
                }
                for version in versions
            ]
            context["can_restore"] = self.has_change_permission(request, obj)
        return super().history_view(
            request, object_id, {**context, **(extra_context or {})}
        )

    def compare_url_name(self):
        opts = self.model._meta
        return f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_compare"

    def revision_view(self, request, object_id, version_id, extra_context=None):
        """Restore a version, keeping the address visitors knew working."""
        known_url, review = None, None
        if request.method == "POST" and issubclass(self.model, Publishable):
            current = self.get_object(request, unquote(object_id))
            if current is not None:
                known_url = current.published_url_in_database()
                review = {name: getattr(current, name) for name in NO_REVIEW}
        response = super().revision_view(request, object_id, version_id, extra_context)
        if response.status_code != 302:
            return response
        restored = self.model._default_manager.filter(pk=unquote(object_id))
        if review:
            # Versions leave the review out: a draft restored while it waits,
            # or with an editor's note, keeps both.
            restored.filter(status=Status.DRAFT).update(**review)
        if known_url:
            restored = restored.get()
            # The restore writes the old row back before saving it, so the
            # model's own save() cannot see the address it replaces.
            if restored.get_absolute_url() != known_url:
                keep_old_address(known_url, restored.get_absolute_url())
        return response
