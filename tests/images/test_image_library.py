"""The image library: admin pages, reuse, inline pictures in text, deletion."""

import re

import pytest
from django.core.files.storage import FileSystemStorage
from django.urls import reverse

from images.models import Image as LibraryImage
from recoverysite.rich_text import sanitize_html
from tests.factories import (
    make_article,
    make_event,
    make_image,
    make_image_file,
    make_page,
    make_presenter,
)
from tests.upload_files import photo_with_gps, upload

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:images_image_changelist")


def change_url(image):
    return reverse("admin:images_image_change", args=[image.pk])


def test_upload_in_the_admin_stamps_who_and_keeps_the_details(staff_client):
    response = staff_client.post(
        reverse("admin:images_image_add"),
        {
            "upload": upload("IMG_0042.JPG", photo_with_gps()),
            "alt": "Two chairs by a window.",
            "caption": "The listening room.",
            "credit": "Photo: Sam Lee",
        },
    )

    assert response.status_code == 302
    image = LibraryImage.objects.get()
    assert image.uploaded_by.username == "editor"
    assert (image.alt, image.caption, image.credit) == (
        "Two chairs by a window.",
        "The listening room.",
        "Photo: Sam Lee",
    )
    assert image.original_name == "IMG_0042.JPG"
    assert set(image.renditions) == {"card", "detail", "social", "thumbnail"}


def test_upload_without_alt_text_is_refused_and_nothing_is_stored(
    staff_client, settings
):
    response = staff_client.post(
        reverse("admin:images_image_add"),
        {"upload": upload("a.jpg", photo_with_gps()), "alt": "", "credit": "Sam"},
    )

    assert response.status_code == 200
    assert "This field is required." in response.text
    assert "Say what the picture shows" in response.text
    assert not LibraryImage.objects.exists()
    assert not list(settings.MEDIA_ROOT.rglob("*.*"))


def test_list_shows_thumbnails_and_finds_by_description(staff_client):
    make_image(alt="A quiet lake at dawn.")
    make_image(alt="Two chairs.")

    html = staff_client.get(CHANGELIST, {"q": "lake"}).text

    assert "A quiet lake at dawn." in html
    assert "Two chairs." not in html
    assert re.search(r'<img src="/media/renditions/thumbnail/[^"]+"', html)


def test_change_page_lists_everything_that_uses_the_image(staff_client):
    image = make_image(alt="A quiet lake.")
    article = make_article(title="Hope", featured_image=image)
    event = make_event(title="Listening", featured_image=image)
    presenter = make_presenter(name="Maya", photo=image)
    page = make_page(title="About", body=f'<p><img src="{image.url}" alt="Lake"></p>')
    make_article(title="Unrelated", featured_image=make_image())

    html = staff_client.get(change_url(image)).text

    for obj, how in [
        (article, "featured image"),
        (event, "featured image"),
        (presenter, "photo"),
        (page, "in the text"),
    ]:
        admin_url = reverse(
            f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change",
            args=[obj.pk],
        )
        assert f'<a href="{admin_url}">{obj}</a> ({how})' in html
    assert "Unrelated" not in html


def test_an_image_in_use_cannot_be_deleted(staff_client):
    image = make_image(alt="A quiet lake.")
    make_article(title="Hope", featured_image=image)
    make_page(title="About", body=f'<p><img src="{image.url}" alt="Lake"></p>')
    delete_url = reverse("admin:images_image_delete", args=[image.pk])

    page = staff_client.get(delete_url)
    staff_client.post(delete_url, {"post": "yes"})

    assert "would require deleting the following protected related objects" in (
        page.text
    )
    assert "Hope" in page.text
    assert "About (in the text)" in page.text
    assert LibraryImage.objects.filter(pk=image.pk).exists()


def test_an_unused_image_is_deleted_with_its_files(
    staff_client, django_capture_on_commit_callbacks, settings
):
    image = make_image(alt="A quiet lake.")
    delete_url = reverse("admin:images_image_delete", args=[image.pk])

    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(delete_url, {"post": "yes"})

    assert not LibraryImage.objects.exists()
    assert not list(settings.MEDIA_ROOT.rglob("*.*"))


def test_picker_lists_images_for_the_editor_and_uploads_new_ones(staff_client):
    image = make_image(alt="A quiet lake.", caption="At dawn.")
    url = reverse("admin:images_image_picker") + "?CKEditorFuncNum=-1"

    listing = staff_client.get(url).text
    uploaded = staff_client.post(
        url, {"upload": upload("b.jpg", photo_with_gps()), "alt": "A bench."}
    ).text

    assert f'data-url="{image.url}" data-id="{image.pk}"' in listing
    assert 'data-alt="A quiet lake." data-caption="At dawn."' in listing
    assert 'data-callback="-1"' in listing
    new = LibraryImage.objects.get(alt="A bench.")
    assert f'data-chosen data-url="{new.url}"' in uploaded


def test_picker_is_for_staff_only(client):
    response = client.get(reverse("admin:images_image_picker"))

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_editor_offers_the_library_picker_in_the_figure_dialog(staff_client):
    html = staff_client.get(reverse("admin:articles_article_add")).text

    assert '"Figure":{"pickerUrl":"/admin/images/image/picker/"}' in (
        html.replace("&quot;", '"')
    )


# Pictures in rich text


def test_sanitiser_keeps_library_pictures_with_alt_and_caption():
    html = sanitize_html(
        '<figure class="figure"><img src="/media/images/a.jpg" alt="A lake" '
        'data-file="3" width="9" onerror="alert(1)"><figcaption>Dawn'
        "</figcaption></figure>"
    )

    assert html == (
        '<figure><img src="/media/images/a.jpg" alt="A lake" data-file="3">'
        "<figcaption>Dawn</figcaption></figure>"
    )


@pytest.mark.parametrize(
    "src",
    [
        "https://tracker.example/pixel.gif",
        "//tracker.example/pixel.gif",
        "/media/../secret.png",
        "/static/x.png",
        "data:image/png;base64,AAAA",
        "javascript:alert(1)",
        "/media/a b.png",
    ],
)
def test_sanitiser_drops_pictures_from_anywhere_but_our_media(src):
    html = sanitize_html(f'<p>Text<img src="{src}" alt="x"></p>')

    assert html == "<p>Text</p>"


def test_sanitiser_makes_our_own_absolute_addresses_relative(settings):
    html = sanitize_html(
        f'<p><img src="{settings.SITE_URL}/media/images/a.jpg" alt="x"></p>'
    )

    assert html == '<p><img src="/media/images/a.jpg" alt="x"></p>'


def test_article_body_picture_needs_alt_text_in_the_admin(staff_client):
    image = make_image()
    article = make_article(title="Hope")
    url = reverse("admin:articles_article_change", args=[article.pk])
    form = staff_client.get(url).context["adminform"].form
    data = {
        name: value
        for name, value in form.initial.items()
        if value is not None and not isinstance(value, list | tuple)
    }
    data.update(
        {
            "body": f'<p>Hello</p><figure><img src="{image.url}" alt=""></figure>',
            "published_at_0": article.published_at.strftime("%Y-%m-%d"),
            "published_at_1": article.published_at.strftime("%H:%M:%S"),
            "featured_image": "",
            "tags": "",
        }
    )

    response = staff_client.post(url, data)

    assert response.status_code == 200
    assert "1 picture(s) in the text have no description" in response.text
    assert "<p>Hello</p>" not in article.__class__.objects.get(pk=article.pk).body


def test_inline_picture_is_responsive_with_its_size_on_the_page(client):
    image = make_image(make_image_file(size=(1600, 900)), alt="Library alt.")
    article = make_article(
        body=f'<p>Before</p><figure><img src="{image.url}" alt="A lake &amp; hills">'
        "<figcaption>At dawn</figcaption></figure>"
    )

    html = client.get(article.get_absolute_url()).text

    match = re.search(
        r'<figure><picture><source type="image/webp" srcset="[^"]+ 600w, [^"]+ 1200w"'
        r' sizes="[^"]+"><img src="[^"]+" srcset="[^"]+" sizes="[^"]+" width="1200"'
        r' height="675" alt="A lake &amp; hills" loading="lazy" decoding="async">'
        r"</picture><figcaption>At dawn</figcaption></figure>",
        html,
    )
    assert match, html


def test_inline_pictures_cost_one_query_for_the_whole_text(
    client, django_assert_num_queries
):
    images = [make_image() for _ in range(3)]
    body = "".join(f'<p><img src="{image.url}" alt="x"></p>' for image in images)
    plain = make_article(title="Plain")
    pictured = make_article(title="Pictured", body=body)
    client.get(plain.get_absolute_url())

    with django_assert_num_queries(8):
        client.get(plain.get_absolute_url())
    with django_assert_num_queries(9):
        client.get(pictured.get_absolute_url())


def test_changing_a_picture_makes_cached_pages_that_may_show_it_outdated(
    client, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_SECONDS = 600
    image = make_image(credit="Photo: Sam Lee")
    pages = [
        make_article(featured_image=image).get_absolute_url(),
        make_event(featured_image=image).get_absolute_url(),
        make_page(body=f'<p><img src="{image.url}" alt="x"></p>').get_absolute_url(),
    ]
    for url in pages:
        client.get(url)
        assert client.get(url)["X-Page-Cache"] == "hit"

    image.credit = "Photo: Ana Ruiz"
    with django_capture_on_commit_callbacks(execute=True):
        image.save()

    for url in pages:
        response = client.get(url)
        assert response["X-Page-Cache"] == "miss", url


class StorageUnreachable(Exception):
    """Like an object-storage client's error: not an OSError."""


def test_a_picture_whose_storage_is_unreachable_leaves_the_page_working(
    client, monkeypatch
):
    image = make_image()
    # As after the migration into the library: renditions not made yet.
    LibraryImage.objects.filter(pk=image.pk).update(renditions={})
    article = make_article(title="Shore", featured_image=image)

    def unreachable(*args, **kwargs):
        raise StorageUnreachable("endpoint unreachable")

    monkeypatch.setattr(FileSystemStorage, "open", unreachable)
    response = client.get(article.get_absolute_url())

    assert response.status_code == 200
    assert "Shore" in response.text
    assert image.file.name not in response.text
