"""
Emails to subscribers, written by the worker (subscriptions/tasks.py): each
with a plain-text and an HTML part, the signed preferences link and the
one-click unsubscribe headers of RFC 8058. Links go straight to the site: no
tracking pixel, no rewritten address.
"""

from django.conf import settings
from django.utils.functional import lazy

from mail.messages import site_email
from subscriptions import links


def unsubscribe_headers(subscriber):
    return {
        "List-Unsubscribe": f"<{links.link(subscriber, 'unsubscribe', absolute=True)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def message_for(subscriber, name, context=None):
    """The email ``subscriptions/emails/<name>.txt`` and ``.html`` make."""
    return site_email(
        subscriber.email,
        f"subscriptions/emails/{name}.txt",
        {
            "subscriber": subscriber,
            "preferences_url": links.link(subscriber, "preferences", absolute=True),
            "unsubscribe_url": links.link(subscriber, "unsubscribe", absolute=True),
            **(context or {}),
        },
        headers=unsubscribe_headers(subscriber),
        html_template=f"subscriptions/emails/{name}.html",
        language=subscriber.language,
    )


def confirmation(subscriber):
    """The double opt-in: a link to confirm, or the preferences of one confirmed."""
    if subscriber.status == subscriber.Status.CONFIRMED:
        return message_for(subscriber, "already_subscribed")
    return message_for(
        subscriber,
        "confirm",
        {"confirm_url": links.link(subscriber, "confirm", absolute=True)},
    )


def item_context(item):
    return {
        "title": item.title,
        "summary": item.summary,
        "url": settings.SITE_URL + item.get_absolute_url(),
        # Written when each email is, in its subscriber's language.
        "when": lazy(lambda: item.when, str)() if hasattr(item, "when") else "",
    }


def new_item(subscriber, new, item_context):
    return message_for(subscriber, "new_item", {"kind": new.kind, "item": item_context})


def digest_contexts(items):
    """{kind: [item contexts]} of ``digest_items()``, made once per batch."""
    return {
        kind: [item_context(item) for item in found] for kind, found in items.items()
    }


def digest(subscriber, contexts):
    """The weekly digest of ``contexts`` (``digest_contexts()``) this subscriber
    asked for, or None when it would be empty."""
    articles = contexts["articles"] if subscriber.wants("articles") else []
    events = contexts["events"] if subscriber.wants("events") else []
    if not (articles or events):
        return None
    return message_for(subscriber, "digest", {"articles": articles, "events": events})
