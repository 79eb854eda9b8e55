"""
Reading a WordPress export (WXR) one element at a time.

The file goes through defusedxml's ``iterparse``, which refuses the entity tricks
a hostile file could play, and every element is dropped as soon as it has been
read, so memory stays flat however large the export is. ``scan()`` reads the
whole file once, before anything is written, and keeps the small facts the import
needs up front (authors, attachments, page parents, venues, organizers);
``items()`` then reads the posts one by one.
"""

import datetime
import hashlib
import html
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse
from django.utils import timezone

NAMESPACE_PREFIXES = [
    (re.compile(r"https?://wordpress\.org/export/\d+\.\d+/excerpt/"), "excerpt"),
    (re.compile(r"https?://wordpress\.org/export/\d+\.\d+/"), "wp"),
    (re.compile(r"https?://purl\.org/rss/1\.0/modules/content/"), "content"),
    (re.compile(r"https?://purl\.org/dc/elements/1\.1/"), "dc"),
]
# Post meta that changes without the content changing (edit locks, oEmbed caches).
VOLATILE_META = re.compile(r"^_(edit_|oembed_|wp_old_|encloseme|pingme)")


class WXRError(Exception):
    """The file cannot be read as a WordPress export."""


class BadItem(Exception):
    """One item of the export cannot be read; the others can."""


@dataclass
class Channel:
    title: str = ""
    link: str = ""
    base_site_url: str = ""
    base_blog_url: str = ""
    wxr_version: str = ""

    @property
    def source(self):
        """The key that tells one exported site from another."""
        return (self.base_blog_url or self.link or self.base_site_url).rstrip("/")


@dataclass
class Author:
    login: str
    email: str = ""
    display_name: str = ""
    first_name: str = ""
    last_name: str = ""
    wp_id: str = ""


@dataclass
class Term:
    domain: str
    slug: str
    name: str


@dataclass
class Comment:
    wp_id: int
    parent_id: int
    author: str
    email: str
    url: str
    ip: str
    date: datetime.datetime | None
    content: str
    approved: str
    type: str
    user_id: str

    def fingerprint(self):
        return checksum(
            [
                self.parent_id,
                self.author,
                self.email,
                self.url,
                self.ip,
                self.date.isoformat() if self.date else "",
                self.content,
                self.approved,
                self.type,
            ]
        )


@dataclass
class Item:
    wp_id: int
    post_type: str
    status: str
    title: str = ""
    link: str = ""
    guid: str = ""
    content: str = ""
    excerpt: str = ""
    creator: str = ""
    slug: str = ""
    published: datetime.datetime | None = None
    modified: datetime.datetime | None = None
    comment_status: str = ""
    parent_id: int = 0
    menu_order: int = 0
    sticky: bool = False
    password: str = ""
    attachment_url: str = ""
    terms: list = field(default_factory=list)
    meta: dict = field(default_factory=dict)
    comments: list = field(default_factory=list)
    bad_comments: list = field(default_factory=list)

    def __str__(self):
        title = html.unescape(re.sub(r"<[^>]*>", "", self.title)).strip()
        return f"{self.post_type} {self.wp_id} “{title[:60] or '(no title)'}”"

    def meta_value(self, key, default=""):
        values = self.meta.get(key)
        return values[0] if values else default

    def footnotes(self):
        """The block editor's footnotes: a JSON list kept in the post's meta."""
        try:
            notes = json.loads(self.meta_value("footnotes") or "[]")
        except ValueError:
            return []
        if not isinstance(notes, list):
            return []
        return [note for note in notes if isinstance(note, dict)]

    def meta_numbers(self, key):
        """The post IDs stored under ``key``, in order, without repeats."""
        numbers = []
        for value in self.meta.get(key, []):
            value = value.strip()
            if value.isdigit() and int(value) not in numbers:
                numbers.append(int(value))
        return numbers

    def meta_number(self, key):
        numbers = self.meta_numbers(key)
        return numbers[0] if numbers else 0

    def fingerprint(self, *extra):
        """A checksum of everything the import reads from this item but comments."""
        meta = {
            key: values
            for key, values in sorted(self.meta.items())
            if not VOLATILE_META.match(key)
        }
        return checksum(
            [
                self.post_type,
                self.status,
                self.title,
                self.link,
                self.content,
                self.excerpt,
                self.creator,
                self.slug,
                self.published.isoformat() if self.published else "",
                self.modified.isoformat() if self.modified else "",
                self.comment_status,
                self.parent_id,
                self.menu_order,
                self.sticky,
                self.password,
                [[term.domain, term.slug, term.name] for term in self.terms],
                meta,
                list(extra),
            ]
        )


@dataclass
class Attachment:
    url: str
    file: str
    alt: str
    title: str
    parent_id: int


@dataclass
class PageInfo:
    parent_id: int
    importable: bool
    title: str


@dataclass
class Index:
    """What ``scan()`` learns about the export before anything is imported."""

    channel: Channel = field(default_factory=Channel)
    authors: dict = field(default_factory=dict)
    categories: dict = field(default_factory=dict)  # slug → parent slug
    attachments: dict = field(default_factory=dict)  # post ID → Attachment
    gallery: dict = field(default_factory=lambda: defaultdict(list))
    pages: dict = field(default_factory=dict)  # post ID → PageInfo
    menu_page_ids: set = field(default_factory=set)
    venues: dict = field(default_factory=dict)  # post ID → Item
    organizers: dict = field(default_factory=dict)  # post ID → Item
    post_types: Counter = field(default_factory=Counter)
    item_count: int = 0


def checksum(data):
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


_qualified_names = {}


def qualified_name(tag):
    """ "{https://wordpress.org/export/1.2/}post_id" → "wp:post_id", any WXR version."""
    name = _qualified_names.get(tag)
    if name is None:
        name = tag
        if tag.startswith("{"):
            uri, local = tag[1:].split("}", 1)
            for pattern, prefix in NAMESPACE_PREFIXES:
                if pattern.fullmatch(uri):
                    name = f"{prefix}:{local}"
                    break
        _qualified_names[tag] = name
    return name


def channel_elements(path, progress=None):
    """
    Yield ``(name, element)`` for each child of ``<channel>`` once it has been read
    whole, and forget it afterwards.
    """
    path = Path(path)
    try:
        file = path.open("rb")
    except OSError as error:
        raise WXRError(f"Cannot open {path}: {error.strerror}.") from None
    size = path.stat().st_size or 1
    depth = 0
    channel = None
    seen_rss = False
    with file:
        try:
            for event, element in iterparse(file, events=("start", "end")):
                if event == "start":
                    depth += 1
                    if depth == 1:
                        seen_rss = element.tag == "rss"
                    elif depth == 2 and seen_rss and element.tag == "channel":
                        channel = element
                    continue
                depth -= 1
                if depth == 2 and channel is not None:
                    yield qualified_name(element.tag), element
                    element.clear()
                    channel.remove(element)
                    if progress:
                        progress(min(file.tell(), size), size)
        except ParseError as error:
            raise WXRError(
                f"{path.name} is not well-formed XML ({error}). The file may have "
                "been cut short: export it from WordPress again."
            ) from None
        except DefusedXmlException as error:
            raise WXRError(
                f"{path.name} declares XML entities or a DTD ({type(error).__name__}),"
                " which a WordPress export never does. It was refused."
            ) from None
    if channel is None:
        raise WXRError(
            f"{path.name} is not a WordPress export: it has no <rss><channel>. "
            "Export from WordPress with Tools → Export → All content."
        )


def children(element):
    """The element's simple children as a dict of text, plus the repeated ones."""
    fields = {}
    repeated = defaultdict(list)
    for child in element:
        name = qualified_name(child.tag)
        if name in {"category", "wp:postmeta", "wp:comment", "wp:commentmeta"}:
            repeated[name].append(child)
        else:
            fields[name] = child.text or ""
    return fields, repeated


def to_int(value, what):
    try:
        return int((value or "0").strip())
    except ValueError:
        raise BadItem(f"its {what} “{value[:40]}” is not a number") from None


def to_datetime(gmt, local, what="date"):
    """A WordPress date: the GMT one when set, else the local one in our time zone."""
    for value, zone in [(gmt, datetime.UTC), (local, None)]:
        value = (value or "").strip()
        if not value or value.startswith("0000-00-00"):
            continue
        try:
            moment = datetime.datetime.fromisoformat(value)
        except ValueError:
            raise BadItem(f"its {what} “{value[:40]}” cannot be read") from None
        if timezone.is_naive(moment):
            moment = (
                moment.replace(tzinfo=zone)
                if zone
                else timezone.make_aware(moment, timezone.get_default_timezone())
            )
        return moment
    return None


def parse_author(element):
    fields, _repeated = children(element)
    return Author(
        login=fields.get("wp:author_login", "").strip(),
        email=fields.get("wp:author_email", "").strip(),
        display_name=fields.get("wp:author_display_name", "").strip(),
        first_name=fields.get("wp:author_first_name", "").strip(),
        last_name=fields.get("wp:author_last_name", "").strip(),
        wp_id=fields.get("wp:author_id", "").strip(),
    )


def parse_comment(element):
    fields, _repeated = children(element)
    return Comment(
        wp_id=to_int(fields.get("wp:comment_id"), "comment ID"),
        parent_id=to_int(fields.get("wp:comment_parent"), "comment parent"),
        author=fields.get("wp:comment_author", "").strip(),
        email=fields.get("wp:comment_author_email", "").strip(),
        url=fields.get("wp:comment_author_url", "").strip(),
        ip=fields.get("wp:comment_author_IP", "").strip(),
        date=to_datetime(
            fields.get("wp:comment_date_gmt"),
            fields.get("wp:comment_date"),
            "comment date",
        ),
        content=fields.get("wp:comment_content", ""),
        approved=fields.get("wp:comment_approved", "").strip(),
        type=fields.get("wp:comment_type", "").strip(),
        user_id=fields.get("wp:comment_user_id", "").strip(),
    )


def parse_item(element):
    """An ``<item>`` as an Item; raises BadItem when it cannot be read."""
    fields, repeated = children(element)
    post_id = fields.get("wp:post_id", "").strip()
    if not post_id:
        raise BadItem("it has no wp:post_id")
    item = Item(
        wp_id=to_int(post_id, "post ID"),
        post_type=fields.get("wp:post_type", "").strip() or "post",
        status=fields.get("wp:status", "").strip(),
        title=fields.get("title", ""),
        link=fields.get("link", "").strip(),
        guid=fields.get("guid", "").strip(),
        content=fields.get("content:encoded", ""),
        excerpt=fields.get("excerpt:encoded", ""),
        creator=fields.get("dc:creator", "").strip(),
        slug=fields.get("wp:post_name", "").strip(),
        comment_status=fields.get("wp:comment_status", "").strip(),
        parent_id=to_int(fields.get("wp:post_parent"), "parent"),
        menu_order=to_int(fields.get("wp:menu_order"), "menu order"),
        sticky=fields.get("wp:is_sticky", "").strip() == "1",
        password=fields.get("wp:post_password", ""),
        attachment_url=fields.get("wp:attachment_url", "").strip(),
    )
    item.published = to_datetime(
        fields.get("wp:post_date_gmt"), fields.get("wp:post_date"), "date"
    )
    item.modified = to_datetime(
        fields.get("wp:post_modified_gmt"),
        fields.get("wp:post_modified"),
        "modification date",
    )
    for category in repeated["category"]:
        item.terms.append(
            Term(
                domain=category.get("domain", ""),
                slug=category.get("nicename", ""),
                name=category.text or "",
            )
        )
    for meta in repeated["wp:postmeta"]:
        meta_fields, _repeated = children(meta)
        key = meta_fields.get("wp:meta_key", "")
        item.meta.setdefault(key, []).append(meta_fields.get("wp:meta_value", ""))
    for comment in repeated["wp:comment"]:
        try:
            item.comments.append(parse_comment(comment))
        except BadItem as error:
            item.bad_comments.append(str(error))
    return item


def scan(path, progress=None):
    """Read the whole export once, checking it, and return what the import needs."""
    index = Index()
    channel_fields = {}
    for name, element in channel_elements(path, progress):
        if name == "item":
            index.item_count += 1
            try:
                item = parse_item(element)
            except BadItem:
                continue  # reported when the import reaches it
            index_item(index, item)
        elif name == "wp:author":
            author = parse_author(element)
            if author.login:
                index.authors[author.login] = author
        elif name == "wp:category":
            fields, _repeated = children(element)
            slug = fields.get("wp:category_nicename", "").strip()
            index.categories[slug] = fields.get("wp:category_parent", "").strip()
        elif len(element) == 0:
            channel_fields[name] = (element.text or "").strip()
    index.channel = Channel(
        title=channel_fields.get("title", ""),
        link=channel_fields.get("link", ""),
        base_site_url=channel_fields.get("wp:base_site_url", ""),
        base_blog_url=channel_fields.get("wp:base_blog_url", ""),
        wxr_version=channel_fields.get("wp:wxr_version", ""),
    )
    if not index.channel.wxr_version:
        raise WXRError(
            f"{Path(path).name} is an RSS feed, not a WordPress export: it has no "
            "wp:wxr_version. Export from WordPress with Tools → Export."
        )
    if not index.channel.source:
        raise WXRError(
            f"{Path(path).name} does not say which site it comes from "
            "(no wp:base_blog_url or link)."
        )
    return index


def index_item(index, item):
    index.post_types[item.post_type] += 1
    if item.post_type == "attachment":
        index.attachments[item.wp_id] = Attachment(
            url=item.attachment_url or item.guid,
            file=item.meta_value("_wp_attached_file"),
            alt=item.meta_value("_wp_attachment_image_alt"),
            title=item.title,
            parent_id=item.parent_id,
        )
        if item.parent_id:
            index.gallery[item.parent_id].append(item.wp_id)
    elif item.post_type == "page":
        index.pages[item.wp_id] = PageInfo(
            parent_id=item.parent_id,
            importable=item.status not in SKIPPED_STATUSES,
            title=item.title,
        )
    elif item.post_type == "nav_menu_item":
        if item.meta_value("_menu_item_object") == "page":
            try:
                index.menu_page_ids.add(int(item.meta_value("_menu_item_object_id")))
            except ValueError:
                pass
    elif item.post_type == "tribe_venue":
        index.venues[item.wp_id] = item
    elif item.post_type == "tribe_organizer":
        index.organizers[item.wp_id] = item


# WordPress statuses that are not content: never imported.
SKIPPED_STATUSES = {
    "auto-draft": "an unsaved auto-draft",
    "trash": "in the WordPress trash",
    "inherit": "a revision",
}


def items(path, progress=None):
    """Yield each ``<item>`` as an Item, or a BadItem error to report."""
    position = 0
    for name, element in channel_elements(path):
        if name != "item":
            continue
        position += 1
        try:
            yield parse_item(element)
        except BadItem as error:
            yield BadItem(f"item {position}: {error}")
