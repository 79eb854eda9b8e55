"""
How long one worker takes to send a weekly digest to many subscribers, and how
much memory it needs.

    .venv/bin/python bench/digest.py [--subscribers 10000] [--database-url URL]

On a fresh PostgreSQL database of its own (made and dropped here), with a real
SMTP server on a local port: the subscribers are confirmed and weekly, a week's
articles and webinars are published, the digest is started as the timed job
starts it, then one ``manage.py worker --batch`` writes every subscriber's
email (plain text and HTML, their own signed links) and delivers each one over
its own SMTP connection. The per-minute cap is set to the number of
subscribers, so one batch holds them all and the time is the worker's own, not
the cap's. Peak memory is the worker process's maximum resident set size.
"""

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.tasks import (  # noqa: E402
    Inbox,
    drop_database,
    environment,
    free_port,
    last_json,
    manage,
    own_database,
)

SETUP = """
import datetime, json
from django.utils import timezone
from articles.models import Article
from events.models import Event
from recoverysite.publishing import Status
from subscriptions.models import Subscriber
now = timezone.now()
Subscriber.objects.bulk_create(
    Subscriber(
        email=f"reader{{number}}@example.org",
        status=Subscriber.Status.CONFIRMED,
        topics=("both", "articles", "events")[number % 3],
        frequency="weekly",
        confirmed_at=now - datetime.timedelta(days=30),
    )
    for number in range({count})
)
for number in range(6):
    Article.objects.create(
        title=f"A week's article {{number}}",
        slug=f"weekly-article-{{number}}",
        summary="Two plain sentences about recovery. They show in the digest.",
        body="<p>Words.</p>",
        status=Status.PUBLISHED,
        published_at=now - datetime.timedelta(days=1, hours=number),
    )
for number in range(2):
    start = now + datetime.timedelta(days=7 + number)
    Event.objects.create(
        title=f"A coming webinar {{number}}",
        slug=f"coming-webinar-{{number}}",
        summary="An evening of peer support, online.",
        description="<p>Words.</p>",
        status=Status.PUBLISHED,
        published_at=now - datetime.timedelta(days=2, hours=number),
        start=start,
        end=start + datetime.timedelta(minutes=90),
        time_zone="Europe/London",
    )
"""
START = """
import json
from subscriptions.tasks import start_digest
digest = start_digest()
print(json.dumps({"articles": digest.articles, "events": digest.events}))
"""
RESULT = """
import json
from django_tasks_db.models import DBTaskResult
from subscriptions.models import Digest
digest = Digest.objects.get()
batches = [
    result
    for result in DBTaskResult.objects.filter(task_path__endswith="send_batch")
    if result.args_kwargs["args"][0] == "digest"
]
print(json.dumps({
    "recipients": digest.recipients,
    "batch_seconds": sum(
        (batch.finished_at - batch.started_at).total_seconds() for batch in batches
    ),
}))
"""


def run_measured(env, *args):
    """
    Run ``manage.py args``; its wall time and CPU time in seconds and its peak
    memory in MB. The CPU time tells what the work costs on a machine that other
    processes share; the wall time what it took there.
    """
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
    )
    _pid, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    if status:
        raise SystemExit(f"manage.py {' '.join(args)} failed ({status})")
    # ru_maxrss is in kilobytes on Linux.
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--subscribers", type=int, default=10_000)
    parser.add_argument(
        "--database-url",
        default="postgres://postgres@127.0.0.1:5432/postgres",
        help="a PostgreSQL server (its database is only used to make one)",
    )
    options = parser.parse_args()
    from aiosmtpd.controller import Controller

    print(
        f"Python {sys.version.split()[0]}, {os.cpu_count()} cores, "
        f"load average {os.getloadavg()[0]:.1f}"
    )
    started = time.perf_counter()
    inbox = Inbox()
    port = free_port()
    smtp = Controller(inbox, hostname="127.0.0.1", port=port, ready_timeout=5)
    smtp.start()
    name, url = own_database(options.database_url)
    try:
        env = {
            **environment(url, port),
            "SUBSCRIPTIONS_EMAILS_PER_MINUTE": str(options.subscribers),
        }
        manage(env, "migrate", "--no-input", "-v0")
        manage(env, "shell", "-c", SETUP.format(count=options.subscribers))
        content = last_json(manage(env, "shell", "-c", START))
        seconds, cpu_seconds, peak_mb = run_measured(env, "worker", "--batch", "-v0")
        result = last_json(manage(env, "shell", "-c", RESULT))
        if inbox.count != options.subscribers:
            raise SystemExit(f"{inbox.count} of {options.subscribers} emails arrived")
        print(
            f"Digest of {content['articles']} articles and {content['events']} "
            f"webinars to {result['recipients']:,} subscribers."
        )
        print(
            f"Writing and queueing every email (one batch): "
            f"{result['batch_seconds']:.1f} s."
        )
        print(
            f"One worker, writing and delivering all: {seconds:.1f} s, "
            f"{inbox.count / seconds:.1f} emails a second; "
            f"{cpu_seconds:.1f} s of CPU ({inbox.count / cpu_seconds:.1f} emails "
            f"a CPU second); peak memory {peak_mb:.0f} MB."
        )
        print(
            f"Load average at the end {os.getloadavg()[0]:.1f}; "
            f"the whole run {time.perf_counter() - started:.0f} s."
        )
    finally:
        smtp.stop()
        drop_database(options.database_url, name)


if __name__ == "__main__":
    main()
