"""Step 2 of 3: each article's featured image becomes a row of the image library."""

import posixpath

from django.db import migrations


def to_library(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    Image = apps.get_model("recoverysite", "Image")
    rows = (
        Article.objects.exclude(featured_image="")
        .exclude(featured_image__isnull=True)
        .values_list(
            "pk",
            "title",
            "featured_image",
            "featured_image_alt",
            "featured_image_width",
            "featured_image_height",
        )
    )
    for pk, title, name, alt, width, height in rows.iterator():
        image = Image.objects.filter(file=name).first()
        if image is None:
            # Renditions are made on first use and recorded on the row.
            image = Image.objects.create(
                file=name,
                alt=(alt.strip() or title)[:250],
                width=width or 0,
                height=height or 0,
                original_name=posixpath.basename(name)[:200],
                renditions={},
            )
        Article.objects.filter(pk=pk).update(library_image=image)


def from_library(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    for article in Article.objects.exclude(library_image=None).select_related(
        "library_image"
    ):
        image = article.library_image
        Article.objects.filter(pk=article.pk).update(
            featured_image=image.file.name,
            featured_image_alt=image.alt,
            featured_image_width=image.width or None,
            featured_image_height=image.height or None,
        )


class Migration(migrations.Migration):
    dependencies = [("articles", "0005_featured_image_library")]

    operations = [migrations.RunPython(to_library, from_library)]
