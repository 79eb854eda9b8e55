"""Run by both releases: what the site holds, as JSON."""

import json

from django.apps import apps
from django.contrib.redirects.models import Redirect
from reversion.models import Version


def model(name):
    """Page, Image and WordPressItem, whichever app holds them."""
    return next(m for m in apps.get_models() if m.__name__ == name)


def alt(image):
    return image.alt if image else None


Article = apps.get_model("articles", "Article")
Event = apps.get_model("events", "Event")
Presenter = apps.get_model("events", "Presenter")
Comment = apps.get_model("comments", "Comment")
SiteSettings = apps.get_model("recoverysite", "SiteSettings")

snapshot = {
    "articles": sorted(
        [a.slug, a.title, alt(a.featured_image), sorted(t.name for t in a.tags.all())]
        for a in Article.objects.all()
    ),
    "pages": sorted(
        [p.get_absolute_url(), p.title] for p in model("Page").objects.all()
    ),
    "images": sorted(
        [i.file.name, i.alt, i.width] for i in model("Image").objects.all()
    ),
    "events": sorted(
        [e.slug, e.title, alt(e.featured_image)] for e in Event.objects.all()
    ),
    "presenters": sorted([p.slug, alt(p.photo)] for p in Presenter.objects.all()),
    "comments": sorted(
        [
            c.content_type.model,
            c.object_pk,
            c.user_name,
            c.comment[:40],
            c.status,
            c.thread_id,
            c.parent_id,
            c.order,
        ]
        for c in Comment.objects.all()
    ),
    "revisions": sorted(
        [v.content_type.model, v.object_id, v.field_dict.get("title")]
        for v in Version.objects.all()
    ),
    "redirects": sorted([r.old_path, r.new_path] for r in Redirect.objects.all()),
    "imported": sorted(
        [w.kind, w.wp_id, w.content_type.model, str(w.content_object)]
        for w in model("WordPressItem").objects.all()
    ),
    "site": [str(SiteSettings.load().start_page)],
}
print(json.dumps(snapshot))
