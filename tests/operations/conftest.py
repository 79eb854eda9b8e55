import pytest
from django.db import connection

from tests.processes import free_port

# A port where nothing listens stands for a server that is down.
closed_port = free_port


@pytest.fixture
def database_outage(monkeypatch):
    """
    ``start()`` cuts the site off from its database, ``restore()`` brings it back.
    On PostgreSQL and MariaDB the connection really points at a closed port;
    SQLite's in-memory test database cannot be reopened, so there every query
    fails the way a lost connection does.
    """

    class Outage:
        def start(self):
            if connection.vendor in {"postgresql", "mysql"}:
                monkeypatch.setitem(connection.settings_dict, "HOST", "127.0.0.1")
                monkeypatch.setitem(connection.settings_dict, "PORT", closed_port())
                connection.close()
            else:

                def lost(*args, **kwargs):
                    import sqlite3

                    raise sqlite3.OperationalError("disk I/O error")

                monkeypatch.setattr(connection, "create_cursor", lost)

        def restore(self):
            monkeypatch.undo()
            connection.close_if_unusable_or_obsolete()

    yield Outage()
    monkeypatch.undo()
