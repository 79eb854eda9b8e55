"""Resized images: made once, described in the HTML, and never a reason for a 500."""

import re

import pytest
from django.core.files.storage import FileSystemStorage, default_storage
from django.urls import reverse
from PIL import Image

from recoverysite.renditions import get_rendition, rendition_name
from tests.factories import make_article, make_image_file


@pytest.fixture
def article(db):
    return make_article(
        title="Lake",
        featured_image=make_image_file("lake.jpg", size=(1600, 900)),
        featured_image_alt="A quiet lake at dawn.",
    )


@pytest.fixture
def rendition_saves(monkeypatch):
    """The names of the renditions written to storage."""
    saved = []
    original_save = FileSystemStorage.save

    def save(storage, name, content, *args, **kwargs):
        if name.startswith("renditions/"):
            saved.append(name)
        return original_save(storage, name, content, *args, **kwargs)

    monkeypatch.setattr(FileSystemStorage, "save", save)
    return saved


def img_tag(html, alt):
    match = re.search(rf'<img [^>]*alt="{re.escape(alt)}"[^>]*>', html)
    assert match, f"no image with alt text {alt!r}"
    return match.group(0)


def test_card_image_has_size_lazy_loading_and_alt_text(client, article):
    tag = img_tag(client.get(reverse("articles:list")).text, "A quiet lake at dawn.")

    assert 'width="800"' in tag
    assert 'height="450"' in tag
    assert 'loading="lazy"' in tag
    assert 'src="/media/renditions/card/articles/' in tag


def test_detail_image_keeps_proportions_and_loads_eagerly(client, article):
    tag = img_tag(client.get(article.get_absolute_url()).text, "A quiet lake at dawn.")

    assert 'width="1200"' in tag
    assert 'height="675"' in tag
    assert 'loading="eager"' in tag


def test_rendition_file_has_the_size_the_html_announces(article):
    rendition = get_rendition(article.featured_image, "card")

    name = rendition_name(article.featured_image.name, "card")
    with default_storage.open(name) as file, Image.open(file) as image:
        assert image.size == (rendition.width, rendition.height) == (800, 450)
        assert image.format == "JPEG"


def test_small_original_is_not_enlarged_for_the_detail_page(db):
    article = make_article(
        featured_image=make_image_file(size=(640, 480)), featured_image_alt="Small."
    )

    rendition = get_rendition(article.featured_image, "detail")

    assert (rendition.width, rendition.height) == (640, 480)


def test_rendition_is_made_once_and_reused(client, article, rendition_saves):
    url = reverse("articles:list")
    client.get(url)
    name = rendition_name(article.featured_image.name, "card")
    first_mtime = default_storage.get_modified_time(name)

    client.get(url)
    client.get(reverse("home"))

    assert rendition_saves == [name]
    assert default_storage.get_modified_time(name) == first_mtime


def test_png_original_becomes_a_jpeg_rendition(client, db):
    make_article(
        featured_image=make_image_file("diagram.png", image_format="PNG"),
        featured_image_alt="A diagram.",
    )

    tag = img_tag(client.get(reverse("articles:list")).text, "A diagram.")

    assert ".jpg" in tag


def test_originals_with_the_same_name_but_another_format_get_their_own_rendition(
    db,
):
    jpeg = make_article(
        featured_image=make_image_file("photo.jpg", size=(1600, 900)),
        featured_image_alt="A photo.",
    )
    png = make_article(
        featured_image=make_image_file(
            "photo.png", size=(900, 1600), image_format="PNG"
        ),
        featured_image_alt="A drawing.",
    )

    assert get_rendition(jpeg.featured_image, "detail").url != (
        get_rendition(png.featured_image, "detail").url
    )


def test_missing_original_leaves_the_image_out_instead_of_failing(client, article):
    default_storage.delete(article.featured_image.name)

    list_page = client.get(reverse("articles:list"))
    detail_page = client.get(article.get_absolute_url())

    for response in [list_page, detail_page]:
        assert response.status_code == 200
        assert "A quiet lake at dawn." not in response.text
        assert "Lake" in response.text


def test_unreadable_original_leaves_the_image_out(client, article):
    with open(article.featured_image.path, "wb") as file:
        file.write(b"not an image")

    response = client.get(article.get_absolute_url())

    assert response.status_code == 200
    assert "A quiet lake at dawn." not in response.text


def test_article_without_image_has_no_img_tag(client, db):
    article = make_article()

    assert "<img" not in client.get(article.get_absolute_url()).text
