"""
What a cached page depends on, as tags with versions.

A view that may be cached names the content its page depends on ("articles",
"events", the comments of one article…) with ``cache_tags``. Each tag has a
version in the cache; a saved page remembers the versions it was made with and is
served only while they are unchanged. Saving an article bumps the "articles"
version, approving a comment bumps that article's comment tag: those pages, and
only those, are made again on their next visit.

Each model says which tags a change of one of its rows makes outdated with a
``page_cache_tags()`` method; models of libraries are declared with ``declare()``
by the app that shows them. A model whose rows are also saved for reasons no page
shows (a user's sign-in time) names those fields in ``page_cache_ignored_fields``:
a save of only those fields outdates nothing.
"""

import uuid
from functools import wraps

from django.core.cache import cache
from django.db import transaction

KEY_PREFIX = "page"
# Changes with every invalidation anywhere: while it is the one a copy was last
# checked at, nothing the copy depends on can have changed, and serving it takes
# one read more than the copy itself instead of one per tag.
CHANGE_KEY = f"{KEY_PREFIX}:last-change"

# Models without a page_cache_tags() method of their own: model -> functions.
declared_tags = {}


def cache_tags(*tags):
    """A view decorator: the view's pages may be cached and depend on ``tags``."""

    def decorator(view):
        @wraps(view)
        def tagged_view(request, *args, **kwargs):
            add_cache_tags(request, *tags)
            return view(request, *args, **kwargs)

        return tagged_view

    return decorator


def add_cache_tags(request, *tags):
    request.cache_tags = getattr(request, "cache_tags", set()) | set(tags)


def invalidate(*tags):
    """Give ``tags`` new versions once the current transaction is saved."""

    def bump():
        cache.set_many({version_key(tag): uuid.uuid4().hex for tag in tags}, None)
        # After the versions: whoever reads this new mark finds them changed.
        cache.set(CHANGE_KEY, uuid.uuid4().hex, None)

    transaction.on_commit(bump)


def version_key(tag):
    return f"{KEY_PREFIX}:tag:{tag}"


def last_change():
    """The mark of the latest invalidation (a new one if the cache has none)."""
    if (mark := cache.get(CHANGE_KEY)) is None:
        cache.add(CHANGE_KEY, uuid.uuid4().hex, None)
        mark = cache.get(CHANGE_KEY)
    return mark


def current_versions(tags):
    keys = {tag: version_key(tag) for tag in tags}
    found = cache.get_many(keys.values())
    versions = {}
    for tag, key in keys.items():
        if key not in found:
            cache.add(key, uuid.uuid4().hex, None)
            found[key] = cache.get(key)
        versions[tag] = found[key]
    return versions


def declare(model, tags_of):
    """Rows of ``model`` (a library's) outdate the tags ``tags_of(row)`` returns."""
    declared_tags.setdefault(model, []).append(tags_of)


def tags_for_change(instance):
    """The page-cache tags a saved or deleted row makes outdated."""
    tags = []
    if own := getattr(instance, "page_cache_tags", None):
        tags += own()
    for model, functions in declared_tags.items():
        if isinstance(instance, model):
            tags += [tag for tags_of in functions for tag in tags_of(instance)]
    return list(dict.fromkeys(tags))


def on_change(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw:
        return
    if update_fields and update_fields <= getattr(
        instance, "page_cache_ignored_fields", frozenset()
    ):
        return
    if tags := tags_for_change(instance):
        invalidate(*tags)
