"""The comments waiting for a moderator, on the editors' dashboard."""

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from comments.models import Comment, CommentStatus
from editorial.dashboard import (
    ITEMS_PER_SECTION,
    Link,
    Section,
    change_url,
    changelist_url,
    section,
    short_date,
)


@section(30)
def comments_section(dashboard):
    if not dashboard.user.has_perm("comments.view_comment"):
        return None
    pending = Comment.objects.filter(status=CommentStatus.PENDING)
    waiting = pending.aggregate(
        total=Count("pk"), urgent=Count("pk", filter=Q(care_hold=True))
    )
    oldest = (
        pending.select_related(None)
        .only("pk", "comment", "user_name", "care_hold", "submit_date")
        .order_by("-care_hold", "submit_date")[:ITEMS_PER_SECTION]
    )
    return Section(
        key="comments",
        title=_("Comments awaiting moderation"),
        count=waiting["total"],
        url=changelist_url(Comment, "status__exact=pending"),
        empty=_("No comments are waiting."),
        items=[
            Link(
                (comment.comment[:60] + "…")
                if len(comment.comment) > 60
                else comment.comment,
                change_url(comment),
                (_("Crisis phrase: read first. ") if comment.care_hold else "")
                + _("by %(name)s, %(date)s")
                % {
                    "name": comment.user_name or _("anonymous"),
                    "date": short_date(comment.submit_date),
                },
            )
            for comment in oldest
        ],
        notice=waiting_notice(**waiting),
        urgent=bool(waiting["urgent"]),
    )


def waiting_notice(total, urgent):
    if not total:
        return ""
    notice = ngettext(
        "%(count)d comment awaiting moderation",
        "%(count)d comments awaiting moderation",
        total,
    ) % {"count": total}
    if urgent:
        notice += " — " + ngettext(
            "%(count)d matched a crisis phrase: read it first.",
            "%(count)d matched a crisis phrase: read them first.",
            urgent,
        ) % {"count": urgent}
    return notice
