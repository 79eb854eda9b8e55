"""
The featured image now points at the image library's own app, and the record of
imported WordPress items belongs to the wordpress app. Nothing changes in the
database: the tables are the same.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0007_featured_image_from_library"),
        ("images", "0001_initial"),
        ("wordpress", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="article",
                    name="featured_image",
                    field=models.ForeignKey(
                        blank=True,
                        help_text=(
                            "Shown on the article's card, at the top of the article "
                            "and when it is shared. Choose a picture from the image "
                            "library, or press + to upload a new one (its "
                            "description is asked for there)."
                        ),
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="images.image",
                        verbose_name="featured image",
                    ),
                ),
                migrations.DeleteModel(name="WordPressItem"),
            ],
        ),
    ]
