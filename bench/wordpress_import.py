"""
How long a large WordPress import takes, and how much memory it needs.

    .venv/bin/python bench/wordpress_import.py [--posts 10000] [--comments 100000]

Writes a synthetic export (posts with classic and block content, shortcodes,
videos, categories and tags, pages, threaded comments up to eight levels deep)
into a temporary folder, migrates a fresh SQLite database there, then imports
the export in a separate process, twice: the first run creates everything, the
second must change nothing. Each run reports its wall time and its peak memory
(``resource.getrusage``). A smaller export is imported too, so that the two peaks
show whether memory grows with the size of the file.
"""

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
SITE = "https://bench.example.org"
WORDS = (
    "recovery hope peer support listening voices community rest sleep walk "
    "friend group morning evening kindness breath garden letter story change "
    "trust courage quiet space together learning honest gentle step"
).split()


def cdata(text):
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def sentence(rng, words=12):
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text.capitalize() + "."


def post_content(rng, number):
    paragraphs = [
        " ".join(sentence(rng) for _ in range(3)) + "\n" + sentence(rng)
        for _ in range(rng.randint(3, 6))
    ]
    if number % 7 == 0:
        paragraphs.insert(1, "https://www.youtube.com/watch?v=SQEQr7c0-dw")
    if number % 11 == 0:
        paragraphs.append(
            '[caption id="attachment_1" width="300"]<img src="'
            f'{SITE}/wp-content/uploads/2020/01/photo-{number}.jpg" alt="A walk" />'
            " Morning walk[/caption]"
        )
    if number % 13 == 0:
        paragraphs.append("<ul>\n<li>One</li>\n<li>Two</li>\n</ul>")
    if number % 5 == 0:
        # Block editor content: no automatic paragraphs.
        return "\n\n".join(
            f"<!-- wp:paragraph -->\n<p>{paragraph}</p>\n<!-- /wp:paragraph -->"
            for paragraph in paragraphs
        )
    return "\n\n".join(paragraphs)


def write_export(path, posts, comments, seed=1):
    """A WXR file with ``posts`` posts and about ``comments`` comments."""
    rng = random.Random(seed)
    comment_id = 1
    per_post = comments // posts
    extra = comments - per_post * posts
    with path.open("w", encoding="utf-8") as out:
        out.write(
            '<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0" '
            'xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n'
            f"<title>Bench</title><link>{SITE}</link>"
            "<wp:wxr_version>1.2</wp:wxr_version>"
            f"<wp:base_site_url>{SITE}</wp:base_site_url>"
            f"<wp:base_blog_url>{SITE}</wp:base_blog_url>\n"
        )
        for number in range(5):
            out.write(
                f"<wp:author><wp:author_id>{number + 1}</wp:author_id>"
                f"<wp:author_login>writer{number}</wp:author_login>"
                f"<wp:author_email>writer{number}@example.org</wp:author_email>"
                f"<wp:author_display_name>{cdata(f'Writer {number}')}"
                "</wp:author_display_name></wp:author>\n"
            )
        for number in range(posts + posts // 100):
            post_id = number + 1
            is_page = number >= posts
            post_type = "page" if is_page else "post"
            slug = f"{'page' if is_page else 'post'}-{post_id}"
            year = 2010 + number % 15
            date = f"{year}-{number % 12 + 1:02}-{number % 28 + 1:02} 10:00:00"
            parent = posts + 1 + (number - posts) // 5 * 5 if is_page else 0
            parent = 0 if parent == post_id else parent
            status = "draft" if number % 50 == 0 else "publish"
            terms = [
                f'<category domain="category" nicename="topic-{number % 30}">'
                f"{cdata(f'Topic {number % 30}')}</category>"
            ] + [
                f'<category domain="post_tag" nicename="tag-{tag}">'
                f"{cdata(f'Tag {tag}')}</category>"
                for tag in rng.sample(range(200), 3)
            ]
            out.write(
                "<item>"
                f"<title>{cdata(sentence(rng, 6)[:-1])}</title>"
                f"<link>{SITE}/{year}/{slug}/</link>"
                f"<dc:creator>writer{number % 5}</dc:creator>"
                f'<guid isPermaLink="false">{SITE}/?p={post_id}</guid>'
                f"<content:encoded>{cdata(post_content(rng, number))}</content:encoded>"
                f"<excerpt:encoded>{cdata('')}</excerpt:encoded>"
                f"<wp:post_id>{post_id}</wp:post_id>"
                f"<wp:post_date>{date}</wp:post_date>"
                f"<wp:post_date_gmt>{date}</wp:post_date_gmt>"
                f"<wp:post_modified_gmt>{date}</wp:post_modified_gmt>"
                "<wp:comment_status>open</wp:comment_status>"
                f"<wp:post_name>{slug}</wp:post_name>"
                f"<wp:status>{status}</wp:status>"
                f"<wp:post_parent>{parent}</wp:post_parent>"
                f"<wp:menu_order>{number % 10}</wp:menu_order>"
                f"<wp:post_type>{post_type}</wp:post_type>"
                f"<wp:is_sticky>{int(number == 3)}</wp:is_sticky>"
                + ("".join(terms) if not is_page else "")
            )
            count = 0 if is_page else per_post + (1 if number < extra else 0)
            ids = []
            for _ in range(count):
                # About a third are replies, sometimes to replies: deep threads.
                parent_comment = rng.choice(ids) if ids and rng.random() < 0.35 else 0
                ids.append(comment_id)
                approved = "1" if rng.random() < 0.9 else rng.choice(["0", "spam"])
                out.write(
                    "<wp:comment>"
                    f"<wp:comment_id>{comment_id}</wp:comment_id>"
                    f"<wp:comment_author>{cdata(f'Reader {comment_id % 997}')}"
                    "</wp:comment_author>"
                    f"<wp:comment_author_email>reader{comment_id % 997}@example.org"
                    "</wp:comment_author_email>"
                    "<wp:comment_author_IP>192.0.2.1</wp:comment_author_IP>"
                    f"<wp:comment_date_gmt>{date}</wp:comment_date_gmt>"
                    f"<wp:comment_content>{cdata(escape(sentence(rng, 20)))}"
                    "</wp:comment_content>"
                    f"<wp:comment_approved>{approved}</wp:comment_approved>"
                    f"<wp:comment_parent>{parent_comment}</wp:comment_parent>"
                    "</wp:comment>"
                )
                comment_id += 1
            out.write("</item>\n")
        out.write("</channel>\n</rss>\n")
    return comment_id - 1


def child_environment(folder):
    """Production settings (DEBUG off: no query log) on a fresh SQLite file."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "recoverysite.settings",
        "DEBUG": "0",
        "SECRET_KEY": "bench-" + "k7Qz" * 15,
        "ALLOWED_HOSTS": "localhost",
        "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}",
        "MEDIA_ROOT": str(folder / "media"),
        "PYTHONPATH": str(ROOT),
    }


def run_child(folder, export):
    """Import ``export`` in a fresh process; returns its measurements."""
    result = subprocess.run(
        [sys.executable, __file__, "--child", str(export)],
        env=child_environment(folder),
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return json.loads(result.stdout.splitlines()[-1])


def child(export):
    import django

    django.setup()
    from django.db import connection

    from wordpress.importer import import_wordpress

    before = resource.getrusage(resource.RUSAGE_SELF)
    started = time.perf_counter()
    report = import_wordpress(export)
    seconds = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu = usage.ru_utime + usage.ru_stime - before.ru_utime - before.ru_stime
    peak_kib = usage.ru_maxrss
    counts = {kind: dict(counter) for kind, counter in report.counts.items()}
    connection.close()
    print(
        json.dumps(
            {
                "seconds": seconds,
                "cpu_seconds": cpu,
                "peak_mib": peak_kib / 1024,
                "counts": counts,
            }
        )
    )


def measure(posts, comments, label):
    with tempfile.TemporaryDirectory(prefix="wordpress-bench-") as name:
        folder = Path(name)
        export = folder / "export.xml"
        started = time.perf_counter()
        written = write_export(export, posts, comments)
        size = export.stat().st_size / 1024 / 1024
        print(
            f"{label}: {posts:,} posts, {posts // 100:,} pages, {written:,} comments, "
            f"{size:.0f} MB (written in {time.perf_counter() - started:.0f} s)",
            flush=True,
        )
        subprocess.run(
            [sys.executable, "manage.py", "migrate", "--no-input", "-v0"],
            env=child_environment(folder),
            check=True,
            cwd=ROOT,
        )
        first = run_child(folder, export)
        print(
            f"  first import:  {first['seconds']:6.1f} s "
            f"({first['cpu_seconds']:.1f} s CPU), peak {first['peak_mib']:.0f} MB",
            flush=True,
        )
        second = run_child(folder, export)
        print(
            f"  second import: {second['seconds']:6.1f} s "
            f"({second['cpu_seconds']:.1f} s CPU), peak {second['peak_mib']:.0f} MB "
            "(changes nothing)",
            flush=True,
        )
        for kind in ["articles", "pages", "comments", "tags", "redirects"]:
            print(f"    {kind}: {first['counts'].get(kind)}")
        changed = {
            kind: counts
            for kind, counts in second["counts"].items()
            if counts.get("created") or counts.get("updated")
        }
        if changed:
            raise SystemExit(f"The second import changed something: {changed}")
        return first, second


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--comments", type=int, default=100_000)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.child:
        child(options.child)
        return
    print(
        f"Python {sys.version.split()[0]}, {os.cpu_count()} cores, "
        f"load average {os.getloadavg()[0]:.1f}"
    )
    small, _ = measure(options.posts // 10, options.comments // 10, "Small")
    large, _ = measure(options.posts, options.comments, "Large")
    print(
        f"Peak memory: {small['peak_mib']:.0f} MB for the small export, "
        f"{large['peak_mib']:.0f} MB for one ten times larger."
    )


if __name__ == "__main__":
    main()
