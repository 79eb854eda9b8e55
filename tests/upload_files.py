"""Files for upload tests, made on the fly: photos with metadata, bombs, fakes."""

import struct
import zlib
from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image


def upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def photo_with_gps(size=(640, 480), orientation=1):
    """A JPEG with camera EXIF, a GPS position, XMP, a comment and Orientation."""
    image = Image.new("RGB", size, "#5b7f95")
    # A red block in the top-left corner shows which way is up.
    image.paste((200, 30, 30), (0, 0, size[0] // 4, size[1] // 4))
    exif = Image.Exif()
    exif[0x010F] = "SecretCam"  # Make
    exif[0x0110] = "Model X"  # Model
    exif[0x0112] = orientation
    gps = {1: "N", 2: (51.0, 30.0, 0.0), 3: "W", 4: (0.0, 7.0, 0.0)}
    exif.get_ifd(0x8825).update(gps)
    xmp = (
        b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/'
        b'1999/02/22-rdf-syntax-ns#"><rdf:Description about="" xmlns:dc="http://'
        b'purl.org/dc/elements/1.1/"><dc:creator>Secret Person</dc:creator>'
        b"</rdf:Description></rdf:RDF></x:xmpmeta>"
    )
    output = BytesIO()
    image.save(output, "JPEG", exif=exif, xmp=xmp, comment=b"secret comment")
    return output.getvalue()


def png_bytes(size=(64, 48), mode="RGB"):
    output = BytesIO()
    Image.new(mode, size, "#5b7f95").save(output, "PNG")
    return output.getvalue()


def png_chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))


def png_claiming(width, height, data=b""):
    """A small PNG whose header claims ``width × height`` pixels (a bomb)."""
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    rows = zlib.compress(data or b"\x00" * 1024, 9)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", rows)
        + png_chunk(b"IEND", b"")
    )


def animated_gif(frames=3, size=(40, 30)):
    images = [Image.new("P", size, colour) for colour in range(frames)]
    output = BytesIO()
    images[0].save(
        output, "GIF", save_all=True, append_images=images[1:], duration=100, loop=0
    )
    return output.getvalue()


SVG_WITH_SCRIPT = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" '
    b'height="10"><script>alert(document.cookie)</script><rect width="10" '
    b'height="10"/></svg>'
)
HTML_PAGE = b"<!doctype html><html><body><script>alert(1)</script></body></html>"
