"""
Resized copies of uploaded images at the sizes the templates need.

A rendition is made the first time it is asked for and reused after that; its
width and height come from the dimensions stored with the original, so pages
never open image files to write their ``<img>`` tags.
"""

import logging
from dataclasses import dataclass
from io import BytesIO

from django.core.files.base import ContentFile
from PIL import Image, ImageOps

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Spec:
    width: int
    height: int | None = None  # None keeps the original's proportions

    def size_for(self, width, height):
        if self.height is None:
            if width <= self.width:
                return width, height
            return self.width, round(height * self.width / width)
        return self.width, self.height


SPECS = {
    "card": Spec(800, 450),
    "detail": Spec(1200),
    "social": Spec(1200, 630),
    "thumbnail": Spec(160, 160),
}


@dataclass(frozen=True)
class Rendition:
    url: str
    width: int
    height: int
    name: str = ""
    storage: object = None

    def size(self):
        """The file's size in bytes (one look at the storage)."""
        return self.storage.size(self.name)


def rendition_name(original_name, spec_name):
    # The whole original name, so "photo.png" and "photo.jpg" stay apart.
    return f"renditions/{spec_name}/{original_name}.jpg"


def get_rendition(field_file, spec_name):
    """The rendition of an ImageField's file, made on first use; None if unusable."""
    if not field_file:
        return None
    spec = SPECS[spec_name]
    field = field_file.field
    original_size = (
        getattr(field_file.instance, field.width_field or "", None),
        getattr(field_file.instance, field.height_field or "", None),
    )
    if not all(original_size):
        return None
    width, height = spec.size_for(*original_size)
    name = rendition_name(field_file.name, spec_name)
    storage = field_file.storage
    if not storage.exists(name):
        try:
            with storage.open(field_file.name) as original:
                content = resize(original, width, height)
        except (OSError, Image.DecompressionBombError, ValueError):
            logger.warning(
                "Cannot make the %s rendition of %s", spec_name, field_file.name
            )
            return None
        name = storage.save(name, ContentFile(content))
    return Rendition(storage.url(name), width, height, name, storage)


def resize(original, width, height):
    with Image.open(original) as image:
        image = ImageOps.exif_transpose(image).convert("RGB")
        image = ImageOps.fit(image, (width, height), method=Image.Resampling.LANCZOS)
        output = BytesIO()
        image.save(output, "JPEG", quality=82, optimize=True, progressive=True)
    return output.getvalue()
