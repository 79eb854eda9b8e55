"""
gunicorn's settings for production, read by ``gunicorn recoverysite.wsgi`` when it
is started from this folder. Each can be changed by an environment variable.
"""

import os
import pathlib

# Behind a web server on the same machine; GUNICORN_BIND=0.0.0.0:8000 otherwise.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")

# Pages are made by Python (CPU) and wait on PostgreSQL, so two processes per core
# plus one keep the cores busy. WEB_CONCURRENCY is the usual override.
workers = int(os.environ.get("WEB_CONCURRENCY", os.cpu_count() * 2 + 1))
# More than one thread per worker suits DATABASE_POOL=1 (one pool per worker).
threads = int(os.environ.get("GUNICORN_THREADS", "1"))

# A page that takes longer than this is stuck: the worker is replaced.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5

# Workers are replaced after a number of requests, at different moments, so that
# memory held by a long-lived process is returned without all restarting at once.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "5000"))
max_requests_jitter = max_requests // 10

# Errors go to stderr; one line per request only when asked (GUNICORN_ACCESS_LOG=1),
# to stdout, where systemd or the container runtime collects it.
errorlog = "-"
accesslog = "-" if os.environ.get("GUNICORN_ACCESS_LOG", "") in {"1", "true"} else None

# The heartbeat file in memory: a slow disk never makes a worker look stuck.
if pathlib.Path("/dev/shm").is_dir():
    worker_tmp_dir = "/dev/shm"

# Behind a TLS-terminating proxy on this machine, trust its X-Forwarded-* headers.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
