"""
The site's own settings plus what the benchmark needs: the ceiling page and the
ceiling static file, both made by bench/run in BENCH_DIR.
"""

import os
from pathlib import Path

from recoverysite.settings import *  # noqa: F403
from recoverysite.settings import TEMPLATES

BENCH_DIR = Path(os.environ["BENCH_DIR"])
ROOT_URLCONF = "bench.urls"
STATICFILES_DIRS = [BENCH_DIR / "static"]
TEMPLATES = [{**TEMPLATES[0], "DIRS": [BENCH_DIR / "templates"]}]
