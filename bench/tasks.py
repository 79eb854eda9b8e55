"""
How fast one worker gets through the task queue, and how long a task waits.

    .venv/bin/python bench/tasks.py [--emails 2000] [--database-url URL]

On a fresh PostgreSQL database of its own (made and dropped here), with a real
SMTP server on a local port:

1. Throughput: the emails are queued the way the site queues them (Django's
   ``send_mail`` through the queued email backend, one delivery task each), then
   one worker (``manage.py worker --batch``) delivers them all; tasks per second
   is emails delivered over the worker's wall time.
2. Delay: a worker runs idle while tasks are queued one at a time at random
   moments; the delay is each task's start minus the moment it was queued, as
   the task results record them.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent

QUEUE = """
import json, time
from django.core.mail import send_mail
from django.db import transaction
started = time.perf_counter()
with transaction.atomic():
    for number in range({count}):
        send_mail(f"Note {{number}}", "Words.", None, [f"r{{number}}@example.org"])
print(json.dumps({{"seconds": time.perf_counter() - started}}))
"""
TRICKLE = """
import json, random, time
from django.core.mail import send_mail
rng = random.Random(7)
for number in range({count}):
    time.sleep(rng.uniform(0.2, 1.5))
    send_mail(f"Now {{number}}", "A few words.", None, ["now@example.org"])
"""
DELAYS = """
import json
from django_tasks_db.models import DBTaskResult
rows = DBTaskResult.objects.filter(status="SUCCESSFUL", started_at__isnull=False)
print(json.dumps([(r.started_at - r.enqueued_at).total_seconds() for r in rows]))
"""


def environment(database_url, smtp_port):
    return {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": "bench-" + "k7Qz" * 15,
        "ALLOWED_HOSTS": "localhost",
        "DATABASE_URL": database_url,
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(smtp_port),
        "LOG_LEVEL": "ERROR",
    }


def manage(env, *args):
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode:
        raise SystemExit(result.stderr[-2000:])
    return result.stdout


def last_json(output):
    return json.loads(output.strip().splitlines()[-1])


class Inbox:
    def __init__(self):
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        return "250 Message accepted for delivery"


def free_port():
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def own_database(server_url):
    import psycopg

    name = f"bench_tasks_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(server_url, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    return name, urlsplit(server_url)._replace(path=f"/{name}").geturl()


def drop_database(server_url, name):
    import psycopg

    with psycopg.connect(server_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--emails", type=int, default=2000)
    parser.add_argument("--trickle", type=int, default=40)
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
    inbox = Inbox()
    port = free_port()
    smtp = Controller(inbox, hostname="127.0.0.1", port=port, ready_timeout=5)
    smtp.start()
    name, url = own_database(options.database_url)
    try:
        env = environment(url, port)
        manage(env, "migrate", "--no-input", "-v0")

        queued = last_json(
            manage(env, "shell", "-c", QUEUE.format(count=options.emails))
        )
        started = time.perf_counter()
        manage(env, "worker", "--batch", "-v0")
        seconds = time.perf_counter() - started
        if inbox.count != options.emails:
            raise SystemExit(f"{inbox.count} of {options.emails} emails arrived")
        print(
            f"Queued {options.emails:,} emails in {queued['seconds']:.1f} s "
            f"({options.emails / queued['seconds']:,.0f} a second, one transaction)."
        )
        print(
            f"One worker delivered them in {seconds:.1f} s: "
            f"{options.emails / seconds:,.0f} tasks a second, worker start included."
        )

        manage(
            env,
            "shell",
            "-c",
            "from django_tasks_db.models import DBTaskResult;"
            "DBTaskResult.objects.all().delete()",
        )
        worker = subprocess.Popen(
            [sys.executable, "manage.py", "worker", "-v0"], cwd=ROOT, env=env
        )
        try:
            time.sleep(3)
            manage(env, "shell", "-c", TRICKLE.format(count=options.trickle))
            time.sleep(3)
        finally:
            worker.terminate()
            worker.wait(timeout=30)
        delays = last_json(manage(env, "shell", "-c", DELAYS))
        print(
            f"Delay from queueing to start, {len(delays)} tasks one at a time: "
            f"median {statistics.median(delays):.2f} s, "
            f"95th percentile {percentile(delays, 0.95):.2f} s, "
            f"longest {max(delays):.2f} s (an idle worker looks every second)."
        )
    finally:
        smtp.stop()
        drop_database(options.database_url, name)


if __name__ == "__main__":
    main()
