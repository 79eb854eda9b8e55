"""Resized images: made once, recorded, responsive, and never a reason for a 500."""

import re

import pytest
from django.core.files.storage import FileSystemStorage, default_storage
from django.urls import reverse
from PIL import Image

from images.models import Image as LibraryImage
from tests.factories import make_article, make_image, make_image_file


@pytest.fixture
def article(db):
    return make_article(
        title="Lake",
        featured_image=make_image(
            make_image_file("lake.jpg", size=(1600, 900)), alt="A quiet lake at dawn."
        ),
    )


@pytest.fixture
def storage_untouched(monkeypatch):
    """Fails the test if a page opens, checks or writes a stored file."""

    def refuse(*args, **kwargs):
        raise AssertionError("the page used the storage")

    for name in ["exists", "open", "save", "size", "get_modified_time"]:
        monkeypatch.setattr(FileSystemStorage, name, refuse)


def picture(html, alt):
    match = re.search(
        rf"<picture>(?:<source [^>]*>)?"
        rf'<img [^>]*alt="{re.escape(alt)}"[^>]*></picture>',
        html,
    )
    assert match, f"no picture with alt text {alt!r}"
    return match.group(0)


def test_card_picture_has_webp_source_srcset_size_and_lazy_loading(client, article):
    html = picture(client.get(reverse("articles:list")).text, "A quiet lake at dawn.")

    assert '<source type="image/webp" srcset="/media/renditions/card/' in html
    assert re.search(r'srcset="[^"]+-400\.webp 400w, [^"]+-800\.webp 800w"', html)
    assert re.search(r'<img src="[^"]+-800\.jpg" srcset="[^"]+-400\.jpg 400w, ', html)
    assert 'sizes="(min-width: 45rem) 24rem, 100vw"' in html
    assert 'width="800" height="450"' in html
    assert 'loading="lazy"' in html
    assert 'class="card__image"' in html


def test_detail_picture_keeps_proportions_and_loads_eagerly(client, article):
    html = picture(client.get(article.get_absolute_url()).text, "A quiet lake at dawn.")

    assert 'width="1200" height="675"' in html
    assert 'loading="eager"' in html


def test_pages_build_pictures_from_the_record_without_touching_storage(
    client, article, storage_untouched
):
    for url in [reverse("articles:list"), article.get_absolute_url(), "/"]:
        response = client.get(url)
        assert response.status_code == 200
        assert "A quiet lake at dawn." in response.text


def test_renditions_are_made_at_upload_and_have_the_announced_sizes(article):
    record = article.featured_image.renditions["card"]

    for kind, image_format in [("jpeg", "JPEG"), ("webp", "WEBP")]:
        for width, height, name, size in record["files"][kind]:
            assert default_storage.size(name) == size
            with default_storage.open(name) as file, Image.open(file) as image:
                assert image.size == (width, height)
                assert image.format == image_format


def test_small_original_is_not_enlarged_for_the_detail_page(db):
    image = make_image(make_image_file(size=(640, 480)), alt="Small.")

    detail = image.rendition("detail")

    assert [(file.width, file.height) for file in detail.fallback] == [
        (600, 450),
        (640, 480),
    ]


def test_image_moved_into_the_library_gets_its_renditions_once_on_first_use(
    client, article
):
    image = article.featured_image
    # As the data migration leaves it: a file and its size, no renditions yet.
    LibraryImage.objects.filter(pk=image.pk).update(renditions={})

    client.get(reverse("articles:list"))
    recorded = LibraryImage.objects.get(pk=image.pk).renditions
    client.get(reverse("articles:list"))

    assert set(recorded) == {"card"}
    assert LibraryImage.objects.get(pk=image.pk).renditions == recorded


def test_transparent_png_gets_png_fallback_and_webp(client, db):
    upload = make_image_file("diagram.png", image_format="PNG")
    with Image.open(upload) as opaque:
        transparent = opaque.convert("RGBA")
    transparent.putpixel((0, 0), (0, 0, 0, 0))
    upload.seek(0)
    transparent.save(upload, "PNG")
    upload.truncate()
    upload.seek(0)
    make_article(featured_image=make_image(upload, alt="A diagram."))

    html = picture(client.get(reverse("articles:list")).text, "A diagram.")

    assert re.search(r'<img src="[^"]+\.png"', html)
    assert 'type="image/webp"' in html


def test_missing_files_leave_the_image_out_instead_of_failing(client, article):
    image = article.featured_image
    LibraryImage.objects.filter(pk=image.pk).update(renditions={})
    default_storage.delete(image.file.name)

    list_page = client.get(reverse("articles:list"))
    detail_page = client.get(article.get_absolute_url())

    for response in [list_page, detail_page]:
        assert response.status_code == 200
        assert "A quiet lake at dawn." not in response.text
        assert "Lake" in response.text


def test_unreadable_original_leaves_the_image_out(client, article):
    image = article.featured_image
    LibraryImage.objects.filter(pk=image.pk).update(renditions={})
    with default_storage.open(image.file.name, "wb") as file:
        file.write(b"not an image")

    response = client.get(article.get_absolute_url())

    assert response.status_code == 200
    assert "A quiet lake at dawn." not in response.text


def test_article_without_image_has_no_img_tag(client, db):
    article = make_article()

    assert "<img" not in client.get(article.get_absolute_url()).text
