"""
Every file that editors upload passes through here before it is stored.

Formats are recognised by their content, never by the name the file came with.
Images are checked from their header first (size, format, pixel count), so a
decompression bomb is refused before a single pixel is decoded, then re-encoded:
turned upright, converted to sRGB and stripped of all metadata (camera, GPS
position, XMP, comments). Handouts must be PDFs and captions WebVTT text. Every
stored file gets a new random name with the extension of its real format.
"""

import io
import uuid
import warnings
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models
from django.db.models.fields.files import FieldFile
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

# Pillow's format name → (extension, content type).
IMAGE_FORMATS = {
    "JPEG": ("jpg", "image/jpeg"),
    "PNG": ("png", "image/png"),
    "WEBP": ("webp", "image/webp"),
    "GIF": ("gif", "image/gif"),
}
ACCEPTED_IMAGES = "JPEG, PNG, WebP or GIF"
# Anything in a PDF that can run or open something by itself.
PDF_ACTIVE_CONTENT = (b"/JavaScript", b"/JS", b"/Launch", b"/EmbeddedFile")
CHUNK = 64 * 1024
STORAGE_FAILED = gettext_lazy(
    "The file could not be stored: the media storage is full or cannot be "
    "written to. Nothing was saved. Try again later, and tell the person who "
    "runs the site if it keeps happening."
)


def generated_name(folder, extension):
    """A fresh random name: nothing of the uploaded name reaches the storage."""
    date = timezone.now()
    return f"{folder}/{date:%Y/%m}/{uuid.uuid4().hex}.{extension}"


def size_of(file):
    size = getattr(file, "size", None)
    if size is None:
        file.seek(0, io.SEEK_END)
        size = file.tell()
    return size


def check_size(file, limit, what):
    size = size_of(file)
    if size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    if size > limit:
        raise ValidationError(
            _("The %(what)s is %(size)s; the largest accepted is %(limit)s.")
            % {
                "what": what,
                "size": filesizeformat(size),
                "limit": filesizeformat(limit),
            },
            code="too_large",
        )


# ---------------------------------------------------------------------------
# Images
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class CleanImage:
    """An image ready to store: its new bytes and what they are."""

    content: bytes
    format: str
    width: int
    height: int

    @property
    def extension(self):
        return IMAGE_FORMATS[self.format][0]

    def as_file(self, folder="images"):
        return ContentFile(self.content, name=generated_name(folder, self.extension))


def open_image(file):
    """
    The image opened from its header only, once its size, format and pixel count
    are within the limits; a ValidationError with a plain message otherwise.
    """
    check_size(file, settings.UPLOAD_MAX_IMAGE_BYTES, _("image"))
    file.seek(0)
    max_pixels = settings.UPLOAD_MAX_IMAGE_PIXELS
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            # Image.open reads the header only; nothing is decoded yet.
            image = Image.open(file, formats=list(IMAGE_FORMATS))
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise too_many_pixels(max_pixels) from error
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as error:
        raise ValidationError(
            _(
                "This file is not a picture the site can use. Upload a %(formats)s "
                "image (whatever its name ends with, the content decides)."
            )
            % {"formats": ACCEPTED_IMAGES},
            code="not_an_image",
        ) from error
    width, height = image.size
    if width < 1 or height < 1 or width * height > max_pixels:
        image.close()
        raise too_many_pixels(max_pixels, width, height)
    return image


def too_many_pixels(max_pixels, width=None, height=None):
    size = f" ({width} × {height})" if width else ""
    return ValidationError(
        _(
            "The picture is too large%(size)s: at most %(megapixels)s megapixels are "
            "accepted. Make it smaller (e.g. 3000 pixels wide) and upload it again."
        )
        % {"size": size, "megapixels": f"{max_pixels / 1_000_000:g}"},
        code="too_many_pixels",
    )


def clean_image(file):
    """
    A re-encoded copy of an uploaded image: upright, sRGB, with no metadata.

    Animated GIFs keep their first frame only: pages stay still and calm, and
    flashing animations never reach a visitor.
    """
    with open_image(file) as image:
        image_format = image.format
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error", Image.DecompressionBombWarning)
                image.seek(0)
                image.load()
                picture = ImageOps.exif_transpose(image)
                picture = to_srgb(picture)
                content = encode(picture, image_format)
        except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as e:
            raise ValidationError(
                _(
                    "The picture could not be read to the end: the file is damaged "
                    "or was not uploaded completely. Save it again from your photo "
                    "program and upload the copy."
                ),
                code="damaged",
            ) from e
    return CleanImage(content, image_format, *picture.size)


def to_srgb(image):
    """The image in sRGB (the web's colour space), without its ICC profile."""
    profile = image.info.get("icc_profile")
    if image.mode == "CMYK" or (profile and image.mode in {"RGB", "RGBA"}):
        try:
            if profile:
                source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
                output_mode = "RGBA" if image.mode == "RGBA" else "RGB"
                image = ImageCms.profileToProfile(
                    image,
                    source,
                    ImageCms.createProfile("sRGB"),
                    outputMode=output_mode,
                )
            else:
                image = image.convert("RGB")
        except (ImageCms.PyCMSError, OSError, ValueError):
            image = image.convert("RGB")
    return image


def without_metadata(image, image_format):
    """A copy holding pixels only: EXIF, XMP, comments and profiles are dropped."""
    keep = {}
    if "transparency" in image.info and image.mode in {"P", "L", "RGB"}:
        keep["transparency"] = image.info["transparency"]
    if image_format == "JPEG" and image.mode not in {"L", "RGB"}:
        image = image.convert("RGB")
    elif image_format == "WEBP" and image.mode not in {"RGB", "RGBA"}:
        image = image.convert("RGBA" if image.has_transparency_data else "RGB")
    elif image_format == "PNG" and image.mode not in {
        "1",
        "L",
        "LA",
        "P",
        "RGB",
        "RGBA",
    }:
        image = image.convert("RGBA")
    elif image_format == "GIF" and image.mode not in {"L", "P"}:
        image = image.convert("P", palette=Image.Palette.ADAPTIVE)
    clean = image.copy()
    clean.info = keep
    return clean


def encode(image, image_format):
    image = without_metadata(image, image_format)
    output = io.BytesIO()
    options = {
        "JPEG": {"quality": 90, "optimize": True, "progressive": True},
        "PNG": {"optimize": True},
        "WEBP": {"quality": 90, "method": 4},
        "GIF": {"optimize": True},
    }[image_format]
    # Explicit empty metadata: Pillow would otherwise copy some from image.info.
    if image_format in {"JPEG", "WEBP", "PNG"}:
        options["exif"] = b""
    image.save(output, image_format, **options)
    return output.getvalue()


# ---------------------------------------------------------------------------
# Handouts (PDF) and captions (WebVTT)
# ---------------------------------------------------------------------------


def uncommitted(value):
    """The uploaded file to check, or None when it is already stored."""
    if isinstance(value, FieldFile):
        if not value or value._committed:
            return None
        return value.file
    return value or None


def validate_pdf(value):
    """Model-field validator: a PDF with nothing in it that runs by itself."""
    file = uncommitted(value)
    if file is None:
        return
    check_size(file, settings.UPLOAD_MAX_DOCUMENT_BYTES, _("handout"))
    file.seek(0)
    if file.read(5) != b"%PDF-":
        raise ValidationError(
            _(
                "This file is not a PDF. Save or export the handout as PDF (every "
                "word processor and slide program can) and upload that."
            ),
            code="not_pdf",
        )
    file.seek(0)
    tail = b""
    while chunk := file.read(CHUNK):
        window = tail + chunk
        if any(marker in window for marker in PDF_ACTIVE_CONTENT):
            raise ValidationError(
                _(
                    "This PDF contains scripts, attachments or launch actions, which "
                    "the site does not offer to visitors. Export a plain PDF (“Save "
                    "as PDF” or “Print to PDF”) and upload that."
                ),
                code="active_pdf",
            )
        tail = chunk[-16:]
    file.seek(0)


def validate_webvtt(value):
    """Model-field validator: UTF-8 text that starts with the WEBVTT header."""
    file = uncommitted(value)
    if file is None:
        return
    check_size(file, settings.UPLOAD_MAX_CAPTIONS_BYTES, _("captions file"))
    file.seek(0)
    content = file.read()
    file.seek(0)
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValidationError(
            _(
                "The captions file is not UTF-8 text. Save it as UTF-8 (most caption "
                "editors offer it) and upload it again."
            ),
            code="not_utf8",
        ) from error
    first_line = text.split("\n", 1)[0].rstrip("\r")
    if not (first_line == "WEBVTT" or first_line.startswith(("WEBVTT ", "WEBVTT\t"))):
        raise ValidationError(
            _(
                "This is not a WebVTT captions file: its first line must be WEBVTT. "
                "Export the captions as WebVTT (.vtt) from your video or caption "
                "service."
            ),
            code="not_webvtt",
        )
    if "\x00" in text:
        raise ValidationError(_("The captions file contains binary data."))


def handout_name(instance, filename):
    return generated_name("events/handouts", "pdf")


def captions_name(instance, filename):
    return generated_name("events/captions", "vtt")


class StoreUploadsFirst:
    """
    ModelForm mixin: uploaded files are written to the storage while the form is
    validated, so a full or read-only storage becomes a form error (with the
    rest of the form kept) instead of a failed save with a row pointing to a
    file that was never written.
    """

    def _post_clean(self):
        super()._post_clean()
        if self.errors:
            return
        for field in self.instance._meta.concrete_fields:
            if not isinstance(field, models.FileField) or field.name not in self.fields:
                continue
            file = getattr(self.instance, field.attname)
            if not file or file._committed:
                continue
            try:
                file.save(file.name, file.file, save=False)
            except OSError:
                self.add_error(field.name, ValidationError(STORAGE_FAILED, "storage"))
