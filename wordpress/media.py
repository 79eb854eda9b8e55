"""
Uploaded files: found in a copy of ``wp-content/uploads`` and copied into our
storage under ``wordpress/``, keeping WordPress's ``year/month/name`` paths.

The names are fixed by the export, so a second import (or one after a failed
attempt) finds the files already there instead of copying them again.
"""

import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.storage import default_storage
from PIL import Image, UnidentifiedImageError

from images.models import Image as LibraryImage

STORAGE_FOLDER = "wordpress"
IMAGE_EXTENSIONS = {"jpg", "jpeg", "png", "gif", "webp"}
# Files served from /media/ must never run in the visitor's browser: no HTML,
# SVG or scripts, whatever the WordPress site allowed.
SAFE_EXTENSIONS = IMAGE_EXTENSIONS | set(
    "pdf doc docx odt rtf txt csv ppt pptx odp xls xlsx ods "
    "mp3 m4a ogg oga wav flac mp4 m4v webm ogv mov".split()
)
RESIZED = re.compile(r"-\d+x\d+(?=\.[A-Za-z0-9]+$)")


class MediaLibrary:
    def __init__(self, index, media_dir=None, dry_run=False):
        self.index = index
        self.media_dir = Path(media_dir).resolve() if media_dir else None
        self.dry_run = dry_run
        self.hosts = set()
        channel = index.channel
        for url in [channel.link, channel.base_site_url, channel.base_blog_url]:
            if host := urlsplit(url).hostname:
                self.hosts.add(host.lower())
        for attachment in index.attachments.values():
            if host := urlsplit(attachment.url).hostname:
                self.hosts.add(host.lower())
        self.imported = {}  # relative path → our URL
        self.missing = {}  # relative path → why
        # Every miss in order, so that each item can tell which files it lacked.
        self.missed = []
        # Paths, not a tally: one file may be reached as a link and as a picture.
        self.copied = set()

    def record_missing(self, path, reason):
        self.missing[path] = reason
        self.missed.append(path)

    def attachment(self, attachment_id):
        return self.index.attachments.get(attachment_id)

    def gallery_for(self, post_id):
        return self.index.gallery.get(post_id, [])

    def relative_path(self, url):
        """The path of an uploaded file under wp-content/uploads, or None."""
        try:
            parts = urlsplit(url.strip())
        except ValueError:
            return None
        if parts.scheme not in {"http", "https", ""}:
            return None
        host = (parts.hostname or "").lower()
        if host and host not in self.hosts:
            return None
        path = unquote(parts.path)
        if "/wp-content/uploads/" in path:
            path = path.split("/wp-content/uploads/", 1)[1]
        elif host.endswith(".files.wordpress.com"):
            path = path.lstrip("/")
        elif "/files/" in path and host:
            # Old multisite addresses: /files/2012/05/name.jpg
            path = path.split("/files/", 1)[1]
        else:
            return None
        path = posixpath.normpath(path)
        if path.startswith(("..", "/")) or path in {"", "."}:
            return None
        return path

    def is_upload(self, url):
        return self.relative_path(url) is not None

    def url_for(self, url, image=False):
        """Our address for an uploaded file, copying it in; None when missing."""
        path = self.relative_path(url)
        if path is None:
            return None
        if image and (original := RESIZED.sub("", path)) != path:
            # Link to the full picture rather than WordPress's small copy.
            if self.find(original):
                path = original
        imported = self.import_file(path)
        return imported[1] if imported else None

    def find(self, path):
        """The file for ``path`` in --media-dir, if it is there and safe to copy."""
        if self.media_dir is None:
            return None
        candidate = (self.media_dir / path).resolve()
        if not candidate.is_relative_to(self.media_dir) or not candidate.is_file():
            return None
        return candidate

    def import_file(self, path):
        """Copy one file into our storage; returns its storage name and URL."""
        if path in self.imported:
            return self.imported[path]
        extension = path.rsplit(".", 1)[-1].lower() if "." in path else ""
        source = self.find(path)
        if extension not in SAFE_EXTENSIONS:
            self.record_missing(path, "file type not imported")
            return None
        if source is None:
            self.record_missing(
                path,
                ("not in --media-dir" if self.media_dir else "no --media-dir given"),
            )
            return None
        name = f"{STORAGE_FOLDER}/{path}"
        if not default_storage.exists(name):
            if not self.dry_run:
                with source.open("rb") as file:
                    name = default_storage.save(name, File(file))
            self.copied.add(path)
        self.imported[path] = (name, default_storage.url(name))
        return self.imported[path]

    def library_image_for(self, url, alt):
        """The library image for an uploaded file's address (its full size)."""
        path = self.relative_path(url)
        if path is None:
            return None
        if (original := RESIZED.sub("", path)) != path and self.find(original):
            path = original
        return self.library_image(path, alt)

    def library_image(self, path, alt):
        """
        The image library's copy of an uploaded picture (re-encoded, without
        metadata), made on first use; None (with the reason recorded) when the
        file is missing or not a usable picture, and always in a dry run.
        """
        extension = path.rsplit(".", 1)[-1].lower() if "." in path else ""
        source = self.find(path)
        if extension not in IMAGE_EXTENSIONS or source is None:
            self.import_file(path)  # records why it is missing
            return None
        origin = f"{STORAGE_FOLDER}/{path}"
        if self.dry_run:
            self.import_file(path)  # counts it, writes nothing
            return None
        found = LibraryImage.objects.filter(original_name=origin).first()
        if found is not None:
            self.imported.setdefault(path, (found.file.name, found.url))
            return found
        image = LibraryImage(alt=alt[:250])
        try:
            with source.open("rb") as file:
                image.store(File(file, name=posixpath.basename(path)))
        except ValidationError as error:
            self.record_missing(path, " ".join(error.messages))
            return None
        except OSError as error:
            self.record_missing(
                path, f"could not be stored ({error.strerror or error})"
            )
            return None
        image.original_name = origin
        image.save()
        self.copied.add(path)
        self.imported[path] = (image.file.name, image.url)
        return image

    def featured_image(self, attachment_id):
        """
        The library image and description of a post's featured image, or None
        (with the reason recorded) when it cannot be used.
        """
        attachment = self.attachment(attachment_id)
        if attachment is None:
            return None
        path = posixpath.normpath(
            attachment.file or self.relative_path(attachment.url) or "."
        )
        if path.startswith(("..", "/")) or path == ".":
            self.record_missing(
                attachment.file or attachment.url, "not a file in uploads"
            )
            return None
        source = self.find(path)
        if source and not (
            path.rsplit(".", 1)[-1].lower() in IMAGE_EXTENSIONS and is_image(source)
        ):
            self.record_missing(path, "not a readable image")
            return None
        if source is None or path.rsplit(".", 1)[-1].lower() not in IMAGE_EXTENSIONS:
            self.import_file(path)  # records why it cannot be used
            return None
        alt = attachment.alt or attachment.title or posixpath.basename(path)
        image = self.library_image(path, alt)
        if image is None and not self.dry_run:
            return None
        return image, alt

    def fingerprint(self, item):
        """Which of the item's files are available: a change means new media."""
        urls = set(re.findall(r"""(?:src|href)=["']([^"']+)["']""", item.content))
        urls.update(re.findall(r"""https?://[^\s<>"'\]]+""", item.content))
        paths = sorted(
            path
            for url in urls
            if (path := self.relative_path(url)) and self.find(path)
        )
        if attachment := self.attachment(item.meta_number("_thumbnail_id")):
            paths.append(f"thumbnail:{bool(self.find(attachment.file or '-'))}")
        return paths


def is_image(path):
    try:
        with Image.open(path) as image:
            image.verify()
    except (OSError, UnidentifiedImageError, Image.DecompressionBombError):
        return False
    return True
