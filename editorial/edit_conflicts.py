"""
Two editors on one item: the second save is refused instead of silently wiping
out the first.

The change form carries the item's "last updated" moment from when it was opened.
On save it is compared with the stored one (the row is locked for the comparison
on databases that can); if someone saved in between, the form comes back with the
editor's text kept, a message saying who saved and when, and a box to tick to
save over their version anyway.
"""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import dateformat, timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _
from reversion.models import Version

SEEN_FIELD = "edit_started_from"
OVERWRITE_FIELD = "save_over_other_changes"


class EditConflictForm(forms.ModelForm):
    """Refuses a save if the item changed since this form was opened."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        seen = self.instance.updated_at.isoformat() if self.instance.pk else ""
        self.fields[SEEN_FIELD] = forms.CharField(
            required=False, widget=forms.HiddenInput, initial=seen
        )
        self.fields[OVERWRITE_FIELD] = forms.BooleanField(
            required=False, widget=forms.HiddenInput
        )

    def clean(self):
        cleaned_data = super().clean()
        if not self.instance.pk or cleaned_data.get(OVERWRITE_FIELD):
            return cleaned_data
        seen = parse_datetime(cleaned_data.get(SEEN_FIELD) or "")
        stored = self.stored_updated_at()
        if seen is None or stored is None or stored == seen:
            return cleaned_data
        # Ticking the box and saving again saves over the other version.
        field = self.fields[OVERWRITE_FIELD]
        field.widget = forms.CheckboxInput()
        field.label = _("Save my version anyway, replacing theirs")
        field.help_text = _(
            "Only if you have looked at their changes (History, in a new tab) "
            "and yours should win."
        )
        raise ValidationError(self.conflict_message(stored), code="edit_conflict")

    def stored_updated_at(self):
        rows = type(self.instance)._default_manager.filter(pk=self.instance.pk)
        if transaction.get_connection().in_atomic_block:
            rows = rows.select_for_update()
        return rows.values_list("updated_at", flat=True).first()

    def conflict_message(self, stored):
        latest = (
            Version.objects.get_for_object(self.instance)
            .select_related("revision__user")
            .first()
        )
        who = latest.revision.user if latest and latest.revision.user else None
        local = timezone.localtime(stored)
        params = {
            "who": who or _("Someone else"),
            "item": self.instance._meta.verbose_name,
            "time": dateformat.format(local, "G:i"),
            "date": dateformat.format(local, "D j M"),
        }
        return (
            _(
                "%(who)s saved this %(item)s at %(time)s (%(date)s) while you were "
                "editing, so your changes have not been saved yet. Your text is still "
                "in the form below. Open History in a new tab to see what they "
                "changed, copy anything of theirs you want to keep, then tick “Save my "
                "version anyway” at the bottom of the form and save."
            )
            % params
        )


class EditConflictAdmin(admin.ModelAdmin):
    """Adds the conflict check to a model admin's change form."""

    form = EditConflictForm

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or not self.has_change_permission(request, obj):
            return fieldsets
        *others, (name, options) = fieldsets
        fields = [*options["fields"], SEEN_FIELD, OVERWRITE_FIELD]
        return [*others, (name, {**options, "fields": fields})]

    def get_form(self, request, obj=None, change=False, **kwargs):
        # The two fields are the form's own, not the model's.
        fields = kwargs.get("fields")
        if fields is None:
            fields = admin.utils.flatten_fieldsets(self.get_fieldsets(request, obj))
        kwargs["fields"] = [f for f in fields if f not in (SEEN_FIELD, OVERWRITE_FIELD)]
        return super().get_form(request, obj, change, **kwargs)
