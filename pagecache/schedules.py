"""
When cached pages change by themselves, with no save to outdate them.

A scheduled article appears on the home page, the article list, the feeds and
the sitemap at its publication date; an item leaves them at its unpublish date;
an event moves from the upcoming list to the past one when it ends. The apps
that own such content register, for the page-cache tag their pages depend on, a
function that returns the next such moment after ``now`` (or None). A page that
depends on the tag then expires at that moment (``Expires``), so neither the
page cache nor a browser keeps it past then.

The next moment of each tag is kept in the cache under the tag's version: a save
gives the tag a new version, so it is read afresh then, and again once it has
passed. Between the two, pages are made without asking the database for it.
"""

import datetime

from django.core.cache import cache
from django.utils import timezone

from pagecache.tags import KEY_PREFIX, current_versions

# Unused keys of old versions go after a day, also in a cache without eviction.
KEEP_SECONDS = 24 * 60 * 60
NOTHING_SCHEDULED = 0

# tag -> functions of ``now`` returning the next change of content with that tag.
schedules = {}


def on_schedule(tag, next_change_after):
    """Pages depending on ``tag`` expire at ``next_change_after(now)``."""
    schedules.setdefault(tag, []).append(next_change_after)


def next_change(tags):
    """The earliest moment at which content of ``tags`` changes by itself, or None."""
    scheduled = [tag for tag in tags if tag in schedules]
    if not scheduled:
        return None
    now = timezone.now()
    keys = {
        tag: f"{KEY_PREFIX}:next:{tag}:{version}"
        for tag, version in current_versions(scheduled).items()
    }
    known = cache.get_many(keys.values())
    moments = []
    for tag, key in keys.items():
        stamp = known.get(key)
        if stamp is None or NOTHING_SCHEDULED < stamp <= now.timestamp():
            moment = min(
                filter(None, (after(now) for after in schedules[tag])), default=None
            )
            stamp = moment.timestamp() if moment else NOTHING_SCHEDULED
            cache.set(key, stamp, KEEP_SECONDS)
        if stamp != NOTHING_SCHEDULED:
            moments.append(datetime.datetime.fromtimestamp(stamp, tz=datetime.UTC))
    return min(moments, default=None)


def kept(name, tags, make):
    """
    ``make()``'s result, read from the cache while the content of ``tags`` is
    unchanged: until one of them gets a new version or reaches its next
    scheduled change. For what a page reads the same way on every visit.
    """
    versions = current_versions(tags)
    if None in versions.values():
        return make()  # the cache cannot be reached: nothing can be kept
    key = f"{KEY_PREFIX}:kept:{name}:" + ":".join(versions[tag] for tag in tags)
    now = timezone.now()
    found = cache.get(key)
    if found is not None:
        value, until = found
        if until is None or now.timestamp() < until:
            return value
    value = make()
    moment = next_change(tags)
    until = moment.timestamp() if moment else None
    cache.set(key, (value, until), KEEP_SECONDS)
    return value
