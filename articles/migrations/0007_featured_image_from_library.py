import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    """Step 3 of 3: the old file field goes; the library image takes its name."""

    dependencies = [("articles", "0006_move_featured_images")]

    operations = [
        migrations.RemoveField(model_name="article", name="featured_image"),
        migrations.RemoveField(model_name="article", name="featured_image_alt"),
        migrations.RemoveField(model_name="article", name="featured_image_height"),
        migrations.RemoveField(model_name="article", name="featured_image_width"),
        migrations.RenameField(
            model_name="article", old_name="library_image", new_name="featured_image"
        ),
        migrations.AlterField(
            model_name="article",
            name="featured_image",
            field=models.ForeignKey(
                blank=True,
                help_text=(
                    "Shown on the article's card, at the top of the article and "
                    "when it is shared. Choose a picture from the image library, or "
                    "press + to upload a new one (its description is asked for "
                    "there)."
                ),
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="recoverysite.image",
                verbose_name="featured image",
            ),
        ),
    ]
