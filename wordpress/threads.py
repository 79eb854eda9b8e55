"""
Comments of a WordPress item as threads here.

Replies keep their parents; a reply deeper than the site's thread depth
(``COMMENTS_XTD_MAX_THREAD_LEVEL``) hangs under the deepest ancestor allowed, in
reading order. The import knows each item's whole thread, so it works out what
django-comments-xtd stores for it (thread, level, order, number of replies) and
inserts a batch of comments in a few statements instead of ten or so per reply.
"""

import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import validate_ipv46_address
from django.utils import timezone

from comments.models import Comment, CommentStatus, thread_cache_tag
from pagecache.tags import invalidate
from wordpress.models import WordPressItem

from .content import checked_url, comment_text, plain_text

STATUSES = {
    "1": CommentStatus.PUBLISHED,
    "approve": CommentStatus.PUBLISHED,
    "0": CommentStatus.PENDING,
    "hold": CommentStatus.PENDING,
    "spam": CommentStatus.SPAM,
    "trash": CommentStatus.REMOVED,
    "post-trashed": CommentStatus.REMOVED,
}


class CommentImport:
    """The comment half of the Importer."""

    def import_comments(self, target, item):
        for reason in item.bad_comments:
            self.report.skip("comments", f"unreadable comment: {reason}")
        if not item.comments:
            return
        if target._meta.label_lower not in settings.COMMENTS_TARGET_MODELS:
            self.report.note(
                "comments on pages: kept, though pages do not show comments",
                str(item),
            )
        by_id = {comment.wp_id: comment for comment in item.comments}
        mappings = self.mappings(WordPressItem.Kind.COMMENT, by_id)
        new = []
        for comment in item.comments:
            mapping = mappings.get(str(comment.wp_id))
            if comment.wp_id in self.waiting.comment_ids:
                self.report.skip(
                    "comments", "listed twice in the export", f"comment {comment.wp_id}"
                )
            elif mapping is None:
                new.append(comment)
            elif mapping.checksum == comment.fingerprint():
                self.report.count("comments", "unchanged")
            elif self.update:
                self.update_comment(mapping, comment)
            else:
                self.report.skip(
                    "comments",
                    "changed in the export since the last import: run again with "
                    "--update to apply the changes",
                    f"comment {comment.wp_id}",
                )
        if new:
            self.add_comments(target, new, by_id, mappings)

    def comment_fields(self, comment):
        status = STATUSES.get(comment.approved.lower())
        if status is None:
            self.report.note(
                "comments with an unknown status: held for moderation",
                f"comment {comment.wp_id}: {comment.approved}",
            )
            status = CommentStatus.PENDING
        if comment.type in {"pingback", "trackback"}:
            self.report.note("pingbacks and trackbacks: imported as comments")
        login = self.author_logins.get(comment.user_id)
        return {
            "user": self.author(login) if login else None,
            "user_name": plain_text(comment.author)[:50] or "Anonymous",
            "user_email": comment.email[:254],
            "user_url": checked_url(comment.url),
            "comment": comment_text(comment.content),
            "submit_date": comment.date or timezone.now(),
            "ip_address": self.ip_address(comment),
            "status": status,
        }

    def ip_address(self, comment):
        """The commenter's address, only while the privacy setting keeps it."""
        if not comment.ip:
            return None
        retention = datetime.timedelta(days=settings.COMMENTS_IP_RETENTION_DAYS)
        if not comment.date or comment.date < timezone.now() - retention:
            self.report.note(
                "commenter IP addresses older than COMMENTS_IP_RETENTION_DAYS: not kept"
            )
            return None
        try:
            validate_ipv46_address(comment.ip)
        except ValidationError:
            return None
        return comment.ip

    def update_comment(self, mapping, comment):
        stored = Comment.objects.filter(pk=mapping.object_id).first()
        if stored is None:
            self.report.skip(
                "comments",
                "deleted on this site after an earlier import",
                f"comment {comment.wp_id}",
            )
            return
        for name, value in self.comment_fields(comment).items():
            setattr(stored, name, value)
        stored.save()
        mapping.checksum = comment.fingerprint()
        mapping.save(update_fields=["checksum"])
        self.report.count("comments", "updated")

    def add_comments(self, target, new, by_id, mappings):
        """The new comments of one item, each under its parent."""
        stored = self.stored_comments(mappings)
        new_ids = {comment.wp_id for comment in new}
        children, roots = {}, []
        for comment in sorted(new, key=reading_order):
            parent_id = comment.parent_id
            if parent_id and parent_id not in new_ids and parent_id not in stored:
                self.report.note(
                    "replies whose parent comment is missing: kept as comments",
                    f"comment {comment.wp_id} (parent {parent_id})",
                )
                parent_id = 0
            elif parent_id in new_ids and in_cycle(comment.wp_id, by_id):
                parent_id = 0
            if parent_id in new_ids:
                children.setdefault(parent_id, []).append(comment)
            else:
                roots.append((comment, parent_id))
        for comment, stored_parent in roots:
            if stored_parent:
                self.add_reply(target, comment, stored[stored_parent], children)
                continue
            thread_rows = []
            for reply, parent_index, level, replies, moved in thread(
                comment, children, settings.COMMENTS_XTD_MAX_THREAD_LEVEL
            ):
                row = self.new_comment(target, reply)
                row.level, row.nested_count = level, replies
                if parent_index is None:
                    parent = root = None
                    first = len(thread_rows)
                else:
                    parent = thread_rows[parent_index]
                    root = thread_rows[first]
                row.order = len(thread_rows) - first + 1
                if moved:
                    self.note_moved_reply(reply)
                thread_rows.append(row)
                self.waiting.comments.append((reply, row, parent, root))
                self.waiting.comment_ids.add(reply.wp_id)
        self.waiting.threads.add(thread_cache_tag(type(target), target.pk))

    def save_waiting_comments(self):
        """Store the comments queued by add_comments(), a few statements in all."""
        Comment.objects.insert_threads(
            [
                (row, parent, root)
                for _comment, row, parent, root in self.waiting.comments
            ]
        )
        WordPressItem.objects.bulk_create(
            [
                WordPressItem(
                    source=self.source,
                    kind=WordPressItem.Kind.COMMENT,
                    wp_id=str(comment.wp_id),
                    content_type=ContentType.objects.get_for_model(Comment),
                    object_id=row.pk,
                    checksum=comment.fingerprint(),
                )
                for comment, row, _parent, _root in self.waiting.comments
            ]
        )
        self.report.count("comments", "created", len(self.waiting.comments))
        self.waiting.comments.clear()
        self.waiting.comment_ids.clear()
        if self.waiting.threads:
            # The rows went in without Comment.save(): tell the page cache here.
            invalidate(*self.waiting.threads, "comment-counts")
            self.waiting.threads.clear()

    def stored_comments(self, mappings):
        """WordPress ID → (pk, level, parent pk) of comments imported before."""
        if not mappings:
            return {}
        pks = {int(wp_id): mapping.object_id for wp_id, mapping in mappings.items()}
        rows = Comment.objects.filter(pk__in=pks.values()).values_list(
            "pk", "level", "parent_id"
        )
        by_pk = {row[0]: row for row in rows}
        return {wp_id: by_pk[pk] for wp_id, pk in pks.items() if pk in by_pk}

    def add_reply(self, target, comment, parent, children):
        """
        A new reply to a comment from an earlier import, and the new replies
        below it: django-comments-xtd works out their places in the thread.
        """
        parent_pk, parent_level, grandparent_pk = parent
        row = self.new_comment(target, comment)
        if parent_level >= settings.COMMENTS_XTD_MAX_THREAD_LEVEL:
            self.note_moved_reply(comment)
            row.parent_id, level = grandparent_pk, parent_level
        else:
            row.parent_id, level = parent_pk, parent_level + 1
        row.save()
        self.remember(
            None, WordPressItem.Kind.COMMENT, comment.wp_id, row, comment.fingerprint()
        )
        self.report.count("comments", "created")
        for child in children.get(comment.wp_id, []):
            self.add_reply(target, child, (row.pk, level, row.parent_id), children)

    def new_comment(self, target, comment):
        return Comment(
            content_type=ContentType.objects.get_for_model(target),
            object_pk=str(target.pk),
            site_id=settings.SITE_ID,
            followup=False,
            # Moderated on WordPress already: no email to moderators about them.
            moderators_notified=True,
            **self.comment_fields(comment),
        )

    def note_moved_reply(self, comment):
        self.report.note(
            "replies nested deeper than the site's "
            f"{settings.COMMENTS_XTD_MAX_THREAD_LEVEL + 1} levels: attached to the "
            "deepest allowed ancestor",
            f"comment {comment.wp_id}",
        )


def thread(root, children, max_level):
    """
    The thread under ``root`` in reading order, as (comment, index of its parent
    in the list, level, number of replies below it, moved): a reply to a comment
    at ``max_level`` goes under that comment's parent, at ``max_level``, and is
    marked as moved.
    """
    rows = []

    def visit(comment, parent_index, level, moved):
        index = len(rows)
        rows.append([comment, parent_index, level, 0, moved])
        for child in children.get(comment.wp_id, []):
            if level < max_level:
                visit(child, index, level + 1, False)
            else:
                visit(child, parent_index, level, True)

    visit(root, None, 0, False)
    for row in rows:
        parent_index = row[1]
        while parent_index is not None:
            rows[parent_index][3] += 1
            parent_index = rows[parent_index][1]
    return [tuple(row) for row in rows]


def reading_order(comment):
    return (comment.date or timezone.now(), comment.wp_id)


def in_cycle(wp_id, by_id):
    """Whether following the parents of ``wp_id`` comes back to a comment."""
    seen = set()
    current = wp_id
    while current in by_id:
        if current in seen:
            return True
        seen.add(current)
        current = by_id[current].parent_id
    return False
