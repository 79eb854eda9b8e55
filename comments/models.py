from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connections, models, router, transaction
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_comments.models import Comment as BaseComment
from django_comments_xtd.models import XtdComment, XtdCommentManager


def thread_cache_tag(model, pk):
    """The page-cache tag of the comments shown on the page of ``model`` ``pk``."""
    return f"comments:{model._meta.label_lower}:{pk}"


class CommentStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting moderation")
    PUBLISHED = "published", _("Published")
    SPAM = "spam", _("Spam")
    REMOVED = "removed", _("Removed by a moderator")
    WITHDRAWN = "withdrawn", _("Removed by its author")


class CommentQuerySet(models.QuerySet):
    def for_object(self, obj):
        content_type = ContentType.objects.get_for_model(obj)
        return self.filter(content_type=content_type, object_pk=str(obj.pk))

    def published(self):
        return self.filter(status=CommentStatus.PUBLISHED)

    def resolve_reports(self):
        """A moderator has acted on these comments: their reports are answered."""
        return CommentReport.objects.filter(comment__in=self, resolved=False).update(
            resolved=True
        )

    def count_for(self, model):
        """A subquery counting published comments, to annotate ``model`` rows."""
        content_type = ContentType.objects.get_for_model(model)
        counts = (
            self.published()
            .filter(
                content_type=content_type,
                object_pk=Cast(models.OuterRef("pk"), models.CharField()),
            )
            .order_by()
            .values("object_pk")
            .annotate(count=models.Count("pk"))
            .values("count")
        )
        return models.functions.Coalesce(
            models.Subquery(counts, output_field=models.IntegerField()), 0
        )

    def thread(self):
        """Depth-first order: each comment followed by its replies."""
        return self.order_by("thread_id", "order")

    def visible_thread(self):
        """
        Published comments in thread order, plus removed ones that still have
        published replies, shown as placeholders so the replies keep their place.
        """
        # Besides published comments only those with replies can be shown, so a
        # flood of spam or held comments is never read.
        parent_ids = (
            self.exclude(parent_id=models.F("pk")).order_by().values("parent_id")
        )
        comments = list(
            self.thread()
            .filter(
                models.Q(status=CommentStatus.PUBLISHED) | models.Q(pk__in=parent_ids)
            )
            .select_related(None)
            .only(
                "thread_id",
                "order",
                "level",
                "parent_id",
                "status",
                "user_name",
                "user_url",
                "comment",
                "submit_date",
                "content_type_id",
                "object_pk",
            )
            # The team's badge comes from the account, not from a name anyone can type.
            .annotate(
                by_staff=models.functions.Coalesce(
                    models.F("user__is_staff"), models.Value(False)
                )
            )
        )
        shown = []
        # Walking backwards, a comment's replies have just been seen.
        visible_seen_at = {}
        for comment in reversed(comments):
            has_visible_reply = any(
                seen for level, seen in visible_seen_at.items() if level > comment.level
            )
            for level in [level for level in visible_seen_at if level > comment.level]:
                del visible_seen_at[level]
            if comment.is_visible() or has_visible_reply:
                shown.append(comment)
                visible_seen_at[comment.level] = True
        shown.reverse()
        return shown

    def insert_threads(self, entries):
        """
        Store new comments whose thread fields (level, order, nested_count) are
        worked out, given as (comment, parent or None, first comment of its
        thread or None), in a few statements instead of ten or so per reply.

        A Comment spans three tables (django-contrib-comments', then
        django-comments-xtd's, then ours) and bulk_create() refuses such models,
        so the first table's rows go through bulk_create(), which returns their
        keys, and the other two tables' rows are inserted with executemany().
        """
        rows = [row for row, _parent, _root in entries]
        if not rows:
            return
        for row in rows:
            # What Comment.save() keeps in step with the moderation state.
            row.is_public = row.status == CommentStatus.PUBLISHED
            row.is_removed = row.status in {
                CommentStatus.REMOVED,
                CommentStatus.WITHDRAWN,
            }
        fields = [
            field
            for field in BaseComment._meta.concrete_fields
            if not field.primary_key
        ]
        base_rows = BaseComment.objects.bulk_create(
            [
                BaseComment(
                    **{field.attname: getattr(row, field.attname) for field in fields}
                )
                for row in rows
            ]
        )
        for row, base_row in zip(rows, base_rows, strict=True):
            for model in [BaseComment, XtdComment, Comment]:
                setattr(row, model._meta.pk.attname, base_row.pk)
        for row, parent, root in entries:
            # A thread's first comment is its own parent and names the thread.
            row.parent_id = parent.pk if parent else row.pk
            row.thread_id = root.pk if root else row.pk
        database = router.db_for_write(Comment)
        for model in [XtdComment, Comment]:
            insert_table_rows(connections[database], model, rows)
        for row in rows:
            row._state.adding = False
            row._state.db = database


def insert_table_rows(connection, model, rows):
    """INSERT the columns of ``model``'s own table for ``rows``, as save() does."""
    fields = model._meta.local_concrete_fields
    quote = connection.ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        quote(model._meta.db_table),
        ", ".join(quote(field.column) for field in fields),
        ", ".join(["%s"] * len(fields)),
    )
    values = [
        [
            field.get_db_prep_save(field.pre_save(row, True), connection)
            for field in fields
        ]
        for row in rows
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, values)


class CommentManager(XtdCommentManager.from_queryset(CommentQuerySet)):
    pass


class Comment(XtdComment):
    """A comment with its moderation state; threading comes from django-comments-xtd."""

    xtdcomment_ptr = models.OneToOneField(
        XtdComment,
        parent_link=True,
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="moderated",
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=CommentStatus,
        default=CommentStatus.PENDING,
        db_index=True,
    )
    care_hold = models.BooleanField(
        _("care hold"),
        default=False,
        help_text=_("Matched a crisis phrase: read this one first."),
    )
    hold_reasons = models.CharField(_("why it was held"), max_length=255, blank=True)
    moderators_notified = models.BooleanField(default=False, editable=False)
    language = models.CharField(
        _("language"),
        max_length=10,
        blank=True,
        help_text=_(
            "The language chosen on the site when commenting: the commenter's "
            "emails are written in it. Empty: the site's language."
        ),
    )

    objects = CommentManager()

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["-submit_date"]
        indexes = [models.Index(fields=["status", "care_hold"])]

    def __str__(self):
        return f"{self.user_name}: {self.comment[:50]}"

    def save(self, *args, **kwargs):
        # Keep the library's own flags in step with the moderation state.
        self.is_public = self.status == CommentStatus.PUBLISHED
        self.is_removed = self.status in {
            CommentStatus.REMOVED,
            CommentStatus.WITHDRAWN,
        }
        if not self._state.adding or not self.parent_id:
            super().save(*args, **kwargs)
            return
        # django-comments-xtd gives a new reply its place in the thread by reading
        # the thread's orders and shifting the later ones: two replies doing that
        # at once would take the same place. Locking the thread's first comment
        # makes replies to one thread wait for each other, until the transaction
        # ends. SQLite needs no lock: its transactions take the write lock when
        # they begin (settings.py), so they already write one at a time.
        database = kwargs.get("using") or router.db_for_write(Comment)
        with transaction.atomic(using=database):
            if connections[database].features.has_select_for_update:
                thread_of_parent = XtdComment.norel_objects.filter(
                    pk=self.parent_id
                ).values("thread_id")
                list(
                    XtdComment.norel_objects.using(database)
                    .select_for_update()
                    .filter(pk=models.Subquery(thread_of_parent))
                    .values_list("pk", flat=True)
                )
            super().save(*args, **kwargs)

    def get_absolute_url(self):
        return f"{self.content_object.get_absolute_url()}#c{self.pk}"

    def withdraw(self):
        """Its author takes it back: the words go, a placeholder holds the replies."""
        self.status = CommentStatus.WITHDRAWN
        self.comment = ""
        self.user_url = ""
        self.followup = False
        self.save()

    def hold_when_often_reported(self):
        """
        Off the page until a moderator looks, once enough visitors have reported
        it; one report alone cannot hide someone's words.
        """
        open_reports = self.reports.filter(resolved=False).count()
        if (
            self.status != CommentStatus.PUBLISHED
            or open_reports < settings.COMMENTS_REPORTS_TO_HOLD
        ):
            return False
        self.status = CommentStatus.PENDING
        self.hold_reasons = str(_("reported by visitors"))
        self.save()
        return True

    def get_reply_url(self):
        return reverse("comments:reply", kwargs={"comment_id": self.pk})

    def is_visible(self):
        return self.status == CommentStatus.PUBLISHED

    def is_reply(self):
        return self.parent_id != self.pk

    def page_cache_tags(self):
        target = ContentType.objects.get_for_id(self.content_type_id).model_class()
        return [thread_cache_tag(target, self.object_pk), "comment-counts"]


class ReportReason(models.TextChoices):
    DANGER = "danger", _("Someone may be in danger")
    HARMFUL = "harmful", _("It is unkind, harmful or harassing")
    PERSONAL = "personal", _("It shares someone's private details")
    SPAM = "spam", _("It is spam or advertising")
    OTHER = "other", _("Something else")


class CommentReport(models.Model):
    """
    A visitor's word that a published comment needs a moderator's eyes. No
    account, no address and no IP are kept: only what was said, and when.
    """

    comment = models.ForeignKey(
        Comment, on_delete=models.CASCADE, related_name="reports"
    )
    reason = models.CharField(_("reason"), max_length=10, choices=ReportReason)
    note = models.TextField(_("note"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("reported"), default=timezone.now)
    resolved = models.BooleanField(
        _("looked at"),
        default=False,
        help_text=_("Set when a moderator has acted on the comment."),
    )

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.get_reason_display()}: {self.comment}"

    @property
    def is_urgent(self):
        return self.reason == ReportReason.DANGER


class EmailAddress(models.Model):
    """An address that asked for reply notifications, and whether it proved it."""

    email = models.EmailField(_("email"), unique=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)

    class Meta:
        verbose_name = _("commenter email address")
        verbose_name_plural = _("commenter email addresses")

    def __str__(self):
        return self.email

    @classmethod
    def is_confirmed(cls, email):
        return cls.objects.filter(
            email__iexact=email, confirmed_at__isnull=False
        ).exists()

    @classmethod
    def confirm(cls, email):
        address, _created = cls.objects.get_or_create(
            email=email.lower(), defaults={"confirmed_at": timezone.now()}
        )
        if address.confirmed_at is None:
            address.confirmed_at = timezone.now()
            address.save(update_fields=["confirmed_at"])


class ModerationPolicy(models.Model):
    """The one row of moderation rules, editable in the admin."""

    hold_first_comments = models.BooleanField(
        _("hold first-time commenters"),
        default=True,
        help_text=_(
            "A person's first comment waits for a moderator; once one of their "
            "comments is approved, the next ones appear at once."
        ),
    )
    max_links = models.PositiveSmallIntegerField(
        _("hold comments with this many links"),
        default=2,
        help_text=_("0 never holds a comment for its links."),
    )
    moderation_keys = models.TextField(
        _("hold when these appear"),
        blank=True,
        help_text=_(
            "One word or phrase per line, matched in the name, email, website, "
            "text and IP address. Matching comments wait for a moderator."
        ),
    )
    disallowed_keys = models.TextField(
        _("mark as spam when these appear"),
        blank=True,
        help_text=_("One per line, matched like the list above; matches go to spam."),
    )
    crisis_phrases = models.TextField(
        _("crisis phrases"),
        blank=True,
        default="kill myself\nend it all\nno reason to live\nwant to die\nsuicide",
        help_text=_(
            "One per line. A matching comment is never rejected: it is held, "
            "moderators get an urgent email at once, and the commenter sees the "
            "crisis notice."
        ),
    )
    moderator_emails = models.TextField(
        _("moderator email addresses"),
        blank=True,
        help_text=_("One per line. They hear about held comments."),
    )
    close_after_days = models.PositiveIntegerField(
        _("close comments after (days)"),
        default=0,
        help_text=_(
            "Comments close this many days after publication. 0 keeps them open. "
            "An item's own closing date, when set, wins."
        ),
    )
    min_seconds_to_write = models.PositiveSmallIntegerField(
        _("minimum seconds to write"),
        default=3,
        help_text=_("Comments sent faster than this after the page loaded are held."),
    )

    class Meta:
        verbose_name = _("moderation rules")
        verbose_name_plural = _("moderation rules")

    def __str__(self):
        return str(_("Moderation rules"))

    def page_cache_tags(self):
        return ["comment-forms"]

    @classmethod
    def load(cls):
        policy, _created = cls.objects.get_or_create(pk=1)
        return policy

    @staticmethod
    def lines(text):
        return [line.strip().lower() for line in text.splitlines() if line.strip()]

    def moderator_addresses(self):
        return [line for line in self.lines(self.moderator_emails) if "@" in line]
