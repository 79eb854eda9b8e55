"""
Writing a WordPress export into the site: authors, posts, pages, events, tags,
threaded comments, media and redirects from the old addresses.

Every imported item is remembered in ``WordPressItem`` with a checksum of what
the export said, so that importing the same export again changes nothing, and a
newer export with ``--update`` changes in place what changed.
"""

import re
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.contrib.redirects.models import Redirect
from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import escape_uri_path
from django.utils.text import slugify
from taggit.models import Tag

from articles.models import Article
from pages.models import Page
from recoverysite.publishing import Publishable, Status, keep_old_address
from recoverysite.slugs import unique_slug
from recoverysite.tags import tag_name
from wordpress.models import WordPressItem

from . import wxr
from .content import (
    SUMMARY_LENGTH,
    Converter,
    plain_text,
    prose_paragraphs,
    summary_from,
)
from .media import MediaLibrary
from .report import Report
from .threads import CommentImport
from .tribe_events import EventImport

Kind = WordPressItem.Kind
# Post types whose content arrives through other items.
FOLDED_IN = {
    "attachment": "attachments: their files come with the posts that show them",
    "nav_menu_item": (
        "navigation menu items: top-level pages that were in a menu are shown in "
        "the site menu"
    ),
    "tribe_venue": "venues: written into their events",
    "tribe_organizer": "organizers: became presenters (hosts) of their events",
}
# New comments and tag links are stored this many at a time.
BATCH = 2000
# Redirects are checked against existing ones this many at a time (3 × 300
# values stay under SQLite's oldest limit of 999 query parameters).
REDIRECT_CHUNK = 300


class WordPressImportError(Exception):
    """The import cannot start or cannot go on; nothing has been written."""


def import_wordpress(
    path, *, media_dir=None, author_map=None, update=False, dry_run=False, progress=None
):
    """Import the export at ``path`` and return the Report; see the module."""
    try:
        index = wxr.scan(path, progress=stage(progress, "Reading"))
    except wxr.WXRError as error:
        raise WordPressImportError(str(error)) from None
    importer = Importer(
        index,
        media_dir=media_dir,
        author_map=author_map or {},
        update=update,
        dry_run=dry_run,
        progress=stage(progress, "Importing"),
    )
    with transaction.atomic():
        importer.run(path)
        if dry_run:
            transaction.set_rollback(True)
    return importer.report


def stage(progress, label):
    if progress is None:
        return None
    return lambda done, total: progress(label, done, total)


class Waiting:
    """Rows queued while items are imported, stored in batches between items."""

    def __init__(self):
        self.comments = []  # (WordPress comment, row, parent row, thread's first row)
        self.comment_ids = set()
        self.threads = set()  # page-cache tags of threads that gained comments
        self.tags = []  # tag links of new objects
        self.redirects = []  # (old path, new path)

    def __len__(self):
        return len(self.comments) + len(self.tags) + len(self.redirects)

    def mark(self):
        return len(self.comments), len(self.tags), len(self.redirects)

    def forget_since(self, mark):
        """Drop what an item queued before its savepoint was rolled back."""
        comments, tags, redirects = mark
        for comment, *_rows in self.comments[comments:]:
            self.comment_ids.discard(comment.wp_id)
        del self.comments[comments:]
        del self.tags[tags:]
        del self.redirects[redirects:]


class Importer(EventImport, CommentImport):
    def __init__(self, index, *, media_dir, author_map, update, dry_run, progress):
        self.index = index
        self.source = index.channel.source
        self.update = update
        self.dry_run = dry_run
        self.progress = progress
        self.report = Report(
            source=self.source, title=index.channel.title, dry_run=dry_run
        )
        self.media = MediaLibrary(index, media_dir, dry_run)
        self.site_hosts = {
            host.lower()
            for url in [index.channel.link, index.channel.base_blog_url]
            if (host := urlsplit(url).hostname)
        }
        self.converter = Converter(self.media, self.site_hosts)
        self.author_map = self.find_mapped_users(author_map)
        self.author_logins = {
            author.wp_id: login
            for login, author in index.authors.items()
            if author.wp_id
        }
        self.waiting_pages = {}  # top-level page's post ID → children read early
        self.waiting = Waiting()
        self.seen_posts = set()
        self.written_posts = set()
        # Nothing to look up on the first import of a site: lookups are skipped.
        self.first_import = not WordPressItem.objects.filter(
            source=self.source
        ).exists()
        self.reset_caches()

    def reset_caches(self):
        self.users = {}
        self.tags = {}
        self.term_tags = {}
        # (year, month) of every imported post, for the old date archives.
        self.archive_months = set()
        self.presenters = {}
        self.slugs = {}

    def find_mapped_users(self, author_map):
        users = get_user_model().objects.in_bulk(
            set(author_map.values()), field_name="username"
        )
        unknown = sorted(set(author_map.values()) - set(users))
        if unknown:
            raise WordPressImportError(
                "--author-map names users that do not exist here: "
                + ", ".join(unknown)
                + ". Create them first or map to existing usernames."
            )
        for login in sorted(set(author_map) - set(self.index.authors)):
            self.report.note("--author-map names an author not in the export", login)
        return {login: users[username] for login, username in author_map.items()}

    # The run

    def run(self, path):
        total = self.index.item_count
        for number, item in enumerate(wxr.items(path), start=1):
            if isinstance(item, wxr.BadItem):
                self.report.skip(None, "unreadable item", str(item))
            else:
                self.import_item(item)
            if len(self.waiting) >= BATCH:
                self.save_waiting_rows()
            if self.progress:
                self.progress(number, total)
        for children in self.waiting_pages.values():
            # Their top-level page was never imported: they become top-level.
            for child in children:
                self.import_item(child, parent_missing=True)
        self.waiting_pages.clear()
        self.save_waiting_rows()
        self.term_redirects()
        self.archive_redirects()
        copied = self.media.copied & self.media.imported.keys()
        self.report.count("media", "created", len(copied))
        self.report.count("media", "unchanged", len(self.media.imported) - len(copied))
        self.report.count("media", "skipped", len(self.media.missing))
        self.report.missing_media = dict(sorted(self.media.missing.items()))

    def import_item(self, item, parent_missing=False):
        handlers = {
            "post": self.import_article,
            "page": self.import_page,
            "tribe_events": self.import_event,
        }
        if item.post_type in FOLDED_IN:
            self.report.note(FOLDED_IN[item.post_type])
            return
        handler = handlers.get(item.post_type)
        if handler is None:
            self.report.skip(
                None,
                f"post type “{item.post_type}” has no counterpart on this site",
                str(item),
            )
            return
        kind = {"post": "articles", "page": "pages", "tribe_events": "events"}
        kind = kind[item.post_type]
        if item.status in wxr.SKIPPED_STATUSES:
            self.report.skip(kind, wxr.SKIPPED_STATUSES[item.status], str(item))
            self.skip_comments(item, "on an item that was not imported")
            return
        if item.wp_id in self.seen_posts:
            self.report.skip(kind, "listed twice in the export", str(item))
            return
        if (
            item.post_type == "page"
            and not parent_missing
            and self.wait_for_parent(item)
        ):
            return
        self.seen_posts.add(item.wp_id)
        waiting = self.waiting.mark()
        try:
            with transaction.atomic():
                target = handler(item, kind)
                if target is not None:
                    self.import_comments(target, item)
        except (DatabaseError, wxr.BadItem, ValidationError) as error:
            # The savepoint is gone, and with it anything cached from it.
            self.reset_caches()
            self.waiting.forget_since(waiting)
            self.report.skip(kind, f"could not be imported: {error}", str(item))
            self.skip_comments(item, "on an item that could not be imported")
            return
        if item.post_type == "page":
            for child in self.waiting_pages.pop(item.wp_id, []):
                self.import_item(child)

    def skip_comments(self, item, reason):
        for comment in item.comments:
            self.report.skip("comments", reason, f"comment {comment.wp_id}")

    # Remembering what was imported

    def mappings(self, kind, wp_ids):
        wp_ids = [str(wp_id) for wp_id in wp_ids]
        if self.first_import and kind != Kind.AUTHOR:
            # Only what this run wrote can be there.
            if kind == Kind.COMMENT or not self.written_posts.intersection(wp_ids):
                return {}
        rows = WordPressItem.objects.filter(
            source=self.source, kind=kind, wp_id__in=wp_ids
        )
        return {row.wp_id: row for row in rows}

    def mapping(self, kind, wp_id):
        return self.mappings(kind, [wp_id]).get(str(wp_id))

    def remember(self, mapping, kind, wp_id, obj, checksum, **fields):
        if mapping is None:
            mapping = WordPressItem(source=self.source, kind=kind, wp_id=str(wp_id))
        mapping.content_type = ContentType.objects.get_for_model(obj)
        mapping.object_id = obj.pk
        mapping.checksum = checksum
        for name, value in fields.items():
            setattr(mapping, name, value)
        mapping.save()
        if kind == Kind.POST:
            self.written_posts.add(str(wp_id))
        return mapping

    def existing(self, mapping, model):
        """
        The object a mapping points to, or why the item is left alone: ``(obj,
        skip_reason)``; ``(None, None)`` for an item never imported.
        """
        if mapping is None:
            return None, None
        obj = model._default_manager.filter(pk=mapping.object_id).first()
        if obj is None:
            return None, "deleted on this site after an earlier import"
        return obj, None

    def upsert(self, item, kind, model, fill, checksum):
        """
        Create or update the object for ``item`` with ``fill(obj, created)``;
        returns it, or None when it is left out.
        """
        mapping = self.mapping(Kind.POST, item.wp_id)
        obj, reason = self.existing(mapping, model)
        if reason:
            self.report.skip(kind, reason, str(item))
            return None
        if obj is not None:
            if mapping.checksum == checksum:
                self.report.count(kind, "unchanged")
                self.recheck_missing_media(mapping, item)
                return obj
            if not self.update:
                self.report.skip(
                    kind,
                    "changed in the export since the last import: run again with "
                    "--update to apply the changes",
                    str(item),
                )
                self.recheck_missing_media(mapping, item)
                return obj
        created = obj is None
        obj = obj or model()
        misses_before = len(self.media.missed)
        fill(obj, created)
        self.remember(
            mapping,
            Kind.POST,
            item.wp_id,
            obj,
            checksum,
            guid=item.guid[:500],
            sticky=item.sticky,
            missing_media={
                path: self.media.missing[path]
                for path in sorted(set(self.media.missed[misses_before:]))
            },
        )
        last_change = item.modified or item.published
        if last_change and isinstance(obj, Publishable):
            # auto_now stamped the import's time: keep WordPress's.
            model._default_manager.filter(pk=obj.pk).update(updated_at=last_change)
        self.report.count(kind, "created" if created else "updated")
        new_path = obj.get_absolute_url()
        self.waiting.redirects.extend(
            (old_path, new_path) for old_path in self.old_paths(item)
        )
        return obj

    def recheck_missing_media(self, mapping, item):
        """
        Files an unchanged item lacked last time are listed again, or, once they
        are in --media-dir, named as found so that --update can link them.
        """
        for path, reason in mapping.missing_media.items():
            if self.media.find(path) is None:
                self.media.missing.setdefault(path, reason)
            else:
                self.report.note(
                    "missing media found now: run again with --update to use it",
                    f"{item}: {path}",
                )

    def fingerprint(self, item, *extra):
        mapped = self.author_map.get(item.creator)
        return item.fingerprint(
            *self.media.fingerprint(item), mapped.username if mapped else "", *extra
        )

    # Articles, pages and events

    def import_article(self, item, kind):
        if item.sticky:
            self.report.note(
                "sticky posts: articles have no featured flag yet, so “sticky on "
                "WordPress” is kept on the import record (WordPressItem.sticky)",
                str(item),
            )

        if item.published:
            self.archive_months.add((item.published.year, item.published.month))

        def fill(article, created):
            converted = self.convert(item)
            article.title = self.title(item)
            article.slug = self.slug(article, item, "article")
            article.author = self.author(item.creator)
            article.body = converted.html
            article.summary = self.summary(item, converted.html, article.title)
            article.status, article.published_at = self.publication(item)
            article.comments_open = item.comment_status != "closed"
            self.featured_image(article, item)
            article.save()
            self.set_tags(article, item, {"category", "post_tag"}, created)

        return self.upsert(item, kind, Article, fill, self.fingerprint(item))

    def wait_for_parent(self, item):
        """Hold a child page back until its top-level page is imported."""
        top = self.top_page_id(item)
        if top is None or top == item.wp_id:
            return False
        if self.mapping(Kind.POST, top) is not None:
            return False
        self.waiting_pages.setdefault(top, []).append(item)
        return True

    def top_page_id(self, item):
        """The top-level page above ``item`` (pages nest one level deep here)."""
        current, seen = item.wp_id, set()
        parent_id = item.parent_id
        while parent_id and parent_id not in seen:
            seen.add(parent_id)
            parent = self.index.pages.get(parent_id)
            if parent is None or not parent.importable:
                break
            current, parent_id = parent_id, parent.parent_id
        return current

    def import_page(self, item, kind):
        top = self.top_page_id(item)
        parent = None
        if item.parent_id and top == item.wp_id:
            self.report.note(
                "pages whose parent is missing or not imported: made top-level",
                str(item),
            )
        elif top != item.wp_id:
            mapping = self.mapping(Kind.POST, top)
            parent = mapping and Page.objects.filter(pk=mapping.object_id).first()
            if parent is None:
                self.report.note(
                    "pages whose parent is missing or not imported: made top-level",
                    str(item),
                )
            elif top != item.parent_id:
                self.report.note(
                    "pages nested deeper than one level: placed under their "
                    "top-level page",
                    f"{item} → under “{parent.title}”",
                )

        def fill(page, created):
            page.title = self.title(item)
            page.parent = parent
            page.slug = self.page_slug(page, item)
            page.body = self.convert(item).html
            page.status, page.published_at = self.publication(item)
            page.menu_order = max(0, min(item.menu_order, 32767))
            page.show_in_menu = (
                parent is None
                and page.status == Status.PUBLISHED
                and item.wp_id in self.index.menu_page_ids
            )
            page.save()

        return self.upsert(item, kind, Page, fill, self.fingerprint(item, top))

    def page_slug(self, page, item):
        siblings = Page.objects.filter(parent=page.parent).exclude(pk=page.pk)
        base = slug_text(item, "page")
        slug, number = base, 2
        while siblings.filter(slug=slug).exists() or (
            page.parent is None and not self.free_at_top(slug)
        ):
            suffix = f"-{number}"
            slug = f"{base[: 200 - len(suffix)]}{suffix}"
            number += 1
        if slug != base:
            self.report.note(
                "addresses already taken: a number was added", f"{item}: {slug}"
            )
        return slug

    @staticmethod
    def free_at_top(slug):
        try:
            Page(slug=slug).check_slug_is_free()
        except ValidationError:
            return False
        return True

    # Fields

    def convert(self, item, take_recording=False):
        converted = self.converter.convert(
            item.content,
            post_id=item.wp_id,
            take_recording=take_recording,
            footnotes=item.footnotes(),
        )
        for video in converted.videos:
            self.report.note(
                "YouTube and Vimeo videos: linked to the video (rich text keeps no "
                "players)",
                f"{item}: {video.watch_url}",
            )
        if converted.recording:
            self.report.note(
                "event videos: became the event's recording (privacy player)",
                str(item),
            )
        for host in converted.removed_frames:
            self.report.note("embedded frames removed", f"{item}: {host}")
        if converted.library_images:
            self.report.note("inline images: added to the image library", str(item))
        if converted.images:
            self.report.note(
                "inline images: linked to the imported file (no description, "
                "missing, or inside a link)",
                str(item),
            )
        for name in converted.dynamic_blocks:
            self.report.note(
                "dynamic blocks (built by WordPress on each view, so not in the "
                "export): a note for the editor left in their place",
                f"{item}: {name}",
            )
        if converted.cover_backgrounds:
            self.report.note(
                "cover blocks: their text kept, the background picture left out "
                "(decoration)",
                str(item),
            )
        for name in sorted(converted.unknown_shortcodes):
            self.report.note("shortcodes left as text", f"{item}: [{name}]")
        return converted

    @staticmethod
    def title(item):
        title = plain_text(item.title)
        if not title:
            title = "Untitled"
        return title[:200]

    def summary(self, item, body, title):
        """The excerpt, or the text from its first real paragraph, or the title."""
        return (
            summary_from(item.excerpt)
            or summary_from(prose_paragraphs(body))
            or title[:SUMMARY_LENGTH]
        )

    def slug(self, obj, item, prefix, reserved=()):
        """A free slug for an article or event, from the WordPress slug."""
        model = type(obj)
        if model not in self.slugs:
            self.slugs[model] = set(
                model._default_manager.values_list("slug", flat=True)
            )
        slug = slug_text(item, prefix)
        if slug in reserved:
            slug = f"{prefix}-{slug}"
        if slug in self.slugs[model] and slug != obj.slug:
            slug = unique_slug(model._default_manager.exclude(pk=obj.pk), slug)
            self.report.note(
                "addresses already taken: a number was added", f"{item}: {slug}"
            )
        self.slugs[model].add(slug)
        return slug

    def publication(self, item):
        """Our status and publication date for a WordPress status."""
        published_at = item.published or item.modified or timezone.now()
        status = item.status
        if status == "publish" and item.password:
            self.report.note("password-protected items: imported as drafts", str(item))
            return Status.DRAFT, published_at
        if status in {"publish", "future"}:
            # A future date makes a published item scheduled.
            return Status.PUBLISHED, published_at
        if status == "private":
            self.report.note("private items: imported as drafts", str(item))
        elif status not in {"draft", "pending"}:
            self.report.note(
                "unknown statuses: imported as drafts", f"{item}: {status}"
            )
        return Status.DRAFT, published_at

    def author(self, login):
        if login not in self.index.authors and login not in self.author_map:
            # Hand-edited exports have stray characters: “>editor”.
            login = re.sub(r"[^\w.@ -]", "", login).strip()
        if not login:
            return None
        if login not in self.users:
            self.users[login] = self.find_author(login)
        return self.users[login]

    def find_author(self, login):
        User = get_user_model()
        mapping = self.mapping(Kind.AUTHOR, login)
        if login in self.author_map:
            user = self.author_map[login]
            if mapping is None or mapping.object_id != user.pk:
                self.remember(mapping, Kind.AUTHOR, login, user, "")
            self.report.note(
                "authors mapped to existing users", f"{login} → {user.username}"
            )
            return user
        if mapping is not None:
            user = User.objects.filter(pk=mapping.object_id).first()
            if user is None:
                self.report.note(
                    "authors deleted on this site after an earlier import", login
                )
            else:
                self.report.count("authors", "unchanged")
            return user
        author = self.index.authors.get(login)
        if author is None:
            self.report.note("authors missing from the export: no author set", login)
            return None
        username = re.sub(r"[^\w.@+-]", "_", login)[:140] or "author"
        base, number = username, 2
        while User.objects.filter(username__iexact=username).exists():
            username = f"{base}-{number}"
            number += 1
        if username != base:
            self.report.note(
                "authors whose login was taken here (use --author-map to use the "
                "existing user)",
                f"{login} → {username}",
            )
        user = User(
            username=username,
            email=author.email[:254],
            first_name=plain_text(author.first_name)[:150],
            last_name=plain_text(author.last_name)[:150],
            display_name=plain_text(author.display_name)[:150],
            is_active=False,
        )
        user.set_unusable_password()
        user.save()
        self.remember(None, Kind.AUTHOR, login, user, "")
        self.report.count("authors", "created")
        return user

    def featured_image(self, obj, item):
        thumbnail = item.meta_number("_thumbnail_id")
        if not thumbnail:
            return
        found = self.media.featured_image(thumbnail)
        if found is None:
            self.report.note("featured images not imported (see below)", str(item))
            return
        image, _alt = found
        if self.dry_run or image is None:
            return
        obj.featured_image = image

    def set_tags(self, obj, item, taxonomies, created):
        tags = []
        for term in item.terms:
            if term.domain not in taxonomies:
                continue
            if term.domain == "category" and term.slug == "uncategorized":
                continue
            tag = self.tag(term)
            if tag is not None and tag not in tags:
                tags.append(tag)
        if not created:
            obj.tags.set(tags)
        else:
            through = obj.tags.through
            self.waiting.tags.extend(
                through(tag=tag, content_object=obj) for tag in tags
            )

    def tag(self, term):
        name = tag_name(plain_text(term.name))[:100].strip()
        if not name:
            return None
        key = name.lower()
        tag = self.tags.get(key)
        if tag is None:
            tag = Tag.objects.filter(name__iexact=name).order_by("pk").first()
            if tag is None:
                # Our addresses take ASCII slugs: taggit would keep “ελληνικά”.
                text = name if slugify(name) else f"tag {slugify(unquote(term.slug))}"
                slug = unique_slug(Tag.objects.all(), text, max_length=100)
                tag = Tag.objects.create(name=name, slug=slug)
                self.report.count("tags", "created")
            else:
                self.report.count("tags", "unchanged")
            self.tags[key] = tag
        self.term_tags[(term.domain, term.slug)] = tag
        return tag

    # Redirects

    def old_paths(self, item):
        """The addresses WordPress knew the item by: its permalink and ?p=ID."""
        paths = [self.old_path(item.link), f"/?p={item.wp_id}"]
        if item.post_type == "page":
            paths.append(f"/?page_id={item.wp_id}")
        return list(dict.fromkeys(path for path in paths if path))

    def old_path(self, link):
        """The path part of an old address, as Django compares it."""
        try:
            parts = urlsplit(link.strip())
        except ValueError:
            return None
        if parts.hostname and parts.hostname.lower() not in self.site_hosts:
            return None
        segments = [segment for segment in unquote(parts.path).split("/") if segment]
        path = "/" + "/".join(segments)
        if segments and parts.path.endswith("/"):
            path += "/"
        path = escape_uri_path(path) + (f"?{parts.query}" if parts.query else "")
        return None if path == "/" else path

    def redirect(self, pairs):
        """
        Permanent redirects for (old path, new path) pairs. When no redirect
        touches these paths yet, there is no chain or loop to mend and they go in
        with one statement; otherwise keep_old_address() sees to each.
        """
        valid = {}
        for old_path, new_path in pairs:
            if old_path == new_path:
                continue
            if valid.get(old_path, new_path) != new_path:
                self.report.note(
                    "old addresses claimed by two items: the later one keeps it",
                    old_path,
                )
            if len(old_path) > 200 or len(new_path) > 200:
                self.report.skip(
                    "redirects", "address longer than 200 characters", old_path
                )
                continue
            valid[old_path] = new_path
        if not valid:
            return
        old_paths, new_paths = list(valid), set(valid.values())
        touching = Redirect.objects.filter(site_id=settings.SITE_ID).filter(
            Q(old_path__in=old_paths)
            | Q(new_path__in=old_paths)
            | Q(old_path__in=new_paths)
        )
        existing = dict(touching.values_list("old_path", "new_path"))
        if not existing and not new_paths.intersection(valid):
            Redirect.objects.bulk_create(
                Redirect(site_id=settings.SITE_ID, old_path=old, new_path=new)
                for old, new in valid.items()
            )
            self.report.count("redirects", "created", len(valid))
            return
        for old_path, new_path in valid.items():
            current = existing.get(old_path)
            if current == new_path:
                self.report.count("redirects", "unchanged")
                continue
            keep_old_address(old_path, new_path)
            self.report.count("redirects", "created" if current is None else "updated")

    def term_redirects(self):
        """WordPress's category and tag archives → our tag pages."""
        pairs = []
        for (domain, slug), tag in self.term_tags.items():
            if not slug:
                continue
            if domain == "category":
                chain, seen = [slug], set()
                while (parent := self.index.categories.get(chain[0])) and (
                    parent not in seen
                ):
                    seen.add(parent)
                    chain.insert(0, parent)
                old = "/category/" + "/".join(chain) + "/"
            elif domain == "post_tag":
                old = f"/tag/{slug}/"
            else:
                continue
            pairs.append((escape_uri_path(unquote(old)), tag_url(tag)))
        self.waiting.redirects.extend(pairs)
        self.save_waiting_rows()

    def archive_redirects(self):
        """
        WordPress's feeds, author pages, date archives and attachment pages →
        our feeds, author pages, month archives and the attachment's post.
        """
        pairs = [
            ("/feed/", reverse("articles:feed")),
            ("/feed/atom/", reverse("articles:feed-atom")),
        ]
        for login, user in self.users.items():
            if user is not None and user.slug:
                pairs.append(
                    (
                        escape_uri_path(f"/author/{slugify(login)}/"),
                        reverse("articles:author", kwargs={"slug": user.slug}),
                    )
                )
        for year, month in sorted(self.archive_months):
            pairs.append((f"/{year}/", reverse("articles:archive-year", args=[year])))
            pairs.append(
                (
                    f"/{year}/{month:02d}/",
                    reverse("articles:archive-month", args=[year, month]),
                )
            )
        self.waiting.redirects.extend(list(dict.fromkeys(pairs)))
        self.save_waiting_rows()
        # An attachment page leads where its post's /?p= address now leads.
        by_post = dict(
            Redirect.objects.filter(
                site_id=settings.SITE_ID,
                old_path__in={
                    f"/?p={attachment.parent_id}"
                    for attachment in self.index.attachments.values()
                    if attachment.parent_id
                },
            ).values_list("old_path", "new_path")
        )
        pairs = [
            (f"/?attachment_id={attachment_id}", by_post[f"/?p={attachment.parent_id}"])
            for attachment_id, attachment in self.index.attachments.items()
            if f"/?p={attachment.parent_id}" in by_post
        ]
        self.waiting.redirects.extend(pairs)
        self.save_waiting_rows()

    def save_waiting_rows(self):
        """Store what import_item() queued, outside any item's savepoint."""
        self.save_waiting_comments()
        if tags := self.waiting.tags:
            type(tags[0]).objects.bulk_create(tags)
            tags.clear()
        redirects = self.waiting.redirects
        for start in range(0, len(redirects), REDIRECT_CHUNK):
            self.redirect(redirects[start : start + REDIRECT_CHUNK])
        redirects.clear()


def tag_url(tag):
    return reverse("pages:tag", kwargs={"slug": tag.slug})


def slug_text(item, prefix):
    """A slug with at least one letter, from the WordPress slug or the title."""
    for text in [unquote(item.slug), plain_text(item.title)]:
        slug = slugify(text)[:200].strip("-")
        if re.search("[a-z]", slug):
            return slug
    return f"{prefix}-{item.wp_id}"
