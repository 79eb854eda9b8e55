"""
The image library in the admin: uploading, finding and reusing pictures, the
picker that the rich-text editor opens, and the featured-image fields of the
things that show pictures.
"""

from django import forms
from django.conf import settings
from django.contrib import admin
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.defaultfilters import filesizeformat
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from images.models import Image
from images.uploads import ACCEPTED_IMAGES, STORAGE_FAILED, clean_image


def upload_help():
    return _(
        "A %(formats)s picture of at most %(bytes)s and %(megapixels)s megapixels. "
        "It is turned upright and stored without its hidden details (camera, date, "
        "GPS position)."
    ) % {
        "formats": ACCEPTED_IMAGES,
        "bytes": filesizeformat(settings.UPLOAD_MAX_IMAGE_BYTES),
        "megapixels": f"{settings.UPLOAD_MAX_IMAGE_PIXELS / 1_000_000:g}",
    }


class ImageForm(forms.ModelForm):
    """An image's details, with the file on upload; the file is stored last."""

    upload = forms.FileField(
        label=_("Picture"),
        widget=forms.ClearableFileInput(attrs={"accept": "image/*"}),
    )

    class Meta:
        model = Image
        fields = ["upload", "alt", "caption", "credit"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["upload"].help_text = upload_help()
        self.cleaned_image = None
        if self.instance.pk:
            # A stored picture keeps its file: pages link to it. Upload another
            # image to use a different picture.
            del self.fields["upload"]

    def clean_upload(self):
        upload = self.cleaned_data["upload"]
        self.cleaned_image = clean_image(upload)
        return upload

    def clean(self):
        cleaned_data = super().clean()
        upload = cleaned_data.get("upload")
        # Store only once everything else is right: a form with errors leaves
        # no file behind.
        if upload and self.cleaned_image and not self.errors:
            try:
                self.instance.store(upload, self.cleaned_image)
            except OSError:
                self.add_error("upload", ValidationError(STORAGE_FAILED, "storage"))
            except ValidationError as error:
                self.add_error("upload", error)
        return cleaned_data


def thumbnail_html(image, size=64):
    if image is None:
        return ""
    found = image.rendition("thumbnail")
    if found is None:
        return gettext("(the picture cannot be read)")
    return format_html(
        '<img src="{}" width="{}" height="{}" alt="" class="library-thumbnail">',
        found.fallback[0].url,
        size,
        size,
    )


@admin.register(Image)
class ImageAdmin(admin.ModelAdmin):
    form = ImageForm
    list_display = ["thumbnail", "alt", "caption", "credit", "size", "uploaded_at"]
    list_display_links = ["alt"]
    search_fields = ["alt", "caption", "credit", "original_name"]
    list_per_page = 40
    readonly_fields = ["preview", "details", "used_in"]
    fieldsets = [
        (None, {"fields": ["preview", "alt", "caption", "credit"]}),
        (_("Where it is used"), {"fields": ["used_in"]}),
        (_("File"), {"fields": ["details"]}),
    ]

    class Media:
        css = {
            "all": [
                "recoverysite/admin/accessibility.css",
                "images/admin/image-library.css",
            ]
        }
        js = ["recoverysite/admin/accessibility.js"]

    def get_fieldsets(self, request, obj=None):
        if obj is None:
            return [(None, {"fields": ["upload", "alt", "caption", "credit"]})]
        return self.fieldsets

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "picker/",
                self.admin_site.admin_view(self.picker_view),
                name="{}_{}_picker".format(*info),
            ),
            path(
                "<int:pk>/thumbnail/",
                self.admin_site.admin_view(self.thumbnail_view),
                name="{}_{}_thumbnail".format(*info),
            ),
            *super().get_urls(),
        ]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        transaction.on_commit(obj.delete_files)

    def delete_queryset(self, request, queryset):
        images = list(queryset)
        super().delete_queryset(request, queryset)
        for image in images:
            transaction.on_commit(image.delete_files)

    def get_deleted_objects(self, objs, request):
        """Pictures shown in a text are protected like featured images."""
        deleted, model_count, perms_needed, protected = super().get_deleted_objects(
            objs, request
        )
        protected = list(protected)
        for image in objs:
            for obj, how in image.usages():
                if how == gettext("in the text"):
                    protected.append(
                        format_html(
                            "{}: {} ({})",
                            obj._meta.verbose_name.capitalize(),
                            obj,
                            how,
                        )
                    )
        return deleted, model_count, perms_needed, protected

    @admin.display(description=_("picture"))
    def thumbnail(self, obj):
        return thumbnail_html(obj)

    @admin.display(description=_("size"), ordering="width")
    def size(self, obj):
        return f"{obj.width} × {obj.height}"

    @admin.display(description=_("picture"))
    def preview(self, obj):
        found = obj.rendition("detail") if obj.pk else None
        if found is None:
            return "–"
        small = found.fallback[0]
        return format_html(
            '<img src="{}" width="{}" height="{}" alt="" class="library-preview">',
            small.url,
            small.width,
            small.height,
        )

    @admin.display(description=_("file"))
    def details(self, obj):
        if not obj.pk:
            return "–"
        by = format_html(" by {}", obj.uploaded_by) if obj.uploaded_by_id else ""
        return format_html(
            '{} × {} pixels, <a href="{}">the stored file</a>, uploaded as “{}”{} '
            "on {}.",
            obj.width,
            obj.height,
            obj.url,
            obj.original_name or "–",
            by,
            obj.uploaded_at.strftime("%Y-%m-%d %H:%M"),
        )

    @admin.display(description=_("used in"))
    def used_in(self, obj):
        usages = obj.usages() if obj.pk else []
        if not usages:
            return gettext("Nothing uses this picture yet.")
        rows = []
        for item, how in usages:
            opts = item._meta
            url = reverse(
                f"admin:{opts.app_label}_{opts.model_name}_change", args=[item.pk]
            )
            rows.append((opts.verbose_name.capitalize(), url, item, how))
        return format_html(
            '<ul class="used-in">{}</ul>',
            format_html_join("", '<li>{}: <a href="{}">{}</a> ({})</li>', rows),
        )

    def thumbnail_view(self, request, pk):
        """The thumbnail's address, for previews that change with the choice."""
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        image = get_object_or_404(Image, pk=pk)
        found = image.rendition("thumbnail")
        if found is None:
            raise Http404
        return redirect(found.fallback[0].url)

    def picker_view(self, request):
        """
        The window the rich-text editor opens from “Browse…”: choose a picture
        from the library, or upload one; either is handed back to the editor
        with its description and caption.
        """
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        chosen = None
        form = ImageForm()
        if request.method == "POST":
            if not self.has_add_permission(request):
                raise PermissionDenied
            form = ImageForm(request.POST, request.FILES)
            if form.is_valid():
                form.instance.uploaded_by = request.user
                chosen = form.save()
        query = request.GET.get("q", "").strip()[:100]
        images = Image.objects.all()
        if query:
            images = images.filter(
                Q(alt__icontains=query)
                | Q(caption__icontains=query)
                | Q(credit__icontains=query)
                | Q(original_name__icontains=query)
            )
        page = Paginator(images, 24).get_page(request.GET.get("page"))
        context = {
            **self.admin_site.each_context(request),
            "title": _("Choose a picture"),
            "opts": self.opts,
            "page": page,
            "choices": [(image, thumbnail_html(image, 120)) for image in page],
            "query": query,
            "form": form,
            "chosen": chosen,
            "callback": request.GET.get("CKEditorFuncNum", ""),
            "can_add": self.has_add_permission(request),
            "is_popup": True,
        }
        return TemplateResponse(request, "admin/images/image/picker.html", context)


class ImageChoiceAdmin(admin.ModelAdmin):
    """
    For admins of things that show a library picture (``image_fields``): the
    choice by search with the “+” to upload a new one, and a thumbnail that
    follows the choice.
    """

    image_fields = ["featured_image"]

    class Media:
        css = {"all": ["images/admin/image-library.css"]}
        js = ["images/admin/image-preview.js"]

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "image_preview"]

    def get_autocomplete_fields(self, request):
        return [*super().get_autocomplete_fields(request), *self.image_fields]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related(*self.image_fields)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name in self.image_fields:
            preview_url = reverse("admin:images_image_thumbnail", args=[0])
            formfield.widget.attrs["data-image-preview"] = preview_url
            # Pictures are deleted from the library, where their uses are listed.
            formfield.widget.can_delete_related = False
        return formfield

    @admin.display(description=_("preview"))
    def image_preview(self, obj):
        image = getattr(obj, self.image_fields[0], None) if obj else None
        return format_html(
            '<span class="image-preview" data-for="id_{}">{}</span>',
            self.image_fields[0],
            thumbnail_html(image, 96) if image else "",
        )
