"""
Backups of the whole site in one archive: the database and the uploaded files,
with a manifest saying what is inside. ``manage.py backup`` writes one and
``manage.py restore`` brings one back (docs/operations.md).

PostgreSQL is dumped with ``pg_dump`` and restored with ``pg_restore``; SQLite
is copied with its online backup API, which is safe while the site is running.
"""

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path, PurePosixPath

import django
from django.core.cache import cache
from django.core.files.base import File
from django.core.files.storage import default_storage
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

FORMAT = 1
MANIFEST = "manifest.json"
MEDIA_PREFIX = "media/"
DATABASE_FILES = {"postgresql": "database.dump", "sqlite": "database.sqlite3"}


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why and what to do."""


def database_connection():
    connection = connections[DEFAULT_DB_ALIAS]
    if connection.vendor not in DATABASE_FILES:
        raise BackupError(
            f"Backups support PostgreSQL and SQLite, not {connection.vendor}."
        )
    return connection


def create(output_dir):
    """Write a backup archive into ``output_dir``; return its path and manifest."""
    output_dir = Path(output_dir)
    output_dir.mkdir(parents=True, exist_ok=True)
    connection = database_connection()
    stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
    archive_path = output_dir / f"recoverysite-backup-{stamp}.tar.gz"
    with tempfile.TemporaryDirectory() as workdir:
        database_file = Path(workdir) / DATABASE_FILES[connection.vendor]
        if connection.vendor == "postgresql":
            dump_postgresql(connection, database_file)
        else:
            copy_sqlite(connection, database_file)
        manifest = {
            "format": FORMAT,
            "created_at": timezone.now().isoformat(),
            "django": django.get_version(),
            "database": {
                "vendor": connection.vendor,
                "file": database_file.name,
                "sha256": sha256_of(database_file),
                "migrations": latest_migrations(connection),
            },
            "media": {"files": 0, "bytes": 0},
        }
        partial = archive_path.with_name(archive_path.name + ".partial")
        # Commenters' addresses are inside: readable by the owner only.
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            with (
                os.fdopen(descriptor, "wb") as raw,
                tarfile.open(fileobj=raw, mode="w:gz") as archive,
            ):
                archive.add(database_file, arcname=database_file.name)
                for name in media_names():
                    size = default_storage.size(name)
                    with default_storage.open(name) as media_file:
                        add_file(archive, MEDIA_PREFIX + name, media_file, size)
                    manifest["media"]["files"] += 1
                    manifest["media"]["bytes"] += size
                add_bytes(archive, MANIFEST, json.dumps(manifest, indent=2).encode())
            partial.replace(archive_path)
        finally:
            partial.unlink(missing_ok=True)
    return archive_path, manifest


def restore(archive_path):
    """Replace the database and put back the uploaded files; return the manifest."""
    connection = database_connection()
    try:
        archive = tarfile.open(archive_path, mode="r:gz")
    except (OSError, tarfile.TarError) as error:
        raise BackupError(
            f"{archive_path} is not a readable backup: {error}"
        ) from error
    with archive, tempfile.TemporaryDirectory() as workdir:
        manifest = read_manifest(archive)
        vendor = manifest["database"]["vendor"]
        if vendor != connection.vendor:
            raise BackupError(
                f"This backup holds a {vendor} database; the site uses "
                f"{connection.vendor}. Restore it into a {vendor} database."
            )
        database_file = Path(workdir) / manifest["database"]["file"]
        extract_to(archive, manifest["database"]["file"], database_file)
        if sha256_of(database_file) != manifest["database"]["sha256"]:
            raise BackupError("The database in this backup is damaged (checksum).")
        media = [
            member
            for member in archive.getmembers()
            if member.isfile() and member.name.startswith(MEDIA_PREFIX)
        ]
        for member in media:
            safe_media_name(member.name)
        if connection.vendor == "postgresql":
            restore_postgresql(connection, database_file)
        else:
            restore_sqlite(connection, database_file)
        for member in media:
            name = safe_media_name(member.name)
            if default_storage.exists(name):
                default_storage.delete(name)
            saved = default_storage.save(name, File(archive.extractfile(member)))
            if saved != name:
                raise BackupError(f"Could not put {name} back (saved as {saved}).")
    # Cached pages and counters describe the database as it was before.
    cache.clear()
    return manifest


def media_names(directory=""):
    """Every file in the media storage, depth first."""
    try:
        directories, files = default_storage.listdir(directory)
    except FileNotFoundError:
        return
    for name in sorted(files):
        yield f"{directory}/{name}" if directory else name
    for name in sorted(directories):
        yield from media_names(f"{directory}/{name}" if directory else name)


def latest_migrations(connection):
    recorder = MigrationRecorder(connection)
    latest = {}
    for app, name in sorted(recorder.applied_migrations()):
        latest[app] = max(latest.get(app, name), name)
    return latest


def postgresql_environment(connection):
    """libpq's variables: the password never shows in the process list."""
    params = connection.settings_dict
    env = dict(os.environ)
    for variable, key in (
        ("PGHOST", "HOST"),
        ("PGPORT", "PORT"),
        ("PGUSER", "USER"),
        ("PGPASSWORD", "PASSWORD"),
        ("PGDATABASE", "NAME"),
    ):
        if params.get(key):
            env[variable] = str(params[key])
    if sslmode := params.get("OPTIONS", {}).get("sslmode"):
        env["PGSSLMODE"] = sslmode
    return env


def run_postgresql_tool(tool, arguments, connection):
    executable = shutil.which(tool)
    if executable is None:
        raise BackupError(
            f"{tool} was not found. Install the PostgreSQL client tools of the "
            f"server's major version (Debian: apt-get install postgresql-client)."
        )
    result = subprocess.run(
        [executable, *arguments],
        env=postgresql_environment(connection),
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise BackupError(f"{tool} failed: {result.stderr.strip()}")


def dump_postgresql(connection, target):
    run_postgresql_tool(
        "pg_dump",
        ["--format=custom", "--no-owner", "--no-privileges", f"--file={target}"],
        connection,
    )


def restore_postgresql(connection, source):
    connection.close()
    run_postgresql_tool(
        "pg_restore",
        [
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            f"--dbname={connection.settings_dict['NAME']}",
            str(source),
        ],
        connection,
    )


def copy_sqlite(connection, target):
    connection.ensure_connection()
    with sqlite3.connect(target) as copy:
        connection.connection.backup(copy)
    copy.close()


def restore_sqlite(connection, source):
    connection.ensure_connection()
    saved = sqlite3.connect(source)
    try:
        saved.backup(connection.connection)
    finally:
        saved.close()


def read_manifest(archive):
    try:
        member = archive.getmember(MANIFEST)
        manifest = json.load(archive.extractfile(member))
    except (KeyError, ValueError, tarfile.TarError) as error:
        raise BackupError(
            "This archive has no readable manifest: it is not a site backup."
        ) from error
    if manifest.get("format") != FORMAT:
        raise BackupError(
            f"This backup has format {manifest.get('format')}; this version of the "
            f"site reads format {FORMAT}."
        )
    return manifest


def extract_to(archive, name, target):
    try:
        member = archive.getmember(name)
    except KeyError as error:
        raise BackupError(f"The backup is missing {name}.") from error
    with archive.extractfile(member) as source, open(target, "wb") as copy:
        shutil.copyfileobj(source, copy)


def safe_media_name(archive_name):
    name = PurePosixPath(archive_name[len(MEDIA_PREFIX) :])
    if name.is_absolute() or ".." in name.parts or not name.parts:
        raise BackupError(f"The backup holds an unsafe file name: {archive_name}")
    return str(name)


def add_file(archive, name, file_object, size):
    info = tarfile.TarInfo(name)
    info.size = size
    info.mtime = int(timezone.now().timestamp())
    info.mode = 0o600
    archive.addfile(info, file_object)


def add_bytes(archive, name, content):
    add_file(archive, name, io.BytesIO(content), len(content))


def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as source:
        for block in iter(lambda: source.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
