"""The production server's settings: gunicorn's file and database connections."""

import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

INHERITED = ["PATH", "HOME", "LANG", "LC_ALL", "TMPDIR"]
SHOW_DATABASE = (
    "from django.conf import settings; d = settings.DATABASES['default']; "
    "print(d.get('OPTIONS', {}).get('pool'), d['CONN_MAX_AGE'], "
    "d['CONN_HEALTH_CHECKS'])"
)


def run(*args, **environment):
    env = {name: os.environ[name] for name in INHERITED if name in os.environ}
    env.update({"DEBUG": "1", **environment})
    result = subprocess.run(
        args, cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def database_settings(**environment):
    return run(sys.executable, "manage.py", "shell", "-c", SHOW_DATABASE, **environment)


def gunicorn_settings(**environment):
    gunicorn = Path(sys.executable).parent / "gunicorn"
    output = run(str(gunicorn), "--print-config", "recoverysite.wsgi", **environment)
    return {
        name.strip(): value.strip()
        for name, _, value in (line.partition("=") for line in output.splitlines())
    }


POSTGRES = "postgres://site@127.0.0.1:5432/site"


def test_postgresql_connections_are_pooled_when_asked():
    output = database_settings(DATABASE_URL=POSTGRES, DATABASE_POOL="1")
    assert "{'min_size': 1, 'max_size': 4, 'timeout': 10} 0 True" in output


def test_pool_size_comes_from_the_environment():
    output = database_settings(
        DATABASE_URL=POSTGRES, DATABASE_POOL="1", DATABASE_POOL_SIZE="8"
    )
    assert "'max_size': 8" in output


def test_without_a_pool_connections_are_kept_and_checked_before_reuse():
    assert "None 600 True" in database_settings(DATABASE_URL=POSTGRES)
    assert "None 60 True" in database_settings(
        DATABASE_URL=POSTGRES, DATABASE_CONN_MAX_AGE="60"
    )


def test_sqlite_ignores_the_pool_setting():
    assert "None 600 True" in database_settings(DATABASE_POOL="1")


def test_gunicorn_runs_two_workers_per_core_plus_one_unless_told():
    assert gunicorn_settings()["workers"] == str(os.cpu_count() * 2 + 1)
    assert gunicorn_settings(WEB_CONCURRENCY="3")["workers"] == "3"


def test_gunicorn_recycles_workers_at_staggered_moments():
    config = gunicorn_settings(GUNICORN_MAX_REQUESTS="2000")
    assert config["max_requests"] == "2000"
    assert config["max_requests_jitter"] == "200"
    assert config["timeout"] == "30"


def test_gunicorn_access_log_is_off_unless_asked_then_goes_to_stdout():
    assert gunicorn_settings()["accesslog"] == "None"
    assert gunicorn_settings(GUNICORN_ACCESS_LOG="1")["accesslog"] == "-"
