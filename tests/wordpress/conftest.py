from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from PIL import Image

FIXTURES = Path(__file__).parent / "fixtures"
# WordPress's own theme test export lives in the shared data folder beside the
# project, not in the repository.
THEME_EXPORT = (
    Path(settings.BASE_DIR).parent
    / "shared"
    / "data"
    / "wordpress"
    / "themeunittestdata.wordpress.xml"
)


@pytest.fixture
def theme_export():
    if not THEME_EXPORT.exists():
        pytest.skip(
            f"WordPress's theme test export is not at {THEME_EXPORT} (it comes "
            "with the shared data folder, not with this repository)"
        )
    return THEME_EXPORT


@pytest.fixture
def run_import():
    """Run the command as an operator would; returns what it printed."""

    def run(path, *args, stderr=None):
        stdout = StringIO()
        call_command(
            "import_wordpress",
            str(path),
            *args,
            stdout=stdout,
            stderr=stderr or StringIO(),
        )
        return stdout.getvalue()

    return run


@pytest.fixture
def media_dir(tmp_path):
    """A copy of wp-content/uploads with the files edge_cases.xml refers to."""
    uploads = tmp_path / "uploads"
    folder = uploads / "2024" / "01"
    folder.mkdir(parents=True)
    Image.new("RGB", (1600, 900), "#5b7f95").save(folder / "photo.jpg")
    Image.new("RGB", (300, 169), "#5b7f95").save(folder / "photo-300x200.jpg")
    (folder / "talk.mp3").write_bytes(b"ID3 not really audio")
    (folder / "clip.mp4").write_bytes(b"not really video")
    return uploads
