"""
How fast the site serves its pages under load, from a large generated site on
PostgreSQL, through gunicorn in production mode, measured with wrk.

    bench/run [--keep-data] [--seconds 10] [--connections 16] [--with-wordpress]

Each page is measured cold (the page cache off) and warm (production caching),
next to two ceilings served by the same gunicorn: a minimal Django page (one
query, a 30 KB template) and a 30 KB static file through WhiteNoise. The workers'
memory is read after 1,000 and after 20,000 requests. The results replace the
table between the markers in docs/performance.md.

With --with-wordpress, the cold pages are also compared with a WordPress site
serving the same shape of content on this machine, in the same run: both are
measured in turn, round after round, as requests per second and as server +
database CPU time per request.
"""

import argparse
import datetime
import http.client
import json
import os
import platform
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
DOC = ROOT / "docs" / "performance.md"
START_MARKER = "<!-- bench/run results: start -->"
END_MARKER = "<!-- bench/run results: end -->"
DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/recoverysite_bench"
SIZES = {
    "articles": 10000,
    "events": 500,
    "comments": 100000,
    "threaded-article-comments": 200,
    "short-discussion-comments": 51,
}
# Never scaled down by --scale: the discussions are what the article pages measure.
DISCUSSIONS = ("threaded-article-comments", "short-discussion-comments")
CEILING_BYTES = 30 * 1024

# (name, target for the cold run as a share of the minimal-page ceiling, target
# for the warm run as a share of the static-file ceiling)
PAGES = [
    ("home", 0.30, 0.70),
    ("article list", 0.30, 0.70),
    ("tag page", 0.30, 0.70),
    ("article with 51 comments", 0.10, 0.70),
    ("article with 200 comments", 0.10, 0.70),
    ("event list", 0.30, 0.70),
    ("event page", 0.30, 0.70),
    # Never kept by the page cache: what people search for stays out of it.
    ("search", None, None),
    ("article feed", None, 0.70),
]
TAIL_TARGET = 4.0  # p99 at most this many times p50

PEER_START_MARKER = "<!-- bench/run --with-wordpress results: start -->"
PEER_END_MARKER = "<!-- bench/run --with-wordpress results: end -->"
# (our page, the WordPress page it is compared with, the most of WordPress's CPU
# per request that ours may cost)
PEER_PAGES = [
    ("article with 51 comments", "post with 51 comments", 0.20),
    ("article with 200 comments", "post with 200 comments", 0.25),
    ("home", "home", 0.20),
    ("article list", "home", 0.20),
    ("tag page", "home", 0.20),
    ("event list", "home", 0.20),
    ("event page", "home", 0.20),
    ("search", "home", 0.50),
]
# The posts that the WordPress peer's recipe creates, found by their titles.
PEER_POSTS = {
    "post with 51 comments": (
        "What Professionals Need to Learn from Those They Try to Help"
    ),
    "post with 200 comments": "Article number 1 about recovery",
}
MEMORY_TARGET = 0.10  # growth between 1,000 and 20,000 requests


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--keep-data",
        action="store_true",
        help="Reuse the benchmark database if it holds generated content already.",
    )
    parser.add_argument("--seconds", type=int, default=10, help="per measurement")
    parser.add_argument("--warm-up", type=int, default=2, help="seconds before each")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--port", type=int, default=0, help="default: a free port")
    parser.add_argument(
        "--scale",
        type=float,
        default=1.0,
        help="Share of the full content sizes, for a quick trial (e.g. 0.05).",
    )
    parser.add_argument(
        "--memory-requests",
        type=int,
        default=20000,
        help="Requests after which the workers' memory is read a second time.",
    )
    parser.add_argument(
        "--no-write",
        action="store_true",
        help="Print the table without changing docs/performance.md.",
    )
    parser.add_argument(
        "--with-wordpress",
        nargs="?",
        const="http://127.0.0.1:8822",
        metavar="URL",
        help=(
            "Also compare the cold pages with the WordPress peer at URL "
            "(default http://127.0.0.1:8822), in the same run."
        ),
    )
    parser.add_argument(
        "--rounds",
        type=int,
        default=3,
        help="Rounds of the WordPress comparison (each measures every page once).",
    )
    options = parser.parse_args()
    database_url = os.environ.get("DATABASE_URL", DEFAULT_DATABASE)
    started = time.monotonic()
    machine = describe_machine()
    ensure_wrk()
    peer = WordPressPeer(options.with_wordpress) if options.with_wordpress else None
    with tempfile.TemporaryDirectory(prefix="recoverysite-bench-") as folder:
        bench = Bench(Path(folder), database_url, options)
        bench.prepare()
        results = bench.measure()
        if peer:
            comparison = bench.compare_with(peer)
    machine["PostgreSQL"] = bench.postgres_version
    machine["Run took"] = f"{(time.monotonic() - started) / 60:.1f} minutes"
    report = render_report(machine, results, options)
    print(report)
    if peer:
        machine["WordPress"] = peer.version
        peer_report = render_comparison(machine, comparison, options)
        print(peer_report)
    if not options.no_write:
        write_report(report, START_MARKER, END_MARKER)
        if peer:
            write_report(peer_report, PEER_START_MARKER, PEER_END_MARKER)
        print(f"Written to {DOC.relative_to(ROOT)}.")


def log(message):
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def ensure_wrk():
    if shutil.which("wrk"):
        return
    log("Installing wrk (Debian package) …")
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    subprocess.run([*sudo, "apt-get", "install", "-y", "wrk"], check=True)


class Bench:
    def __init__(self, folder, database_url, options):
        self.folder = folder
        self.database_url = database_url
        self.options = options
        self.port = options.port or free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.postgres_version = ""
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "bench.settings",
            "BENCH_DIR": str(folder),
            "DEBUG": "0",
            "SECRET_KEY": os.urandom(40).hex(),
            "ALLOWED_HOSTS": "127.0.0.1",
            "SITE_URL": self.base,
            "DATABASE_URL": database_url,
            "STATIC_ROOT": str(folder / "staticfiles"),
            "MEDIA_ROOT": str(folder / "media"),
            "GUNICORN_BIND": f"127.0.0.1:{self.port}",
            # Workers are never replaced here, so that memory growth shows.
            "GUNICORN_MAX_REQUESTS": "0",
            "LOG_LEVEL": "ERROR",
        }
        for name in ("REDIS_URL", "PAGE_CACHE_SECONDS", "SERVE_MEDIA"):
            self.env.pop(name, None)

    def manage(self, *args, capture=False):
        result = subprocess.run(
            [PYTHON, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            check=True,
            text=True,
            stdout=subprocess.PIPE if capture else None,
        )
        return result.stdout

    def prepare(self):
        self.write_ceiling_files()
        kept = self.options.keep_data and self.has_generated_content()
        if kept:
            log("Reusing the generated content in the benchmark database.")
        else:
            self.create_database()
            log("Migrating …")
            self.manage("migrate", "--no-input", "-v", "0")
            log("Generating content …")
            self.manage(
                "generate_content",
                *(f"--{name}={count}" for name, count in sizes(self.options).items()),
            )
        self.manage("collectstatic", "--no-input", "-v", "0")
        self.postgres_version = self.query("SHOW server_version")
        self.addresses = json.loads(self.shell(ADDRESSES))
        manifest = json.loads(
            (self.folder / "staticfiles" / "staticfiles.json").read_text()
        )
        self.static_url = "/static/" + manifest["paths"]["bench/ceiling.txt"]

    def write_ceiling_files(self):
        line = "Recovery is a journey we make together, one gentle step at a time. "
        text = (line * (CEILING_BYTES // len(line) + 1))[:CEILING_BYTES]
        template = self.folder / "templates" / "bench" / "ceiling.html"
        template.parent.mkdir(parents=True)
        head = "<!doctype html><title>{{ title }}</title><main><p>"
        template.write_text(head + text[len(head) :] + "</p></main>\n")
        static = self.folder / "static" / "bench" / "ceiling.txt"
        static.parent.mkdir(parents=True)
        static.write_text(text)

    def query(self, sql):
        code = (
            "from django.db import connection\n"
            "with connection.cursor() as c:\n"
            f"    c.execute({sql!r}); print(c.fetchone()[0])"
        )
        return self.shell(code)

    def shell(self, code):
        """The last line that ``code`` prints, run by manage.py shell."""
        output = self.manage("shell", "--no-imports", "-c", code, capture=True)
        return output.strip().splitlines()[-1]

    def has_generated_content(self):
        try:
            count = self.query(
                "SELECT count(*) FROM articles_article WHERE slug LIKE 'generated-%%'"
            )
        except subprocess.CalledProcessError:
            return False
        return int(count or 0) > 0

    def create_database(self):
        name = self.database_url.rsplit("/", 1)[1].split("?")[0]
        admin_url = self.database_url.rsplit("/", 1)[0] + "/postgres"
        log(f"Creating the database {name} …")
        code = (
            "import sys, psycopg\n"
            "with psycopg.connect(sys.argv[1], autocommit=True) as c:\n"
            "    c.execute(f'DROP DATABASE IF EXISTS \"{sys.argv[2]}\"')\n"
            "    c.execute(f'CREATE DATABASE \"{sys.argv[2]}\"')\n"
        )
        subprocess.run([PYTHON, "-c", code, admin_url, name], check=True)

    def measure(self):
        results = {"rows": [], "memory": {}}
        with self.server(page_cache_seconds=0) as master:
            requests = self.request_mix(1000)
            before = workers_rss(master)
            ceilings = self.ceilings("cold")
            results["rows"] += ceilings
            for name, target, _warm_target in PAGES:
                row = self.wrk(name, self.addresses[name])
                row.update(mode="cold", target=target, base=ceilings[0])
                results["rows"].append(row)
            requests += sum(row["requests"] for row in results["rows"])
            if requests < self.options.memory_requests:
                requests += self.request_mix(self.options.memory_requests - requests)
            after = workers_rss(master)
            results["memory"] = {
                "before": before,
                "after": after,
                "requests": requests,
            }
        with self.server(page_cache_seconds=600):
            ceilings = self.ceilings("warm")
            results["rows"] += ceilings
            for name, _target, warm_target in PAGES:
                row = self.wrk(name, self.addresses[name])
                row.update(mode="warm", target=warm_target, base=ceilings[1])
                results["rows"].append(row)
        return results

    def ceilings(self, mode):
        """Both ceilings, measured on each server so that a page's share compares
        two measurements made under the same conditions."""
        page = self.wrk("ceiling: minimal page", "/bench/ceiling/")
        static = self.wrk("ceiling: 30 KB static file", self.static_url)
        for row in (page, static):
            row.update(mode=mode, target=None, base=None)
        return [page, static]

    def server(self, page_cache_seconds):
        return Server(self, page_cache_seconds)

    def compare_with(self, peer):
        """Our cold pages and WordPress's, measured in turn in each round."""
        database = self.database_url.rsplit("/", 1)[1].split("?")[0]
        measured = {}
        with self.server(page_cache_seconds=0) as master:
            ours = {
                name: (
                    self.base + self.addresses[name],
                    ServerProcesses.ours(master, database),
                )
                for name in dict.fromkeys(page for page, _peer, _share in PEER_PAGES)
            }
            theirs = {
                name: (url, ServerProcesses.wordpress())
                for name, url in peer.addresses().items()
            }
            for number in range(1, self.options.rounds + 1):
                log(f"Round {number} of {self.options.rounds} with WordPress")
                for side, pages in (("ours", ours), ("WordPress", theirs)):
                    for name, (url, processes) in pages.items():
                        row = self.cpu_and_rate(f"{side}: {name}", url, processes)
                        measured.setdefault((side, name), []).append(row)
        return measured

    def cpu_and_rate(self, name, url, processes):
        """Server + database CPU per request with one connection, then requests
        per second with the usual number of connections."""
        self.wrk(name, url, connections=1)  # warm-up of this page
        before = processes.cpu_seconds()
        single = self.wrk(name + " (1 connection)", url, connections=1, warm_up=False)
        cpu = processes.cpu_seconds() - before
        if not single["requests"]:
            raise SystemExit(
                f"{name}: no request finished in {self.options.seconds} s with one "
                "connection; measure longer (--seconds)."
            )
        loaded = self.wrk(name, url, warm_up=False)
        return {
            "cpu_ms": cpu * 1000 / single["requests"],
            "rps": loaded["rps"],
            "p50": loaded["p50"],
            "p99": loaded["p99"],
        }

    def wrk(self, name, path_or_url, connections=None, warm_up=True):
        url = path_or_url if "://" in path_or_url else self.base + path_or_url
        connections = str(connections or self.options.connections)
        threads = str(min(2, int(connections)))
        # A slow page is measured, not counted as a failure after wrk's 2 s.
        common = ["wrk", "-t", threads, "-c", connections, "--latency", "-T", "30s"]
        if warm_up:
            subprocess.run(
                [*common, "-d", f"{self.options.warm_up}s", url],
                check=True,
                capture_output=True,
            )
        output = subprocess.run(
            [*common, "-d", f"{self.options.seconds}s", url],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        result = parse_wrk(output)
        result["name"] = name
        log(
            f"{name}: {result['rps']:.0f} req/s, p50 {milliseconds(result['p50'])} ms, "
            f"p99 {milliseconds(result['p99'])} ms"
        )
        if result["p50"] is None:
            raise SystemExit(f"{name} ({url}): no response in {self.options.seconds} s")
        if result["errors"]:
            raise SystemExit(f"{name} ({url}): {result['errors']} failed responses")
        return result

    def request_mix(self, count):
        """``count`` requests spread over the measured pages, 8 at a time."""
        paths = [self.addresses[name] for name, _target, _warm in PAGES]
        lock = threading.Lock()
        state = {"sent": 0, "failed": 0}

        def client():
            connection = http.client.HTTPConnection("127.0.0.1", self.port)
            while True:
                with lock:
                    if state["sent"] >= count:
                        return
                    path = paths[state["sent"] % len(paths)]
                    state["sent"] += 1
                connection.request("GET", path)
                response = connection.getresponse()
                response.read()
                if response.status != 200:
                    state["failed"] += 1

        threads = [threading.Thread(target=client) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        if state["failed"]:
            raise SystemExit(f"{state['failed']} requests failed")
        return count


class Server:
    """gunicorn with the production settings file, for the time of a with-block."""

    def __init__(self, bench, page_cache_seconds):
        self.bench = bench
        self.env = {**bench.env, "PAGE_CACHE_SECONDS": str(page_cache_seconds)}
        self.mode = "cold" if page_cache_seconds == 0 else "warm"

    def __enter__(self):
        log(f"Starting gunicorn ({self.mode}) …")
        self.process = subprocess.Popen(
            [
                GUNICORN,
                "-c",
                "gunicorn.conf.py",
                # Its default path is shared by every gunicorn of the same user.
                "--no-control-socket",
                "recoverysite.wsgi:application",
            ],
            cwd=ROOT,
            env=self.env,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                connection = http.client.HTTPConnection("127.0.0.1", self.bench.port)
                connection.request("GET", "/robots.txt")
                if connection.getresponse().status == 200:
                    return self.process.pid
            except OSError:
                pass
            if self.process.poll() is not None:
                raise SystemExit("gunicorn did not start")
            time.sleep(0.3)
        raise SystemExit("gunicorn did not answer within a minute")

    def __exit__(self, *exc):
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=60)


class ServerProcesses:
    """The processes that serve one site, and the CPU time they have used."""

    TICKS = os.sysconf("SC_CLK_TCK")

    def __init__(self, belongs):
        self.belongs = belongs  # (pid, command line) -> bool
        self.seen = {}

    @classmethod
    def ours(cls, master, database):
        """gunicorn's master and workers, and the PostgreSQL backends connected
        to the benchmark database (other databases' backends are someone else's)."""

        def belongs(pid, ppid, command):
            return (
                pid == master
                or ppid == master
                or (command.startswith("postgres: ") and f" {database} " in command)
            )

        return cls(belongs)

    @classmethod
    def wordpress(cls):
        """php-fpm's master and children, and MariaDB."""

        def belongs(pid, ppid, command):
            return command.startswith("php-fpm") or command.startswith(
                "/usr/sbin/mariadbd"
            )

        return cls(belongs)

    def cpu_seconds(self):
        """User + system time of the processes since they started, in seconds,
        counting the children a counted parent has reaped (php-fpm replaces its
        children) and never counting a process twice."""
        total = 0
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                stat = (entry / "stat").read_text()
                command = (entry / "cmdline").read_bytes().replace(b"\0", b" ")
            except OSError:
                continue
            fields = stat[stat.rindex(")") + 2 :].split()
            pid, ppid = int(entry.name), int(fields[1])
            if self.belongs(pid, ppid, command.decode(errors="replace").strip()):
                utime, stime, cutime, cstime = (int(value) for value in fields[11:15])
                total += utime + stime + cutime + cstime
        return total / self.TICKS


class WordPressPeer:
    """A WordPress site with the same shape of content: an article of about 1,500
    words with 51 comments in threads of three, one with 200, 100 other posts."""

    def __init__(self, url):
        self.url = url.rstrip("/")
        try:
            with urllib.request.urlopen(
                self.url + "/?rest_route=/", timeout=10
            ) as answer:
                about = json.load(answer)
        except (OSError, ValueError) as error:
            raise SystemExit(
                f"No WordPress answers at {self.url} ({error}). See "
                "docs/performance.md for how to install the WordPress peer."
            ) from error
        self.version = about.get("name", "WordPress") + ", " + self.generator()

    def generator(self):
        with urllib.request.urlopen(self.url + "/", timeout=10) as answer:
            page = answer.read().decode(errors="replace")
        found = re.search(r'<meta name="generator" content="([^"]+)"', page)
        return found.group(1) if found else "version not shown"

    def addresses(self):
        found = {}
        for name, title in PEER_POSTS.items():
            query = urllib.parse.urlencode(
                {"rest_route": "/wp/v2/posts", "search": title, "_fields": "link,title"}
            )
            with urllib.request.urlopen(f"{self.url}/?{query}", timeout=10) as answer:
                posts = json.load(answer)
            links = [
                post["link"] for post in posts if post["title"]["rendered"] == title
            ]
            if not links:
                raise SystemExit(f"The WordPress peer has no post called “{title}”.")
            found[name] = links[0]
        found["home"] = self.url + "/"
        return found


ADDRESSES = """
import json
from django.utils.http import urlencode
from articles.models import Article
from events.models import Event
from taggit.models import Tag
discussion, short_discussion = Article.objects.order_by("pk")[:2]
tag = Tag.objects.filter(article__isnull=False).order_by("pk").first()
event = Event.objects.published().past().exclude(recording_url="").first()
print(json.dumps({
    "home": "/",
    "article list": "/articles/",
    "tag page": f"/tags/{tag.slug}/",
    "article with 51 comments": short_discussion.get_absolute_url(),
    "article with 200 comments": discussion.get_absolute_url(),
    "event list": "/events/",
    "event page": event.get_absolute_url(),
    "search": "/search/?" + urlencode({"q": "lithium tapering"}),
    "article feed": "/feeds/articles/",
}))
"""


def sizes(options):
    """The content sizes, scaled down for a trial; the discussions stay."""
    return {
        name: count if name in DISCUSSIONS else max(1, round(count * options.scale))
        for name, count in SIZES.items()
    }


def milliseconds(value):
    return "—" if value is None else f"{value:.1f}"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def parse_wrk(output):
    def duration(text):
        value, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]

    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)\s*$", output, re.MULTILINE))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: (.*)$", output, re.MULTILINE)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "requests": int(re.search(r"(\d+) requests in", output).group(1)),
        "p50": duration(latency["50"]) if "50" in latency else None,
        "p99": duration(latency["99"]) if "99" in latency else None,
        "errors": int(errors.group(1)) if errors else 0,
        "socket_errors": socket_errors.group(1) if socket_errors else "",
    }


def workers_rss(master):
    """Resident memory of each gunicorn worker (children of ``master``), in MB."""
    sizes = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
        except OSError:
            continue
        fields = dict(
            line.split(":\t", 1) for line in status.splitlines() if ":\t" in line
        )
        if fields.get("PPid", "").strip() == str(master):
            sizes.append(int(fields["VmRSS"].split()[0]) / 1024)
    return sorted(sizes)


def describe_machine():
    cpu = "unknown"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    memory = "unknown"
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal"):
            memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GB"
    system = platform.platform()
    os_release = Path("/etc/os-release")
    if os_release.exists():
        found = re.search(r'^PRETTY_NAME="(.*)"$', os_release.read_text(), re.M)
        system = found.group(1) if found else system
    load = os.getloadavg()
    return {
        "Date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "CPU": cpu,
        "Cores": str(os.cpu_count()),
        "RAM": memory,
        "OS": system,
        "Python": platform.python_version(),
        "Load average at start (1, 5, 15 min)": ", ".join(f"{v:.2f}" for v in load),
    }


def render_report(machine, results, options):
    lines = [
        f"Measured with `bench/run`: wrk, {options.connections} connections, "
        f"{options.seconds} s per page after {options.warm_up} s of warm-up; "
        f"gunicorn with `gunicorn.conf.py` ({os.cpu_count() * 2 + 1} workers); "
        "a generated site of "
        + ", ".join(
            f"{count:,} {name.replace('-', ' ')}"
            for name, count in sizes(options).items()
        )
        + ".",
        "",
        "| | |",
        "| --- | --- |",
        *(f"| {name} | {value} |" for name, value in machine.items()),
        "",
        "| page | caches | req/s | p50 ms | p99 ms | p99/p50 | share of ceiling "
        "| target | met |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for row in results["rows"]:
        tail = row["p99"] / row["p50"]
        if row["base"] is None:
            lines.append(
                f"| *{row['name']}* | {row['mode']} | {row['rps']:.0f} | "
                f"{row['p50']:.1f} | {row['p99']:.1f} | {tail:.1f} | — | — | — |"
            )
            continue
        share = row["rps"] / row["base"]["rps"]
        base = "static" if row["mode"] == "warm" else "page"
        if row["target"] is None:
            target, met = "—", "—"
        else:
            target = f"≥ {row['target']:.0%} of {base}"
            met = "yes" if share >= row["target"] else "**no**"
        if tail > TAIL_TARGET:
            met += f" (p99 **{tail:.1f}×** p50)"
        lines.append(
            f"| {row['name']} | {row['mode']} | {row['rps']:.0f} | "
            f"{row['p50']:.1f} | {row['p99']:.1f} | {tail:.1f} | {share:.0%} | "
            f"{target} | {met} |"
        )
    memory = results["memory"]
    before, after = sum(memory["before"]), sum(memory["after"])
    growth = (after - before) / before if before else 0
    memory_met = "met" if growth < MEMORY_TARGET else "**not met**"
    lines += [
        "",
        f"Worker memory (RSS, {len(memory['after'])} workers, cold server): "
        f"{before:.0f} MB after 1,000 requests, {after:.0f} MB after "
        f"{memory['requests']:,} requests: {growth:+.1%} "
        f"(target < {MEMORY_TARGET:.0%}: {memory_met}). "
        "Per worker: "
        + ", ".join(
            f"{a:.0f} → {b:.0f} MB"
            for a, b in zip(memory["before"], memory["after"], strict=False)
        )
        + ".",
    ]
    return "\n".join(lines)


def render_comparison(machine, measured, options):
    def spread(values, digits=1):
        values = sorted(values)
        middle = values[len(values) // 2]
        if len(values) == 1:
            return middle, f"{middle:.{digits}f}"
        return (
            middle,
            f"{middle:.{digits}f} ({values[0]:.{digits}f}–{values[-1]:.{digits}f})",
        )

    lines = [
        f"Measured with `bench/run --with-wordpress`: {options.rounds} rounds, each "
        "measuring every page of both sites in turn, the page cache off. CPU per "
        "request: the user + system time of the serving processes (gunicorn's "
        "workers and their PostgreSQL backends; php-fpm and MariaDB) over "
        f"{options.seconds} s with one connection, divided by the requests served. "
        f"Requests per second: {options.seconds} s with {options.connections} "
        "connections. Median of the rounds, the range in brackets.",
        "",
        "| | |",
        "| --- | --- |",
        *(f"| {name} | {value} |" for name, value in machine.items()),
        "",
        "| our page | CPU ms/request | req/s | WordPress page | CPU ms/request "
        "| req/s | ours / WordPress CPU | target | met |",
        "| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | --- |",
    ]
    for ours, theirs, target in PEER_PAGES:
        our_cpu, our_cpu_text = spread(
            row["cpu_ms"] for row in measured[("ours", ours)]
        )
        _rate, our_rate = spread((row["rps"] for row in measured[("ours", ours)]), 0)
        rows = measured[("WordPress", theirs)]
        their_cpu, their_cpu_text = spread(row["cpu_ms"] for row in rows)
        _rate, their_rate = spread((row["rps"] for row in rows), 0)
        ratio = our_cpu / their_cpu
        tails = [row["p99"] / row["p50"] for row in measured[("ours", ours)]]
        met = "yes" if ratio <= target else "**no**"
        if max(tails) > TAIL_TARGET:
            met += f" (p99 **{max(tails):.1f}×** p50)"
        lines.append(
            f"| {ours} | {our_cpu_text} | {our_rate} | {theirs} | {their_cpu_text} "
            f"| {their_rate} | {ratio:.0%} | ≤ {target:.0%} | {met} |"
        )
    return "\n".join(lines)


def write_report(report, start_marker, end_marker):
    text = DOC.read_text()
    start = text.index(start_marker) + len(start_marker)
    end = text.index(end_marker)
    DOC.write_text(text[:start] + "\n" + report + "\n" + text[end:])


if __name__ == "__main__":
    sys.exit(main())
