import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    """Step 1 of 3: a place for the library image next to the old file field."""

    dependencies = [
        ("articles", "0004_article_unpublish_at_and_publish_permission"),
        ("recoverysite", "0005_image_library"),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="library_image",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="recoverysite.image",
            ),
        ),
    ]
