"""
The three editorial roles as groups: Editor, Author and Moderator.

Permissions are normally created after all migrations have run (post_migrate), so
on a fresh database they do not exist yet here: they are created first. Running
this again (or on a database where the groups exist) only adds what is missing.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ALL = ("add", "change", "delete", "view")

ROLES = {
    # Publishes anything and looks after pages, events, images, tags, redirects,
    # comments.
    "Editor": {
        "articles": {"article": (*ALL, "publish"), "wordpressitem": ("view",)},
        "recoverysite": {"page": (*ALL, "publish"), "image": ALL},
        "events": {
            "event": (*ALL, "publish"),
            "presenter": ALL,
            "eventpresenter": ALL,
        },
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
        "recoverysite": {"image": ("add", "view")},
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


def create_roles(apps, schema_editor):
    db = schema_editor.connection.alias
    for label in {label for role in ROLES.values() for label in role}:
        app_config = apps.get_app_config(label)
        # Historical app configs have no models module, which create_permissions
        # takes as "nothing to do".
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = models_module or True
        create_permissions(app_config, apps=apps, verbosity=0, using=db)
        app_config.models_module = models_module
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, apps_models in ROLES.items():
        group, _created = Group.objects.using(db).get_or_create(name=name)
        codenames = [
            (label, f"{action}_{model}")
            for label, models in apps_models.items()
            for model, actions in models.items()
            for action in actions
        ]
        for label, codename in codenames:
            permission = Permission.objects.using(db).get(
                content_type__app_label=label, codename=codename
            )
            group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("recoverysite", "0005_image_library"),
        ("articles", "0004_article_unpublish_at_and_publish_permission"),
        ("events", "0003_event_unpublish_at_presenter_updated_at"),
        ("comments", "0001_initial"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("redirects", "0002_alter_redirect_new_path_help_text"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
