"""
Uploaded files served by the app itself (SERVE_MEDIA, without a web server in
front): pictures are shown, everything else is downloaded, and no browser may
guess a type other than the one sent. docs/media.md has the nginx equivalent.
"""

import posixpath

from django.conf import settings
from django.views.static import serve

SHOWN_IN_PAGE = {".jpg", ".jpeg", ".png", ".webp", ".gif"}


def serve_media(request, path):
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    response["X-Content-Type-Options"] = "nosniff"
    extension = posixpath.splitext(path)[1].lower()
    if extension not in SHOWN_IN_PAGE:
        response["Content-Disposition"] = "attachment"
    return response
