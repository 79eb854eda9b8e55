"""
The admin site: the dashboard as its index, and its navigation by task.

Editors and moderators see their work grouped as they do it (Write, Events,
Comments, Library, Site), each group holding only what the person may open.
What no group names (sign-in attempts, tasks, outgoing emails, imported WordPress
items, the libraries' own tables) is machinery, listed for superusers alone.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

# (key, name, models by their labels), in the order the navigation shows them.
TASKS = [
    ("write", _("Write"), ["articles.Article", "pages.Page"]),
    (
        "events",
        _("Events"),
        [
            "events.Event",
            "events.EventSeries",
            "events.Presenter",
            "registrations.Registration",
            "registrations.RegistrationOptions",
            "registrations.Question",
        ],
    ),
    (
        "comments",
        _("Comments"),
        ["comments.Comment", "comments.ModerationPolicy", "comments.EmailAddress"],
    ),
    ("library", _("Library"), ["images.Image"]),
    (
        "site",
        _("Site"),
        [
            "recoverysite.SiteSettings",
            "announcements.Announcement",
            "contact.Message",
            "contact.Topic",
            "subscriptions.Digest",
            "subscriptions.NewItem",
            "subscriptions.Subscriber",
            "redirects.Redirect",
            "recoverysite.User",
        ],
    ),
]


def task_group(key, name, models):
    # Shaped like one of the admin's applications, for its templates.
    return {
        "name": name,
        "app_label": key,
        "app_url": models[0]["admin_url"],
        "has_module_perms": True,
        "models": models,
    }


class AdminSite(admin.AdminSite):
    index_template = "admin/site_index.html"

    def get_app_list(self, request, app_label=None):
        if app_label is not None:
            # An application's own page lists its models as usual.
            return super().get_app_list(request, app_label)
        models = {
            model["model"]._meta.label: model
            for application in super().get_app_list(request)
            for model in application["models"]
        }
        groups = []
        for key, name, labels in TASKS:
            found = [models.pop(label) for label in labels if label in models]
            if found:
                groups.append(task_group(key, name, found))
        if models and request.user.is_superuser:
            machinery = sorted(models.values(), key=lambda model: str(model["name"]))
            groups.append(task_group("machinery", _("Machinery"), machinery))
        return groups
