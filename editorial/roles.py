"""
The three editorial roles as groups: Editor, Author and Moderator.

They are made after every ``migrate``, once each model's permissions exist, and
brought up to date: a permission missing from a role (removed by hand, or new
with a new model) is added again; nothing is ever taken away.
"""

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.db import DEFAULT_DB_ALIAS

ALL = ("add", "change", "delete", "view")

ROLES = {
    # Publishes anything and looks after pages, events and their registrations,
    # announcements, contact messages, images, tags, redirects, comments.
    "Editor": {
        "articles": {"article": (*ALL, "publish")},
        "pages": {"page": (*ALL, "publish")},
        "images": {"image": ALL},
        "events": {
            "event": (*ALL, "publish"),
            "presenter": ALL,
            "eventpresenter": ALL,
            "eventseries": (*ALL, "publish"),
            "seriesexception": ALL,
        },
        "registrations": {
            "registration": ALL,
            "registrationoptions": ALL,
            "question": ALL,
        },
        "announcements": {"announcement": ALL},
        "contact": {"message": ("change", "delete", "view"), "topic": ALL},
        "wordpress": {"wordpressitem": ("view",)},
        "taggit": {"tag": ALL, "taggeditem": ALL},
        "redirects": {"redirect": ALL},
        "comments": {
            "comment": ("change", "delete", "view"),
            "moderationpolicy": ("change", "view"),
        },
    },
    # Writes and edits their own drafts; an Editor publishes them.
    "Author": {
        "articles": {"article": ("add", "change", "view")},
        # Pictures for their articles: upload and choose, not delete.
        "images": {"image": ("add", "view")},
        "taggit": {"tag": ("view",)},
    },
    # Comments only.
    "Moderator": {
        "comments": {
            "comment": ("change", "delete", "view"),
            "moderationpolicy": ("change", "view"),
        },
    },
}


def create_roles(using=DEFAULT_DB_ALIAS, **kwargs):
    """Make the groups, or add what they lack; a post_migrate receiver too."""
    for app_config in apps.get_app_configs():
        # Django makes permissions app by app after migrate; the roles need
        # those of apps that come later too.
        create_permissions(app_config, verbosity=0, using=using)
    for name, labels in ROLES.items():
        group, _created = Group.objects.using(using).get_or_create(name=name)
        wanted = [
            (label, f"{action}_{model}")
            for label, models in labels.items()
            for model, actions in models.items()
            for action in actions
        ]
        for label, codename in wanted:
            group.permissions.add(
                Permission.objects.using(using).get(
                    content_type__app_label=label, codename=codename
                )
            )
