"""
A site of a test's own, run by other processes: its own empty database on the
suite's database server, and ``manage.py`` commands run as an operator would,
for what one process cannot show (a second worker, a worker that is killed).
"""

import os
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

ROOT = Path(settings.BASE_DIR)


def free_port():
    """A port on this machine where nothing listens now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def own_database_url(tmp_path):
    """An empty database on the suite's database server, dropped afterwards."""
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path / 'site.sqlite3'}"
        return
    if connection.vendor != "postgresql":
        pytest.skip(f"no database of its own made for {connection.vendor}")
    name = f"site_{uuid.uuid4().hex[:12]}"
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    params = connection.settings_dict
    yield (
        f"postgres://{params['USER']}:{params['PASSWORD'] or ''}@"
        f"{params['HOST'] or '127.0.0.1'}:{params['PORT'] or 5432}/{name}"
    )
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def site_environment(database_url, **variables):
    """The environment a site's processes run with: development defaults."""
    env = {
        **os.environ,
        "DEBUG": "1",
        "DATABASE_URL": database_url,
        "PAGE_CACHE_SECONDS": "0",
        **{name: str(value) for name, value in variables.items()},
    }
    if "REDIS_URL" not in variables:
        env.pop("REDIS_URL", None)
    return env


def manage(database_url, *args, code_dir=ROOT, **variables):
    """Run ``manage.py`` with ``args`` to its end; return what it printed."""
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=code_dir,
        env=site_environment(database_url, **variables),
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def start(database_url, *args, **variables):
    """Start ``manage.py`` with ``args`` in the background; returns the process."""
    return subprocess.Popen(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=site_environment(database_url, **variables),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def serve(database_url, port, **variables):
    """
    The site served by gunicorn with ``gunicorn.conf.py``, as in production, on
    ``port``; returns the server's process once it answers.
    """
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "recoverysite.wsgi"],
        cwd=ROOT,
        env=site_environment(
            database_url, GUNICORN_BIND=f"127.0.0.1:{port}", **variables
        ),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(300):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=30)
            return server
        # Refused until gunicorn listens, slow while its workers start.
        except OSError:
            time.sleep(0.1)
    server.terminate()
    raise AssertionError("the site did not start")


def stop(server):
    """Stop a server from ``serve()``, killing it if it does not end in a minute."""
    server.terminate()
    try:
        # gunicorn lets its threads finish their keep-alive connections first.
        server.wait(timeout=60)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


@pytest.fixture
def own_redis(tmp_path):
    """
    A Redis server of the test's own on a free port, keeping nothing on disk:
    ``own_redis.url`` to use it, ``own_redis.stop()`` to take it down.
    """

    class OwnRedis:
        def __init__(self):
            port = free_port()
            self.url = f"redis://127.0.0.1:{port}/0"
            self.process = subprocess.Popen(
                ["redis-server", "--port", str(port), "--bind", "127.0.0.1"]
                + ["--save", "", "--appendonly", "no", "--dir", str(tmp_path)],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            for _ in range(100):
                with socket.socket() as probe:
                    if probe.connect_ex(("127.0.0.1", port)) == 0:
                        return
                time.sleep(0.05)
            raise AssertionError("redis-server did not start")

        def stop(self):
            self.process.terminate()
            self.process.wait(timeout=30)

    redis = OwnRedis()
    yield redis
    if redis.process.poll() is None:
        redis.stop()
