"""Step 2 of 3: event images and presenter photos become image-library rows."""

import posixpath

from django.db import migrations


def move(model, Image, old, alt_field, new, fallback_alt):
    rows = (
        model.objects.exclude(**{old: ""})
        .exclude(**{f"{old}__isnull": True})
        .values_list(
            "pk", fallback_alt, old, alt_field, f"{old}_width", f"{old}_height"
        )
    )
    for pk, fallback, name, alt, width, height in rows.iterator():
        image = Image.objects.filter(file=name).first()
        if image is None:
            # Renditions are made on first use and recorded on the row.
            image = Image.objects.create(
                file=name,
                alt=(alt.strip() or fallback)[:250],
                width=width or 0,
                height=height or 0,
                original_name=posixpath.basename(name)[:200],
                renditions={},
            )
        model.objects.filter(pk=pk).update(**{new: image})


def to_library(apps, schema_editor):
    Image = apps.get_model("recoverysite", "Image")
    Event = apps.get_model("events", "Event")
    Presenter = apps.get_model("events", "Presenter")
    move(Event, Image, "featured_image", "featured_image_alt", "library_image", "title")
    move(Presenter, Image, "photo", "photo_alt", "library_photo", "name")


def back(model, old, alt_field, new):
    for obj in model.objects.exclude(**{new: None}).select_related(new):
        image = getattr(obj, new)
        model.objects.filter(pk=obj.pk).update(
            **{
                old: image.file.name,
                alt_field: image.alt,
                f"{old}_width": image.width or None,
                f"{old}_height": image.height or None,
            }
        )


def from_library(apps, schema_editor):
    Event = apps.get_model("events", "Event")
    Presenter = apps.get_model("events", "Presenter")
    back(Event, "featured_image", "featured_image_alt", "library_image")
    back(Presenter, "photo", "photo_alt", "library_photo")


class Migration(migrations.Migration):
    dependencies = [("events", "0004_images_library")]

    operations = [migrations.RunPython(to_library, from_library)]
