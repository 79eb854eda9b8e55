from django.core.cache import cache
from django.utils import timezone

from announcements.models import CACHE_TAG, Announcement
from pagecache.tags import add_cache_tags, current_versions

# How long the list of coming announcements is kept without a change: pages made
# meanwhile read it from the cache instead of the database.
LIST_SECONDS = 300


def announcements(request):
    """
    The announcements showing now. The page depends on them, and no cache keeps
    it past the next start or end (``AnnouncementExpiryMiddleware`` says when).
    """

    def showing():
        now = timezone.now()
        if getattr(request, "cache_tags", None):
            # Only pages their view lets the cache keep; search and errors stay so.
            add_cache_tags(request, CACHE_TAG)
        coming = not_ended(now)
        showing = [a for a in coming if a.starts_at <= now < a.ends_at]
        moments = [a.starts_at for a in coming if a.starts_at > now]
        moments += [a.ends_at for a in coming if a.ends_at > now]
        request.announcements_change_at = min(moments, default=None)
        return showing

    # Lazy: pages that never render the bar (admin, feeds) do no work for it.
    return {"announcements": showing}


def not_ended(now):
    """
    Announcements not yet ended, kept in the cache under the tag's version: a
    saved announcement gives the tag a new version, so the list is read afresh.
    """
    version = current_versions([CACHE_TAG])[CACHE_TAG]
    key = f"announcements:{version}"
    coming = cache.get(key)
    if coming is None:
        coming = list(Announcement.objects.not_ended(now))
        cache.set(key, coming, LIST_SECONDS)
    return [a for a in coming if a.ends_at > now]
