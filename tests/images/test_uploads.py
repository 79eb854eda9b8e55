"""Uploads are checked by content, cleaned of metadata and stored under new names."""

import re
from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage, default_storage
from django.urls import reverse
from PIL import Image

from events.models import Event
from images.models import Image as LibraryImage
from images.uploads import clean_image, validate_pdf, validate_webvtt
from tests.factories import make_event, make_image
from tests.upload_files import (
    animated_gif,
    photo_with_gps,
    png_bytes,
    png_claiming,
    upload,
)

ADD = reverse("admin:images_image_add")


def stored(image):
    with default_storage.open(image.file.name) as file:
        return file.read()


def post_image(client, file, **fields):
    return client.post(ADD, {"upload": file, "alt": "A lake.", **fields})


def test_photo_with_gps_is_stored_without_any_metadata(db):
    image = make_image(upload("holiday.jpg", photo_with_gps()))

    content = stored(image)
    for secret in [b"Exif", b"SecretCam", b"xmpmeta", b"Secret Person", b"secret"]:
        assert secret not in content
    with Image.open(BytesIO(content)) as picture:
        assert picture.format == "JPEG"
        assert not picture.getexif()
        assert "icc_profile" not in picture.info
    for name in [
        entry[2]
        for record in image.renditions.values()
        for entries in record["files"].values()
        for entry in entries
    ]:
        with default_storage.open(name) as file:
            assert b"SecretCam" not in file.read()


def test_sideways_photo_is_stored_upright(db):
    # Orientation 6: the camera was turned; viewers rotate it 90° clockwise.
    image = make_image(upload("portrait.jpg", photo_with_gps((640, 480), 6)))

    assert (image.width, image.height) == (480, 640)
    with Image.open(BytesIO(stored(image))) as picture:
        assert picture.size == (480, 640)
        assert picture.getexif().get(0x0112) is None
        # The red corner, top-left before turning, is now top-right.
        red, green, _blue = picture.getpixel((470, 10))
        assert red > 150 and green < 100


def test_png_named_jpg_is_stored_as_png_under_a_new_name(db):
    image = make_image(upload("holiday.jpg", png_bytes()))

    assert image.file.name.endswith(".png")
    assert "holiday" not in image.file.name
    assert re.fullmatch(r"images/\d{4}/\d{2}/[0-9a-f]{32}\.png", image.file.name)
    assert image.original_name == "holiday.jpg"
    assert stored(image).startswith(b"\x89PNG")


def test_text_named_png_is_refused_with_a_message(staff_client):
    response = post_image(staff_client, upload("notes.png", b"just some words"))

    assert response.status_code == 200
    assert "This file is not a picture the site can use." in response.text
    assert not LibraryImage.objects.exists()


@pytest.mark.parametrize(
    ("width", "height", "message"),
    [
        # Over our limit, under Pillow's own: the size is named.
        (10000, 5000, "The picture is too large (10000 × 5000): at most 40"),
        # Far over both: refused while the header is read.
        (30000, 30000, "The picture is too large: at most 40 megapixels"),
    ],
)
def test_decompression_bomb_is_refused_before_decoding(
    staff_client, monkeypatch, width, height, message
):
    def no_decoding(*args, **kwargs):
        raise AssertionError("the picture was decoded")

    monkeypatch.setattr(Image.Image, "load", no_decoding)

    response = post_image(staff_client, upload("bomb.png", png_claiming(width, height)))

    assert response.status_code == 200
    assert message in response.text
    assert "Make it smaller" in response.text
    assert not LibraryImage.objects.exists()


def test_upload_over_the_byte_limit_is_refused(staff_client, settings):
    settings.UPLOAD_MAX_IMAGE_BYTES = 1000

    response = post_image(staff_client, upload("big.jpg", photo_with_gps()))

    assert response.status_code == 200
    assert "the largest accepted is 1000\xa0bytes" in response.text
    assert not LibraryImage.objects.exists()


def test_animated_gif_keeps_its_first_frame_only(db):
    image = make_image(upload("wave.gif", animated_gif()))

    with Image.open(BytesIO(stored(image))) as picture:
        assert picture.format == "GIF"
        assert getattr(picture, "n_frames", 1) == 1


def test_webp_is_accepted_and_stays_webp(db):
    output = BytesIO()
    Image.new("RGB", (50, 40), "#5b7f95").save(output, "WEBP")

    cleaned = clean_image(upload("a.webp", output.getvalue()))

    assert (cleaned.format, cleaned.width, cleaned.height) == ("WEBP", 50, 40)


def test_storage_error_is_a_form_error_and_nothing_is_half_saved(
    staff_client, settings, monkeypatch
):
    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(FileSystemStorage, "save", full)

    response = post_image(
        staff_client, upload("lake.jpg", photo_with_gps()), caption="Dawn."
    )

    assert response.status_code == 200
    assert "the media storage is full or cannot be written to" in response.text
    assert response.context["adminform"].form["caption"].value() == "Dawn."
    assert not LibraryImage.objects.exists()
    assert not list(settings.MEDIA_ROOT.rglob("*.*"))


def test_storage_error_after_the_original_leaves_no_file_behind(
    staff_client, settings, monkeypatch
):
    original_save = FileSystemStorage.save

    saved = []

    def full_for_renditions(storage, name, *args, **kwargs):
        # The storage fills up after the original and three renditions.
        if len(saved) == 4:
            raise OSError(28, "No space left on device")
        saved.append(name)
        return original_save(storage, name, *args, **kwargs)

    monkeypatch.setattr(FileSystemStorage, "save", full_for_renditions)

    response = post_image(staff_client, upload("lake.jpg", photo_with_gps()))

    assert len(saved) == 4
    assert "the media storage is full" in response.text
    assert not LibraryImage.objects.exists()
    assert not list(settings.MEDIA_ROOT.rglob("*.*"))


# Handouts and captions


def test_pdf_handout_is_accepted_and_stored_under_a_generated_name(db):
    event = make_event()
    event.handout_file = upload("My Slides (final).pdf", b"%PDF-1.7\n1 0 obj\n")
    event.full_clean()
    event.save()

    assert re.fullmatch(
        r"events/handouts/\d{4}/\d{2}/[0-9a-f]{32}\.pdf", event.handout_file.name
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"PK\x03\x04 a docx file", "This file is not a PDF."),
        (b"%PDF-1.4\n/OpenAction << /S /JavaScript /JS (app.alert(1)) >>", "scripts"),
        (b"%PDF-1.4\n<< /Type /Action /S /Launch /F (cmd.exe) >>", "launch actions"),
        (b"", "The file is empty."),
    ],
)
def test_handout_that_is_not_a_plain_pdf_is_refused(content, message):
    with pytest.raises(ValidationError) as error:
        validate_pdf(upload("slides.pdf", content))

    assert message in " ".join(error.value.messages)


def test_webvtt_captions_are_accepted_with_or_without_a_bom(db):
    for content in [
        b"WEBVTT\n\n00:00.000 --> 00:01.000\nHello\n",
        b"\xef\xbb\xbfWEBVTT",
    ]:
        validate_webvtt(upload("captions.vtt", content))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"1\n00:00:00,000 --> 00:00:01,000\nHello\n", "first line must be WEBVTT"),
        (b"WEBVTT\n\xff\xfe broken", "not UTF-8 text"),
        (b"WEBVTTX\n", "first line must be WEBVTT"),
    ],
)
def test_captions_that_are_not_webvtt_are_refused(content, message):
    with pytest.raises(ValidationError) as error:
        validate_webvtt(upload("captions.vtt", content))

    assert message in " ".join(error.value.messages)


def test_event_admin_refuses_a_fake_pdf_and_keeps_the_form(staff_client):
    event = make_event(title="Listening")
    url = reverse("admin:events_event_change", args=[event.pk])
    form = staff_client.get(url).context["adminform"].form
    data = {
        name: value
        for name, value in form.initial.items()
        if value is not None
        and not isinstance(value, list | tuple)
        and name not in {"captions_file", "handout_file"}
    }
    data.update(
        {
            "title": "Listening again",
            "start_0": event.local_start.strftime("%Y-%m-%d"),
            "start_1": event.local_start.strftime("%H:%M"),
            "end_0": event.local_end.strftime("%Y-%m-%d"),
            "end_1": event.local_end.strftime("%H:%M"),
            "published_at_0": event.published_at.strftime("%Y-%m-%d"),
            "published_at_1": event.published_at.strftime("%H:%M:%S"),
            "featured_image": "",
            "handout_file": upload("slides.pdf", b"<html>not a pdf</html>"),
            "event_presenters-TOTAL_FORMS": "0",
            "event_presenters-INITIAL_FORMS": "0",
        }
    )

    response = staff_client.post(url, data)

    assert response.status_code == 200
    assert "This file is not a PDF." in response.text
    assert 'value="Listening again"' in response.text
    assert not Event.objects.get(pk=event.pk).handout_file
