"""
Hostile uploads: each is refused with a clear message or stored safely (new
name, real format, no metadata), and none ever causes a server error.
"""

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse

from images.models import Image as LibraryImage
from tests.upload_files import (
    HTML_PAGE,
    SVG_WITH_SCRIPT,
    photo_with_gps,
    png_bytes,
    png_claiming,
    upload,
)

ADD = reverse("admin:images_image_add")
NOT_A_PICTURE = "This file is not a picture the site can use."


def post(client, name, content):
    return client.post(ADD, {"upload": upload(name, content), "alt": "Something."})


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("drawing.svg", SVG_WITH_SCRIPT, NOT_A_PICTURE),
        ("drawing.png", SVG_WITH_SCRIPT, NOT_A_PICTURE),
        ("page.jpg", HTML_PAGE, NOT_A_PICTURE),
        ("empty.png", b"", "file is empty."),
        ("truncated.jpg", photo_with_gps()[:5000], "could not be read to the end"),
        ("truncated.png", png_bytes((400, 300))[:80], "could not be read to the end"),
        ("huge.png", png_claiming(100_000, 100_000), "The picture is too large"),
        ("wide.png", png_claiming(2**31 - 1, 1), "The picture is too large"),
        ("zero.png", png_claiming(0, 0), NOT_A_PICTURE),
    ],
    ids=lambda value: value if isinstance(value, str) and "." in value else "",
)
def test_hostile_file_is_refused_with_a_message(staff_client, name, content, message):
    response = post(staff_client, name, content)

    assert response.status_code == 200
    assert message in response.text
    assert not LibraryImage.objects.exists()


def test_html_after_a_real_jpeg_is_stored_as_a_plain_jpeg(staff_client):
    # A polyglot: a picture to image readers, a page to a browser sniffing it.
    content = photo_with_gps() + HTML_PAGE

    response = post(staff_client, "polyglot.jpg.html", content)

    assert response.status_code == 302
    image = LibraryImage.objects.get()
    assert image.file.name.endswith(".jpg")
    with default_storage.open(image.file.name) as file:
        assert b"<script>" not in file.read()


def test_jpeg_with_a_script_in_its_comment_is_stored_without_it(staff_client):
    from io import BytesIO

    from PIL import Image

    output = BytesIO()
    Image.new("RGB", (40, 30)).save(output, "JPEG", comment=b"<script>x</script>")

    response = post(staff_client, "comment.jpg", output.getvalue())

    assert response.status_code == 302
    with default_storage.open(LibraryImage.objects.get().file.name) as file:
        assert b"<script>" not in file.read()


@pytest.mark.parametrize(
    "name",
    [
        "../../x.png",
        "..\\..\\x.png",
        "/etc/passwd.png",
        "x\x00.png.php",
        "<script>alert(1)</script>.png",
        "\u202egnp.exe",
        "a" * 500 + ".png",
    ],
)
def test_any_file_name_is_stored_under_a_generated_name(staff_client, settings, name):
    response = post(staff_client, name, png_bytes())

    assert response.status_code in {200, 302}
    if response.status_code == 200:
        # Django itself refuses some names (null bytes) with a form error.
        assert "errorlist" in response.text
        return
    image = LibraryImage.objects.get()
    assert image.file.name.startswith("images/") and image.file.name.endswith(".png")
    assert ".." not in image.file.name
    stored = (settings.MEDIA_ROOT / image.file.name).resolve()
    assert stored.is_relative_to(settings.MEDIA_ROOT.resolve())
    assert "/" not in image.original_name and "\\" not in image.original_name
    assert "\x00" not in image.original_name and "\u202e" not in image.original_name
    assert len(image.original_name) <= 200
    # The shown name is escaped wherever it appears.
    change = staff_client.get(reverse("admin:images_image_change", args=[image.pk]))
    assert "<script>alert(1)</script>" not in change.text


def test_a_handout_that_is_an_html_page_is_refused(staff_client):
    from django.core.exceptions import ValidationError

    from images.uploads import validate_pdf

    with pytest.raises(ValidationError):
        validate_pdf(upload("slides.pdf", HTML_PAGE))


def test_served_documents_are_downloads_and_never_sniffed(client):
    # Tests run with DEBUG, where the app serves /media/ itself (SERVE_MEDIA).
    default_storage.save("events/handouts/x.pdf", upload("x", b"%PDF-1.4"))
    default_storage.save("images/x.png", upload("x", png_bytes()))

    document = client.get("/media/events/handouts/x.pdf")
    picture = client.get("/media/images/x.png")

    assert document["Content-Disposition"] == "attachment"
    assert document["X-Content-Type-Options"] == "nosniff"
    assert not picture.get("Content-Disposition", "").startswith("attachment")
    assert picture["X-Content-Type-Options"] == "nosniff"
