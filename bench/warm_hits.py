"""
The CPU time of a page served from the page cache, in one process, with the
production cache of one machine (SQLite files under a temporary CACHE_DIR):

    .venv/bin/python bench/warm_hits.py [--hits 2000]

The demo content on a temporary SQLite database; each page is visited until it
is a hit, then ``--hits`` more times through Django's test client (its own cost
is in the figure and the same for every page). Prints the CPU milliseconds per
hit and the cache reads of one hit.
"""

import argparse
import os
import sys
import tempfile
import time
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PAGES = ["/", "/articles/", "/events/", "/feeds/articles/"]


def keys_read_by(visit, page, cache):
    """The keys the page cache asks for in ``visit(page)``: it reads with get_many."""
    reads = []
    get_many = cache.get_many

    def counted(keys, *args, **kwargs):
        reads.extend(keys)
        return get_many(keys, *args, **kwargs)

    cache.get_many = counted
    try:
        visit(page)
    finally:
        del cache.get_many
    return reads


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--hits", type=int, default=2000)
    hits = parser.parse_args().hits
    folder = tempfile.mkdtemp(prefix="warm-hits-")
    os.environ.update(
        DJANGO_SETTINGS_MODULE="recoverysite.settings",
        DEBUG="1",
        PAGE_CACHE_SECONDS="600",
        CACHE_DIR=f"{folder}/cache",
        DATABASE_URL=f"sqlite:///{folder}/db.sqlite3",
    )
    import django

    django.setup()
    from django.core.cache import cache
    from django.core.management import call_command
    from django.test import Client

    call_command("migrate", verbosity=0)
    call_command("load_demo_content", stdout=StringIO())
    client = Client(HTTP_HOST="127.0.0.1")
    for page in PAGES:
        while client.get(page)["X-Page-Cache"] != "hit":
            pass
        reads = keys_read_by(client.get, page, cache)
        started = time.process_time()
        for _ in range(hits):
            client.get(page)
        per_hit = (time.process_time() - started) / hits * 1000
        print(f"{page:20} {per_hit:.2f} ms CPU per hit, {len(reads)} keys read")


if __name__ == "__main__":
    main()
