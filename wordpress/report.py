"""What an import did: counts per kind of object, what was left out and why."""

import csv
from collections import Counter, defaultdict
from dataclasses import dataclass, field

KINDS = [
    ("authors", "Authors"),
    ("articles", "Articles"),
    ("pages", "Pages"),
    ("events", "Events"),
    ("presenters", "Presenters"),
    ("tags", "Tags"),
    ("comments", "Comments"),
    ("redirects", "Redirects"),
    ("media", "Media files"),
]
COLUMNS = ["created", "updated", "unchanged", "skipped"]
# Examples kept per reason: a large export may repeat one reason thousands of times.
EXAMPLES = 5


def as_text_cell(value):
    """
    A cell a spreadsheet shows as text: a post titled "=HYPERLINK(…)" must not
    become a formula on the editor's computer.
    """
    if value.startswith(("=", "+", "-", "@", "\t", "\r")):
        return "'" + value
    return value


@dataclass
class Report:
    source: str = ""
    title: str = ""
    dry_run: bool = False
    counts: dict = field(default_factory=lambda: defaultdict(Counter))
    skipped: dict = field(default_factory=lambda: defaultdict(list))
    skipped_counts: Counter = field(default_factory=Counter)
    notes: dict = field(default_factory=lambda: defaultdict(list))
    note_counts: Counter = field(default_factory=Counter)
    missing_media: dict = field(default_factory=dict)
    # Every skip and note with its item, for the file: the terminal shows examples.
    entries: list = field(default_factory=list)

    def count(self, kind, outcome, number=1):
        self.counts[kind][outcome] += number

    def skip(self, kind, reason, example=""):
        """An item left out, grouped by reason."""
        self.count(kind, "skipped")
        self.skipped_counts[reason] += 1
        self.entries.append(("not imported", reason, example))
        if example and len(self.skipped[reason]) < EXAMPLES:
            self.skipped[reason].append(example)

    def note(self, topic, example=""):
        """Something imported differently from WordPress, grouped by topic."""
        self.note_counts[topic] += 1
        self.entries.append(("imported differently", topic, example))
        if example and len(self.notes[topic]) < EXAMPLES:
            self.notes[topic].append(example)

    def lines(self):
        heading = (
            "Dry run of the WordPress import" if self.dry_run else "WordPress import"
        )
        yield f"{heading}: “{self.title}” ({self.source})"
        yield ""
        yield f"{'':14}" + "".join(f"{column:>11}" for column in COLUMNS)
        for kind, label in KINDS:
            counts = self.counts.get(kind, Counter())
            yield f"{label:14}" + "".join(f"{counts[column]:>11}" for column in COLUMNS)
        yield from self.grouped("Not imported", self.skipped_counts, self.skipped)
        yield from self.grouped("Imported differently", self.note_counts, self.notes)
        if self.missing_media:
            yield ""
            yield f"Media files not imported ({len(self.missing_media)}):"
            for path, reason in list(self.missing_media.items())[:20]:
                yield f"  {path}: {reason}"
            if len(self.missing_media) > 20:
                yield f"  … and {len(self.missing_media) - 20} more"
        yield ""
        if self.dry_run:
            yield "Dry run: nothing was written."
        else:
            yield "Done."

    def write_csv(self, file):
        """The whole report as CSV rows an editor can open in a spreadsheet."""
        writer = csv.writer(file)
        writer.writerow(["section", "what", "item or detail"])
        for kind, label in KINDS:
            counts = self.counts.get(kind, Counter())
            for column in COLUMNS:
                writer.writerow(["counts", f"{label} {column}", counts[column]])
        for row in self.entries:
            writer.writerow([as_text_cell(value) for value in row])
        for path, reason in self.missing_media.items():
            writer.writerow(["media file not imported", reason, as_text_cell(path)])

    def grouped(self, heading, counts, examples):
        if not counts:
            return
        yield ""
        yield f"{heading}:"
        for reason, number in counts.most_common():
            yield f"  {number} × {reason}"
            for example in examples.get(reason, []):
                yield f"      {example}"
