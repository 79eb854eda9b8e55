"""
Pictures now point at the image library's own app. Nothing changes in the
database: the table is the same.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0006_images_from_library"),
        ("images", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="event",
                    name="featured_image",
                    field=models.ForeignKey(
                        blank=True,
                        help_text=(
                            "Shown on the event's card, on its page, behind the "
                            "recording and when it is shared. Choose a picture from "
                            "the image library, or press + to upload a new one."
                        ),
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="images.image",
                        verbose_name="featured image",
                    ),
                ),
                migrations.AlterField(
                    model_name="presenter",
                    name="photo",
                    field=models.ForeignKey(
                        blank=True,
                        help_text=(
                            "Shown as a circle; a face in the middle works best. "
                            "Choose one from the image library, or press + to "
                            "upload it (with its description)."
                        ),
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="images.image",
                        verbose_name="photo",
                    ),
                ),
            ],
        ),
    ]
