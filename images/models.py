"""The image library: every picture on the site, uploaded once and reused."""

import logging
import posixpath
import unicodedata

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorField

from images import renditions
from images.uploads import clean_image

logger = logging.getLogger(__name__)

ALT_TEXT_HELP = _(
    "Required. Say what the picture shows, as you would to someone on the phone: "
    "“Two people talking on a park bench”, not “image” or the file name. One "
    "sentence is usually enough; skip “picture of”. Screen readers read it aloud, "
    "and it is shown when the picture cannot load."
)


def display_name(uploaded_name):
    """The uploaded file's own name, made harmless for showing in the admin."""
    name = posixpath.basename(str(uploaded_name or "").replace("\\", "/"))
    name = "".join(
        character
        for character in unicodedata.normalize("NFC", name)
        if unicodedata.category(character)[0] != "C"
    )
    return name.strip(" .")[:200]


class Image(models.Model):
    file = models.FileField(_("file"), max_length=255, editable=False)
    alt = models.CharField(
        _("description (alt text)"), max_length=250, help_text=ALT_TEXT_HELP
    )
    caption = models.CharField(
        _("caption"),
        max_length=300,
        blank=True,
        help_text=_("Optional. Shown under the picture when it is placed in text."),
    )
    credit = models.CharField(
        _("credit"),
        max_length=200,
        blank=True,
        help_text=_(
            "Who made the picture or where it comes from, e.g. “Photo: Sam Lee” "
            "or “Unsplash”. Keep it as the licence asks."
        ),
    )
    original_name = models.CharField(
        _("uploaded as"), max_length=200, blank=True, editable=False
    )
    width = models.PositiveIntegerField(_("width"), editable=False, default=0)
    height = models.PositiveIntegerField(_("height"), editable=False, default=0)
    renditions = models.JSONField(default=dict, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        ordering = ["-uploaded_at", "-pk"]
        verbose_name = _("image")
        verbose_name_plural = _("images")

    def __str__(self):
        return self.alt or self.original_name or self.file.name

    def clean(self):
        if not self.alt.strip():
            raise ValidationError(
                {"alt": _("Describe the picture for people who cannot see it.")}
            )

    def store(self, upload, cleaned=None):
        """
        Re-encode ``upload`` (refusing it with a ValidationError when it is not a
        usable picture), store it under a new name and make its renditions.
        Raises OSError when the storage cannot take the files; nothing stays
        stored then. ``cleaned`` is the upload already passed through
        clean_image().
        """
        cleaned = cleaned or clean_image(upload)
        storage = self.file.storage
        content = cleaned.as_file()
        name = storage.save(content.name, content)
        try:
            records = renditions.make_records(name, storage, renditions.SPECS)
        except OSError:
            self.delete_files(name, {})
            raise
        except ValueError as error:
            # Re-encoded but still not resizable: refuse it like a damaged file.
            self.delete_files(name, {})
            raise ValidationError(
                _("The picture could not be resized. Save it again as JPEG or PNG.")
            ) from error
        self.file.name = name
        self.width, self.height = cleaned.width, cleaned.height
        self.original_name = display_name(getattr(upload, "name", ""))
        self.renditions = records

    def delete_files(self, name=None, records=None):
        """Remove the stored file and its renditions (after the row is gone)."""
        storage = self.file.storage
        renditions.remove_files(
            self.renditions if records is None else records, storage
        )
        name = name or self.file.name
        if name:
            try:
                storage.delete(name)
            except OSError:
                logger.warning("Cannot delete the image file %s", name)

    @property
    def url(self):
        return self.file.url

    def rendition(self, spec_name):
        """
        The RenditionSet of ``spec_name``, made and recorded on first use when
        the record lacks it; None when the file cannot be read.
        """
        storage = self.file.storage
        found = renditions.rendition_set(
            self.renditions.get(spec_name), spec_name, storage
        )
        if found is not None or not self.file:
            return found
        try:
            records = renditions.make_records(
                self.file.name, storage, [spec_name], self.renditions
            )
        except Exception:
            # Object storage clients raise their own errors (an unreachable S3
            # endpoint is not an OSError): the page shows without this picture
            # rather than failing, and the next view tries again.
            logger.warning(
                "Cannot make the %s rendition of %s",
                spec_name,
                self.file,
                exc_info=True,
            )
            return None
        self.renditions = records
        if self.pk:
            Image.objects.filter(pk=self.pk).update(renditions=records)
        return renditions.rendition_set(records[spec_name], spec_name, storage)

    def page_cache_tags(self):
        # Its description or credit can show on any page, and every page
        # depends on "site".
        return ["site"]

    def usages(self):
        """
        Every row showing this image, each with how it uses it: (object, the
        name of the field that links it, e.g. "featured image", or "in the
        text"). Found through every model's links to the library and its rich
        text, whichever app the model belongs to.
        """
        src = f'src="{settings.MEDIA_URL}{self.file.name}"' if self.file else None
        found = []
        for model in apps.get_models():
            links = [
                field
                for field in model._meta.concrete_fields
                if field.many_to_one and field.related_model is Image
            ]
            texts = [
                field
                for field in model._meta.concrete_fields
                if isinstance(field, ProseEditorField)
            ]
            if not (links or texts):
                continue
            query = Q(pk__in=[])
            for field in links:
                query |= Q(**{field.name: self})
            for field in texts if src else []:
                query |= Q(**{f"{field.name}__contains": src})
            for obj in model._default_manager.filter(query).order_by("pk"):
                link = next(
                    (
                        field
                        for field in links
                        if getattr(obj, field.attname) == self.pk
                    ),
                    None,
                )
                found.append((obj, link.verbose_name if link else _("in the text")))
        return found
