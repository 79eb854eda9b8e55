"""
The editorial roles were made here once; editorial/roles.py now makes them, and
keeps them up to date, after every migrate.
"""

from django.db import migrations


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

    operations = []
