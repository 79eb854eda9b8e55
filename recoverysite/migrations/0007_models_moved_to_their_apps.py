"""
Pages, the image library and the record of imported WordPress items moved to
apps of their own. Their tables and rows stay (the apps' next migrations rename
the tables); what names them by app moves with them: the content type (and with
it permissions, editorial roles, admin history and the importer's records) and
the stored revisions, whose data names the model.
"""

import json

import django.db.models.deletion
from django.db import migrations, models

MOVES = [
    ("recoverysite", "pages", "page"),
    ("recoverysite", "images", "image"),
    ("articles", "wordpress", "wordpressitem"),
]


def move_content_types(apps, schema_editor, moves):
    db = schema_editor.connection.alias
    ContentType = apps.get_model("contenttypes", "ContentType")
    Version = apps.get_model("reversion", "Version")
    for old_app, new_app, model in moves:
        old = ContentType.objects.using(db).filter(app_label=old_app, model=model)
        if not old.exists():
            continue
        # A content type made for the new app by an earlier, partial migrate
        # holds only its automatic permissions: it gives way to the old one,
        # which keeps everything that points at it.
        ContentType.objects.using(db).filter(app_label=new_app, model=model).delete()
        old.update(app_label=new_app)
        old_label, new_label = f"{old_app}.{model}", f"{new_app}.{model}"
        versions = Version.objects.using(db).filter(
            content_type__app_label=new_app, content_type__model=model, format="json"
        )
        for version in versions:
            data = json.loads(version.serialized_data)
            for item in data:
                if item.get("model") == old_label:
                    item["model"] = new_label
            version.serialized_data = json.dumps(data)
            version.save(update_fields=["serialized_data"])


def forwards(apps, schema_editor):
    move_content_types(apps, schema_editor, MOVES)


def backwards(apps, schema_editor):
    move_content_types(
        apps, schema_editor, [(new, old, model) for old, new, model in MOVES]
    )


def page_link(verbose_name, help_text):
    return models.ForeignKey(
        blank=True,
        help_text=help_text,
        null=True,
        on_delete=django.db.models.deletion.SET_NULL,
        related_name="+",
        to="pages.page",
        verbose_name=verbose_name,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("recoverysite", "0006_editorial_roles"),
        ("pages", "0001_initial"),
        ("images", "0001_initial"),
        ("wordpress", "0001_initial"),
        ("articles", "0008_models_moved_to_their_apps"),
        ("events", "0007_images_moved_to_their_app"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("reversion", "0002_add_index_on_version_for_content_type_and_db"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="sitesettings",
                    name="start_page",
                    field=page_link(
                        "start page",
                        "The welcome line links here, e.g. Questions and Answers.",
                    ),
                ),
                migrations.AlterField(
                    model_name="sitesettings",
                    name="comment_guidelines",
                    field=page_link(
                        "comment guidelines page", "Linked from every comment form."
                    ),
                ),
                migrations.AlterField(
                    model_name="sitesettings",
                    name="privacy_page",
                    field=page_link(
                        "privacy page",
                        "Linked from the footer of every page: what the site stores "
                        "about visitors and commenters, and for how long.",
                    ),
                ),
                migrations.RemoveField(model_name="page", name="parent"),
                migrations.DeleteModel(name="Page"),
                migrations.DeleteModel(name="Image"),
            ],
        ),
        migrations.RunPython(forwards, backwards),
    ]
