"""Plain text as people read it: without invisible characters that change it."""

# Bidirectional embeddings, overrides and isolates (which can make "gpj.exe" read
# as "exe.jpg"), zero-width spaces, word joiners and byte-order marks, and the
# control characters XML feeds refuse. Zero-width (non-)joiners stay: emoji
# sequences and several scripts need them.
HIDDEN_CHARACTERS = dict.fromkeys(
    [
        *range(0x00, 0x09),
        0x0B,
        0x0C,
        *range(0x0E, 0x20),
        0x7F,
        0x200B,
        *range(0x202A, 0x202F),
        0x2060,
        *range(0x2066, 0x206A),
        0xFEFF,
    ]
)


def visible_text(value):
    """``value`` without hidden characters; line breaks and tabs are kept."""
    return value.translate(HIDDEN_CHARACTERS)
