"""
Resized copies of library images at the sizes pages need, each in WebP and in
JPEG (or PNG for pictures with transparency).

They are made when an image is uploaded and recorded on the image's row
(``Image.renditions``), so a page builds its ``<picture>`` from the database row
alone: no look at the storage per request. An image whose record lacks a size
(one moved into the library by a migration, or a size added later) gets it on
first use, recorded once.
"""

import io
import logging
from dataclasses import dataclass

from django.core.files.base import ContentFile
from PIL import Image as PillowImage
from PIL import ImageOps

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Spec:
    width: int
    height: int | None = None  # None keeps the original's proportions
    widths: tuple = ()  # the sizes offered in srcset, largest last
    webp: bool = True
    sizes: str = "100vw"

    def size_for(self, width, height):
        """The largest rendition's size for an original of ``width × height``."""
        if self.height is None:
            if width <= self.width:
                return width, height
            return self.width, max(1, round(height * self.width / width))
        return self.width, self.height

    def sizes_for(self, width, height):
        """Every (width, height) in srcset; never wider than the original."""
        full_width, full_height = self.size_for(width, height)
        result = []
        for candidate in self.widths or (full_width,):
            if candidate >= full_width:
                break
            result.append(
                (candidate, max(1, round(full_height * candidate / full_width)))
            )
        result.append((full_width, full_height))
        return result

    @property
    def signature(self):
        """Changes when the spec does, so recorded renditions are made again."""
        return (
            f"{self.width}x{self.height}:{','.join(map(str, self.widths))}:{self.webp}"
        )


SPECS = {
    # Cards fill a grid column of at least 19rem, the whole width on phones.
    "card": Spec(800, 450, (400, 800), sizes="(min-width: 45rem) 24rem, 100vw"),
    # Detail and inline images fill the text column (42rem at most).
    "detail": Spec(1200, None, (600, 1200), sizes="(min-width: 45rem) 42rem, 100vw"),
    # Shared on social media: one JPEG, the size those sites ask for.
    "social": Spec(1200, 630, (), webp=False),
    # Presenter photos and admin previews: 104 px circles, sharp on 2x screens.
    "thumbnail": Spec(160, 160, (160, 320), sizes="6.5rem"),
}
CONTENT_TYPES = {"jpeg": "image/jpeg", "png": "image/png", "webp": "image/webp"}
EXTENSIONS = {"jpeg": "jpg", "png": "png", "webp": "webp"}


@dataclass(frozen=True)
class Rendition:
    """One file: its address, size in pixels and bytes, and content type."""

    url: str
    width: int
    height: int
    bytes: int
    content_type: str


@dataclass(frozen=True)
class RenditionSet:
    """A spec's files for one image, in the fallback format and in WebP."""

    spec: Spec
    fallback: list
    webp: list

    @property
    def largest(self):
        return self.fallback[-1]

    # The largest fallback's address and size, as the social tags need them.
    @property
    def url(self):
        return self.largest.url

    @property
    def width(self):
        return self.largest.width

    @property
    def height(self):
        return self.largest.height


def record_for(spec_name, picture, file_name, storage, saved):
    """
    Make one spec's files from a prepared picture; returns its record. Every
    stored name is added to ``saved``.
    """
    spec = SPECS[spec_name]
    fallback = "png" if picture.mode == "RGBA" else "jpeg"
    files = {fallback: []}
    if spec.webp:
        files["webp"] = []
    stem = f"renditions/{spec_name}/{file_name}"
    for size in spec.sizes_for(*picture.size):
        resized = ImageOps.fit(picture, size, method=PillowImage.Resampling.LANCZOS)
        for kind, entries in files.items():
            content = encode(resized, kind)
            name = storage.save(
                f"{stem}-{size[0]}.{EXTENSIONS[kind]}", ContentFile(content)
            )
            saved.append(name)
            entries.append([size[0], size[1], name, len(content)])
    return {"spec": spec.signature, "fallback": fallback, "files": files}


def prepared(original):
    """The original upright, in RGB (or RGBA when it has transparency)."""
    picture = ImageOps.exif_transpose(original)
    if picture.has_transparency_data:
        return picture.convert("RGBA")
    return picture.convert("RGB")


def encode(picture, kind):
    output = io.BytesIO()
    if kind == "jpeg":
        picture.save(output, "JPEG", quality=82, optimize=True, progressive=True)
    elif kind == "png":
        picture.save(output, "PNG", optimize=True)
    else:
        picture.save(output, "WEBP", quality=80, method=4)
    return output.getvalue()


def make_records(file_name, storage, spec_names, existing=None):
    """
    Records for ``spec_names`` made from the stored file ``file_name``, added to
    ``existing``. Raises OSError when the storage fails or the original cannot
    be read.
    """
    records = dict(existing or {})
    with storage.open(file_name) as file, PillowImage.open(file) as original:
        original.seek(0)
        picture = prepared(original)
    saved = []
    try:
        for spec_name in spec_names:
            records[spec_name] = record_for(
                spec_name, picture, file_name, storage, saved
            )
    except Exception:
        # A half-made set is no use: remove what was written, then report.
        for name in saved:
            try:
                storage.delete(name)
            except OSError:
                logger.warning("Cannot delete the rendition %s", name)
        raise
    return records


def rendition_set(record, spec_name, storage):
    """The RenditionSet described by a record, or None when it is out of date."""
    spec = SPECS[spec_name]
    if not record or record.get("spec") != spec.signature:
        return None
    fallback_kind = record["fallback"]

    def files(kind):
        return [
            Rendition(storage.url(name), width, height, size, CONTENT_TYPES[kind])
            for width, height, name, size in record["files"].get(kind, [])
        ]

    return RenditionSet(spec, files(fallback_kind), files("webp"))


def is_current(record, spec_name):
    return bool(record) and record.get("spec") == SPECS[spec_name].signature


def names_in(records):
    """Every stored file name the records mention."""
    for record in records.values():
        for entries in record.get("files", {}).values():
            for entry in entries:
                yield entry[2]


def remove_files(records, storage):
    for name in names_in(records):
        try:
            storage.delete(name)
        except OSError:
            logger.warning("Cannot delete the rendition %s", name)
