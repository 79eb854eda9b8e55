"""
The page the demo site is modelled on: a webinar announcement with a presenter
bio and a comment thread, kept as the plain text in ``seed_page.txt``.
"""

from dataclasses import dataclass
from pathlib import Path

SEED_PATH = Path(__file__).with_name("seed_page.txt")


@dataclass(frozen=True)
class SeedPage:
    welcome: str
    title: str
    introduction: list[str]
    event_description: list[str]
    presenter_bio: str
    recording_note: str
    comments: list[str]


def read_seed_page(path=SEED_PATH):
    text = path.read_text(encoding="utf-8").replace("\u00a0", " ")
    # Blocks are separated by blank lines; tracker ids and the menu toggle are noise.
    blocks = [
        block.strip()
        for block in text.split("\n\n")
        if block.strip() and not block.strip().startswith(("UA-", "≡"))
    ]
    description_at = blocks.index("Event Description:")
    presenter_at = blocks.index("About the Presenter:")
    thread_at = next(i for i, block in enumerate(blocks) if "comments…" in block)
    thread_end = blocks.index("Leave a Comment")
    return SeedPage(
        welcome=blocks[0],
        title=blocks[1],
        introduction=blocks[2:description_at],
        event_description=blocks[description_at + 1 : presenter_at],
        presenter_bio=blocks[presenter_at + 1],
        recording_note=blocks[presenter_at + 2],
        comments=parse_comments(blocks[thread_at:thread_end]),
    )


def parse_comments(blocks):
    comments, current = [], []
    for block in blocks:
        for line in block.splitlines():
            line = line.strip()
            if line.startswith("•"):
                current = [line.lstrip("• ").strip()]
                comments.append(current)
            elif line == "Reply" or "comments…" in line or not current:
                continue
            else:
                current.append(line)
    return ["\n\n".join(paragraphs) for paragraphs in comments]
