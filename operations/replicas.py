"""
Reads from a database replica, used when DATABASE_REPLICA_URL is set.

A replica lags behind its primary by a moment, so only reads that can live with
that go there: page views by anonymous visitors who changed nothing recently.
Writes, reads inside a transaction, management commands, signed-in people (the
admin) and a browser for REPLICA_MAX_LAG_SECONDS after it posted something (a
comment's "received" page right after the comment) all use the primary.
"""

from contextvars import ContextVar

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections

REPLICA_ALIAS = "replica"
RECENT_WRITE_COOKIE = "recent_write"
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")

# Off unless a request says otherwise: code outside requests reads the primary.
replica_allowed = ContextVar("replica_allowed", default=False)


class PrimaryReplicaRouter:
    def db_for_read(self, model, **hints):
        if replica_allowed.get() and not connections[DEFAULT_DB_ALIAS].in_atomic_block:
            return REPLICA_ALIAS
        return DEFAULT_DB_ALIAS

    def db_for_write(self, model, **hints):
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        # Both aliases hold the same rows.
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        # The replica gets its tables from the primary through replication.
        return db == DEFAULT_DB_ALIAS


class ReplicaReadsMiddleware:
    """Lets anonymous page views read from the replica."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = replica_allowed.set(self.may_read_replica(request))
        try:
            response = self.get_response(request)
        finally:
            replica_allowed.reset(token)
        if request.method not in SAFE_METHODS:
            # The pages this browser asks for next show what it just changed.
            response.set_cookie(
                RECENT_WRITE_COOKIE,
                "1",
                max_age=settings.REPLICA_MAX_LAG_SECONDS,
                httponly=True,
                samesite="Lax",
                secure=request.is_secure(),
            )
        return response

    @staticmethod
    def may_read_replica(request):
        return (
            request.method in SAFE_METHODS
            and RECENT_WRITE_COOKIE not in request.COOKIES
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
        )
