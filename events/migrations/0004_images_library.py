import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    """Step 1 of 3: places for library images next to the old file fields."""

    dependencies = [
        ("events", "0003_event_unpublish_at_presenter_updated_at"),
        ("recoverysite", "0005_image_library"),
    ]

    operations = [
        migrations.AddField(
            model_name="event",
            name="library_image",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="recoverysite.image",
            ),
        ),
        migrations.AddField(
            model_name="presenter",
            name="library_photo",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="recoverysite.image",
            ),
        ),
    ]
