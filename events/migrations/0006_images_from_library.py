import django.db.models.deletion
from django.db import migrations, models

import images.uploads


class Migration(migrations.Migration):
    """
    Step 3 of 3: the old file fields go and the library images take their
    names; handouts and captions get checked formats and generated names.
    """

    dependencies = [("events", "0005_move_images")]

    operations = [
        migrations.RemoveField(model_name="event", name="featured_image"),
        migrations.RemoveField(model_name="event", name="featured_image_alt"),
        migrations.RemoveField(model_name="event", name="featured_image_height"),
        migrations.RemoveField(model_name="event", name="featured_image_width"),
        migrations.RenameField(
            model_name="event", old_name="library_image", new_name="featured_image"
        ),
        migrations.RemoveField(model_name="presenter", name="photo"),
        migrations.RemoveField(model_name="presenter", name="photo_alt"),
        migrations.RemoveField(model_name="presenter", name="photo_height"),
        migrations.RemoveField(model_name="presenter", name="photo_width"),
        migrations.RenameField(
            model_name="presenter", old_name="library_photo", new_name="photo"
        ),
        migrations.AlterField(
            model_name="event",
            name="captions_file",
            field=models.FileField(
                blank=True,
                help_text="A WebVTT (.vtt) file, offered as a download. Most caption services and video sites export it.",
                upload_to=images.uploads.captions_name,
                validators=[images.uploads.validate_webvtt],
                verbose_name="captions file",
            ),
        ),
        migrations.AlterField(
            model_name="event",
            name="featured_image",
            field=models.ForeignKey(
                blank=True,
                help_text="Shown on the event's card, on its page, behind the recording and when it is shared. Choose a picture from the image library, or press + to upload a new one.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="recoverysite.image",
                verbose_name="featured image",
            ),
        ),
        migrations.AlterField(
            model_name="event",
            name="handout_file",
            field=models.FileField(
                blank=True,
                help_text="Slides or notes for participants, as a PDF (every word processor and slide program can save one). Offered as a download.",
                upload_to=images.uploads.handout_name,
                validators=[images.uploads.validate_pdf],
                verbose_name="handout",
            ),
        ),
        migrations.AlterField(
            model_name="presenter",
            name="photo",
            field=models.ForeignKey(
                blank=True,
                help_text="Shown as a circle; a face in the middle works best. Choose one from the image library, or press + to upload it (with its description).",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="recoverysite.image",
                verbose_name="photo",
            ),
        ),
    ]
