"""
WordPress post content to the HTML our rich-text fields keep.

The steps follow what WordPress itself does when it shows a post: comments
(block-editor markers included) out, shortcodes expanded, lone URLs on a line
made into embeds, then automatic paragraphs (``wpautop``) for classic-editor
content. The result is then brought down to the rich-text allow-list by hand, so
that nothing readable is lost when the sanitiser runs (a heading stays a heading,
a table row becomes a paragraph, a YouTube frame becomes a link to the video),
and finally sanitised.
"""

import html
import posixpath
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from events.embeds import parse_recording_url
from recoverysite.rich_text import sanitize_html

# Whether the body allow-list keeps <img> from our own media: uploaded pictures
# with a description then stay pictures (from the image library); the others
# become links to the imported file.
IMAGES_ALLOWED = "<img" in sanitize_html(
    f'<p><img src="{settings.MEDIA_URL}x.jpg" alt="x"></p>'
)

# wpautop's list of block-level elements.
AUTOP_BLOCKS = (
    r"(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|"
    r"li|pre|form|map|area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|"
    r"legend|section|article|aside|hgroup|header|footer|nav|figure|figcaption|"
    r"details|menu|summary)"
)
HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
BLOCK_COMMENT = re.compile(r"<!--\s*/?wp:")
# WordPress's autoembed: a URL alone on its line, or alone in a paragraph.
URL_LINE = re.compile(
    r'^(?:[ \t]*|<p>\s*)(https?://[^\s<>"]+)(?:[ \t]*|\s*</p>)$', re.M
)
SHORTCODE_ATTRIBUTES = re.compile(
    r'([\w-]+)\s*=\s*"([^"]*)"|([\w-]+)\s*=\s*\'([^\']*)\'|([\w-]+)\s*=\s*([^\s\'"]+)'
    r'|"([^"]*)"|\'([^\']*)\'|(\S+)'
)
WP_IMAGE_CLASS = re.compile(r"wp-image-(\d+)")
LOOKS_LIKE_SHORTCODE = re.compile(r"\[([a-z][a-z0-9_-]*)[\s\]/=]")
LINK_SCHEMES = {"", "http", "https", "mailto"}
TAG = re.compile(r"<[^>]*>")
BLOCK_TAG = re.compile(
    r"</?(?:p|h[1-6]|li|ul|ol|dl|dt|dd|blockquote|br|hr|div|pre|table|tr|td|th|"
    r"figure|figcaption|section|article|header|footer)\b[^>]*>",
    re.I,
)
# Content whose text is not text: plain_text() parses it properly.
DROPPED_CONTENT = re.compile(r"<(?:script|style|svg|template|textarea)\b|<!--", re.I)
SUMMARY_LENGTH = 300
validate_url = URLValidator(schemes=["http", "https"])
MEDIA_EXTENSIONS = {
    "audio": ["mp3", "m4a", "ogg", "oga", "wav", "flac"],
    "video": ["mp4", "m4v", "webm", "ogv", "mov", "wmv", "flv"],
}

VOID = set(
    "area base br col embed hr img input link meta param source track wbr".split()
)
# Dropped with everything inside: scripts, styles, forms, widgets.
DROPPED = set(
    "script style noscript template svg math form select textarea button input "
    "object embed canvas map head title meta link param frameset frame applet "
    "base dialog source track".split()
)
# Elements whose content is laid out as blocks (inline runs become paragraphs).
CONTAINERS = set(
    "div section article header footer main aside nav center summary "
    "hgroup fieldset legend address caption figure body html".split()
)
BLOCKS = {
    "p",
    "ul",
    "ol",
    "li",
    "blockquote",
    "h2",
    "h3",
    "h4",
    "hr",
    "pre",
    "table",
    "details",
}
# Start tags that end an open <p>, as in the HTML parsing rules.
CLOSES_PARAGRAPH = set(
    "address article aside blockquote center details dd div dl dt fieldset "
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr li main "
    "menu nav ol p pre section summary table ul".split()
)
RENAMED = {
    "h1": "h2",
    "h5": "h4",
    "h6": "h4",
    "b": "strong",
    "i": "em",
    "cite": "em",
    "dfn": "em",
    "var": "em",
}
# What the rich-text allow-list keeps (links are handled on their own).
KEPT = BLOCKS | {"br", "strong", "em", "code", "sup", "sub"}
# Self-closing block comments whose content WordPress builds when the page is
# shown (latest posts, search, social icons…): nothing of them is in the export.
DYNAMIC_BLOCK = re.compile(
    r"<!--\s*wp:([a-z][a-z0-9-]*(?:/[a-z][a-z0-9-]*)?)\b[^>]*?/-->"
)
STATIC_SELF_CLOSING_BLOCKS = {"spacer", "separator", "more", "nextpage"}
# Footnote ids as the sanitiser lets them through (see rich_text.FOOTNOTE_ID).
SAFE_ID_PART = re.compile(r"[^A-Za-z0-9-]")


@dataclass
class Converted:
    """Converted HTML and what the conversion noticed along the way."""

    html: str = ""
    videos: list = field(default_factory=list)
    images: int = 0
    library_images: int = 0
    removed_frames: list = field(default_factory=list)
    unknown_shortcodes: set = field(default_factory=set)
    dynamic_blocks: list = field(default_factory=list)
    cover_backgrounds: int = 0
    recording: object = None


class Node:
    __slots__ = ("tag", "attrs", "children")

    def __init__(self, tag, attrs=None, children=None):
        self.tag = tag
        self.attrs = attrs or {}
        self.children = children or []

    def text(self):
        return "".join(
            child if isinstance(child, str) else child.text() for child in self.children
        )


class TreeBuilder(HTMLParser):
    """A forgiving HTML fragment parser into Nodes (the standard library only)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("root")
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        if tag in CLOSES_PARAGRAPH:
            self.close_paragraph()
        if tag == "li":
            self.close_open("li", stop={"ul", "ol"})
        node = Node(tag, {name: value or "" for name, value in attrs})
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack[-1].tag == tag:
            self.stack.pop()

    def handle_endtag(self, tag):
        for position in range(len(self.stack) - 1, 0, -1):
            if self.stack[position].tag == tag:
                del self.stack[position:]
                return

    def handle_data(self, data):
        self.stack[-1].children.append(data)

    def close_paragraph(self):
        # A block element closes an open <p>, as browsers do.
        for position in range(len(self.stack) - 1, 0, -1):
            tag = self.stack[position].tag
            if tag == "p":
                del self.stack[position:]
                return
            if tag not in INLINE_TAGS:
                return

    def close_open(self, tag, stop):
        for position in range(len(self.stack) - 1, 0, -1):
            current = self.stack[position].tag
            if current == tag:
                del self.stack[position:]
                return
            if current in stop:
                return


INLINE_TAGS = set(
    "a abbr acronym b bdi bdo big br cite code data del dfn em font i img ins "
    "kbd label mark q s samp small span strike strong sub sup time tt u var wbr".split()
)


def parse_html(text):
    builder = TreeBuilder()
    builder.feed(text)
    builder.close()
    return builder.root


def serialize(nodes):
    parts = []
    for node in nodes:
        if isinstance(node, str):
            parts.append(html.escape(node, quote=False))
            continue
        attrs = "".join(
            f' {name}="{html.escape(value, quote=True)}"'
            for name, value in node.attrs.items()
        )
        parts.append(f"<{node.tag}{attrs}>")
        if node.tag not in VOID:
            parts.append(serialize(node.children))
            parts.append(f"</{node.tag}>")
    return "".join(parts)


# ---------------------------------------------------------------------------
# wpautop
# ---------------------------------------------------------------------------


def wpautop(text, br=True):
    """
    WordPress's automatic paragraphs (wp-includes/formatting.php): a blank line
    starts a paragraph, a single newline becomes <br>, block elements are never
    wrapped in <p>, and <pre> is left alone.
    """
    if not text.strip():
        return ""
    pre_tags = {}
    text += "\n"
    if "<pre" in text:
        parts = text.split("</pre>")
        last = parts.pop()
        text = ""
        for number, part in enumerate(parts):
            start = part.find("<pre")
            if start == -1:
                text += part
                continue
            name = f"<pre wp-pre-tag-{number}></pre>"
            pre_tags[name] = part[start:] + "</pre>"
            text += part[:start] + name
        text += last
    text = re.sub(r"<br\s*/?>\s*<br\s*/?>", "\n\n", text)
    text = re.sub(rf"(<{AUTOP_BLOCKS}[\s/>])", r"\n\n\1", text)
    text = re.sub(rf"(</{AUTOP_BLOCKS}>)", r"\1\n\n", text)
    text = re.sub(r"(<hr\s*?/?>)", r"\1\n\n", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Newlines inside tags are not line breaks.
    text = re.sub(r"<[^<>]*>", lambda match: match.group(0).replace("\n", " "), text)
    if "<source" in text or "<track" in text:
        text = re.sub(r"([<\[](?:audio|video)[^>\]]*[>\]])\s*", r"\1", text)
        text = re.sub(r"\s*([<\[]/(?:audio|video)[>\]])", r"\1", text)
        text = re.sub(r"\s*(<(?:source|track)[^>]*>)\s*", r"\1", text)
    if "<figcaption" in text:
        text = re.sub(r"\s*(<figcaption[^>]*>)", r"\1", text)
        text = re.sub(r"</figcaption>\s*", "</figcaption>", text)
    text = re.sub(r"\n\n+", "\n\n", text)
    paragraphs = [part for part in re.split(r"\n\s*\n", text) if part]
    text = "".join(f"<p>{part.strip(chr(10))}</p>\n" for part in paragraphs)
    text = re.sub(r"<p>\s*</p>", "", text)
    text = re.sub(r"<p>([^<]+)</(div|address|form)>", r"<p>\1</p></\2>", text)
    text = re.sub(rf"<p>\s*(</?{AUTOP_BLOCKS}[^>]*>)\s*</p>", r"\1", text)
    text = re.sub(r"<p>(<li.+?)</p>", r"\1", text)
    text = re.sub(r"<p><blockquote([^>]*)>", r"<blockquote\1><p>", text, flags=re.I)
    text = text.replace("</blockquote></p>", "</p></blockquote>")
    text = re.sub(rf"<p>\s*(</?{AUTOP_BLOCKS}[^>]*>)", r"\1", text)
    text = re.sub(rf"(</?{AUTOP_BLOCKS}[^>]*>)\s*</p>", r"\1", text)
    if br:
        text = re.sub(
            r"<(script|style|svg|math).*?</\1>",
            lambda match: match.group(0).replace("\n", "<WPPreserveNewline />"),
            text,
            flags=re.S,
        )
        text = text.replace("<br>", "<br />").replace("<br/>", "<br />")
        text = re.sub(r"(?<!<br />)\s*\n", "<br />\n", text)
        text = text.replace("<WPPreserveNewline />", "\n")
    text = re.sub(rf"(</?{AUTOP_BLOCKS}[^>]*>)\s*<br />", r"\1", text)
    text = re.sub(
        r"<br />(\s*</?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[^>]*>)", r"\1", text
    )
    text = re.sub(r"\n</p>$", "</p>", text)
    for name, original in pre_tags.items():
        text = text.replace(name, original)
    return text


# ---------------------------------------------------------------------------
# Shortcodes
# ---------------------------------------------------------------------------


def shortcode_attributes(text):
    """WordPress's shortcode_parse_atts: named values and positional ones."""
    named, positional = {}, []
    for match in SHORTCODE_ATTRIBUTES.finditer(text.replace("\xa0", " ")):
        if match.group(1):
            named[match.group(1).lower()] = match.group(2)
        elif match.group(3):
            named[match.group(3).lower()] = match.group(4)
        elif match.group(5):
            named[match.group(5).lower()] = match.group(6)
        else:
            positional.append(next(value for value in match.groups()[6:] if value))
    return named, positional


def shortcode_pattern(names, enclosing):
    names = "|".join(names)
    if enclosing:
        # [name attrs]content[/name], or [[name]] to write it literally.
        return re.compile(
            rf"(\[?)\[({names})(?![\w-])([^\]]*)\](.*?)\[/\2\](\]?)", re.S
        )
    return re.compile(rf"(\[?)\[({names})(?![\w-])([^\]]*?)/?\](\]?)")


CAPTION = shortcode_pattern(["caption", "wp_caption"], enclosing=True)
ENCLOSING_MEDIA = shortcode_pattern(["embed", "audio", "video"], enclosing=True)
SELF_CLOSING = shortcode_pattern(["gallery", "embed", "audio", "video"], False)


class Converter:
    """
    Converts one export's content; ``media`` finds and imports uploaded files
    (see media.MediaLibrary) and ``site_hosts`` are the old site's host names,
    whose links become paths here so that the import's redirects answer them.
    """

    def __init__(self, media, site_hosts=()):
        self.media = media
        self.site_hosts = {host.lower() for host in site_hosts if host}

    def convert(self, content, *, post_id=0, take_recording=False, footnotes=()):
        """
        ``footnotes`` are the block editor's notes, kept in the post's meta as
        ``[{"id": …, "content": …}]``; they are listed at the end of the text.
        """
        result = Converted()
        self.footnote_numbers = {}
        self.result = result
        self.post_id = post_id
        self.take_recording = take_recording
        has_blocks = bool(BLOCK_COMMENT.search(content))
        text = DYNAMIC_BLOCK.sub(self.dynamic_block, content)
        text = HTML_COMMENT.sub("", text)
        text = self.expand_shortcodes(text)
        text = URL_LINE.sub(self.url_line, text)
        if not has_blocks:
            # The block editor writes its own paragraphs; WordPress skips wpautop
            # for block content too.
            text = wpautop(text)
        nodes = self.clean_children(parse_html(text), in_link=False)
        nodes += self.footnote_list(footnotes)
        html_text = serialize(blockify(nodes))
        result.html = sanitize_html(re.sub(r"\s*<br>\s*", "<br>", html_text)).strip()
        for match in LOOKS_LIKE_SHORTCODE.finditer(html.unescape(result.html)):
            result.unknown_shortcodes.add(match.group(1))
        return result

    def dynamic_block(self, match):
        """A visible note in the draft where a block had no saved content."""
        name = match.group(1).removeprefix("core/")
        # Footnotes are listed from the post's meta, at the end.
        if name in STATIC_SELF_CLOSING_BLOCKS or name == "footnotes":
            return ""
        self.result.dynamic_blocks.append(name)
        note = _(
            "[Note for the editor: the WordPress block “%(block)s” was built by "
            "WordPress when the page was shown, so the export holds none of its "
            "content. Replace or remove this note.]"
        ) % {"block": name}
        return f"\n<p><em>{html.escape(note)}</em></p>\n"

    # Lone URLs and shortcodes

    def url_line(self, match):
        return self.link_paragraph(match.group(1))

    def link_paragraph(self, url, text=None):
        url = html.unescape(url.strip())
        embed = parse_recording_url(url)
        if embed:
            if self.take_recording and self.result.recording is None:
                self.result.recording = embed
                return "\n"
            self.result.videos.append(embed)
            text = _("Watch the video on %(provider)s") % {
                "provider": embed.provider_name
            }
            url = embed.watch_url
        href = self.rewrite_href(url)
        if href is None:
            return "\n"
        text = text or url
        return f'\n<p><a href="{html.escape(href)}">{html.escape(text)}</a></p>\n'

    def expand_shortcodes(self, text):
        text = CAPTION.sub(self.caption, text)
        text = ENCLOSING_MEDIA.sub(self.enclosing_media, text)
        return SELF_CLOSING.sub(self.self_closing, text)

    def caption(self, match):
        opening, _name, attributes, inner, closing = match.groups()
        if opening and closing:
            return match.group(0)[1:-1]
        named, _positional = shortcode_attributes(attributes)
        caption = named.get("caption", "")
        if not caption:
            # [caption]<img …> The caption text[/caption]
            parts = re.split(r"(<img[^>]*>(?:\s*</a>)?)", inner, maxsplit=1)
            if len(parts) == 3:
                inner, caption = parts[0] + parts[1], parts[2]
        return f"<figure>{inner}<figcaption>{caption.strip()}</figcaption></figure>"

    def enclosing_media(self, match):
        opening, name, attributes, inner, closing = match.groups()
        if opening and closing:
            return match.group(0)[1:-1]
        return self.media_shortcode(name, attributes, inner.strip())

    def self_closing(self, match):
        opening, name, attributes, closing = match.groups()
        if opening and closing:
            return match.group(0)[1:-1]
        if name == "gallery":
            return self.gallery(attributes)
        return self.media_shortcode(name, attributes, "")

    def media_shortcode(self, name, attributes, inner):
        named, positional = shortcode_attributes(attributes)
        if name == "embed":
            return self.link_paragraph(inner or named.get("src", ""))
        keys = ["src", *MEDIA_EXTENSIONS[name]]
        url = next((named[key] for key in keys if named.get(key)), "")
        url = url or inner or next(iter(positional), "")
        if not url:
            return ""
        if name == "audio":
            return self.file_paragraph(url, _("Listen to the audio"))
        if parse_recording_url(url):
            return self.link_paragraph(url)
        return self.file_paragraph(url, _("Watch the video"))

    def file_paragraph(self, url, text):
        href = self.rewrite_href(html.unescape(url))
        if not href:
            return f"\n<p>{serialize([self.missing_file_note(url)])}</p>\n"
        return f'\n<p><a href="{html.escape(href)}">{html.escape(text)}</a></p>\n'

    def gallery(self, attributes):
        named, _positional = shortcode_attributes(attributes)
        ids = [int(part) for part in re.findall(r"\d+", named.get("ids", ""))]
        if not ids and not named.get("include"):
            ids = self.media.gallery_for(self.post_id)
        elif named.get("include"):
            ids = [int(part) for part in re.findall(r"\d+", named["include"])]
        entries = []
        for attachment_id in ids:
            attachment = self.media.attachment(attachment_id)
            if attachment is None:
                continue
            image = Node(
                "img",
                {"src": attachment.url, "alt": attachment.alt or attachment.title},
            )
            entries.append(f"<li>{serialize([image])}</li>")
        if not entries:
            return ""
        return '\n<ul class="gallery">' + "".join(entries) + "</ul>\n"

    # The HTML tree

    def clean_children(self, node, in_link):
        cleaned = []
        for child in node.children:
            cleaned.extend(self.clean(child, in_link))
        return cleaned

    def clean(self, node, in_link):
        """The node as a list of allow-list nodes (possibly none)."""
        if isinstance(node, str):
            return [node]
        tag = RENAMED.get(node.tag, node.tag)
        if tag in DROPPED:
            return []
        if tag == "iframe":
            return self.frame(node, in_link)
        if tag in {"video", "audio"}:
            return self.media_element(node, tag, in_link)
        if tag == "img":
            return self.image(node, in_link)
        if tag == "a":
            return self.link(node, in_link)
        if tag == "table":
            return self.table(node, in_link)
        if tag == "pre":
            return self.preformatted(node, in_link)
        if tag == "details":
            return self.details(node, in_link)
        if tag == "div" and "wp-block-columns" in node.attrs.get("class", "").split():
            return self.columns(node, in_link)
        if tag == "figure" and "wp-block-embed" in node.attrs.get("class", "").split():
            return self.embed_block(node, in_link)
        if tag == "figure" and "wp-block-table" in node.attrs.get("class", "").split():
            return self.table_block(node, in_link)
        if tag == "figure" and "wp-block-gallery" in node.attrs.get("class", ""):
            return self.gallery_block(node, in_link)
        if tag == "sup" and node.attrs.get("data-fn"):
            return self.footnote_reference(node)
        if tag == "dt":
            strong = Node("strong", children=self.clean_children(node, in_link))
            return [Node("p", children=[strong])]
        if tag == "dd":
            return [Node("div", children=self.clean_children(node, in_link))]
        if tag == "figcaption":
            # A caption reads as one, and is never taken for the post's summary.
            caption = trim_breaks(inline_only(self.clean_children(node, in_link)))
            if not any(map(has_text, caption)):
                return []
            return [Node("p", children=[Node("em", children=caption)])]
        if tag == "dl":
            return [Node("div", children=self.clean_children(node, in_link))]
        children = self.clean_children(node, in_link)
        if tag in {"strong", "em"} and not any(map(has_text, children)):
            return children
        if tag in CONTAINERS:
            return [Node("div", children=children)]
        if tag in KEPT:
            attrs = {}
            if tag == "ol":
                attrs = {
                    name: node.attrs[name]
                    for name in ("start", "type")
                    if node.attrs.get(name)
                }
                if "reversed" in node.attrs:
                    attrs["reversed"] = ""
            if tag == "ul" and "gallery" in node.attrs.get("class", "").split():
                # [gallery] writes its list with the class before it is cleaned.
                attrs = {"class": "gallery"}
            return [Node(tag, attrs, children)]
        return children  # span, font, code, sup, …: their text stays

    def frame(self, node, in_link):
        src = node.attrs.get("src", "")
        embed = parse_recording_url(src)
        if embed is None:
            host = urlsplit(src).hostname or src[:60] or "?"
            self.result.removed_frames.append(host)
            return []
        self.result.videos.append(embed)
        text = _("Watch the video on %(provider)s") % {"provider": embed.provider_name}
        if in_link:
            return [text]
        return [Node("a", {"href": embed.watch_url}, [text])]

    def media_element(self, node, tag, in_link):
        sources = [node.attrs.get("src", "")]
        sources += [
            child.attrs.get("src", "")
            for child in node.children
            if isinstance(child, Node) and child.tag == "source"
        ]
        url = next((source for source in sources if source), "")
        if not url:
            return []
        embed = parse_recording_url(url)
        if embed:
            self.result.videos.append(embed)
            text = _("Watch the video on %(provider)s") % {
                "provider": embed.provider_name
            }
            href = embed.watch_url
        else:
            text = _("Listen to the audio") if tag == "audio" else _("Watch the video")
            href = self.rewrite_href(url)
            if href is None:
                return [self.missing_file_note(url)]
        return [text] if in_link else [Node("a", {"href": href}, [text])]

    def missing_file_note(self, url):
        """Where a file was, a visible line naming it, so nobody misses the gap."""
        name = posixpath.basename(urlsplit(html.unescape(url)).path) or url
        note = _(
            "[Missing file: %(name)s was not found in the WordPress uploads. "
            "Upload it and link it here, or remove this note.]"
        ) % {"name": name}
        return Node("em", children=[note])

    def image_source(self, node):
        """The image's address here (None when its file is missing) and its text."""
        src = node.attrs.get("src", "").strip()
        alt = node.attrs.get("alt", "").strip()
        if not alt:
            match = WP_IMAGE_CLASS.search(node.attrs.get("class", ""))
            attachment = self.media.attachment(int(match.group(1))) if match else None
            alt = attachment.alt if attachment else ""
        if self.media.is_upload(src):
            url = self.media.url_for(src, image=True)
        elif urlsplit(src).scheme in {"http", "https"}:
            url = src
        else:
            url = None
        return url, alt

    def image(self, node, in_link):
        if "wp-block-cover__image-background" in node.attrs.get("class", ""):
            # A cover's background is decoration behind its text: the text stays,
            # and a picture with nothing to describe would only get in its way.
            self.result.cover_backgrounds += 1
            return []
        url, alt = self.image_source(node)
        if url is None:
            return []
        if not in_link and (library_image := self.library_image(node, alt)):
            self.result.library_images += 1
            return [Node("img", {"src": library_image.url, "alt": alt})]
        self.result.images += 1
        label = image_label(alt, url)
        return [label] if in_link else [Node("a", {"href": url}, [label])]

    def library_image(self, node, alt):
        """The image library's copy of an uploaded picture that has a description."""
        src = node.attrs.get("src", "").strip()
        if not (IMAGES_ALLOWED and alt and self.media.is_upload(src)):
            return None
        return self.media.library_image_for(src, alt)

    def link(self, node, in_link):
        raw_href = node.attrs.get("href", "")
        href = self.rewrite_href(raw_href)
        images = [
            child
            for child in node.children
            if isinstance(child, Node) and child.tag == "img"
        ]
        only_child = [
            child
            for child in node.children
            if not (isinstance(child, str) and not child.strip())
        ] == images[:1]
        if (
            not in_link
            and images
            and only_child
            and (
                href is None
                or self.media.is_upload(raw_href)
                or "attachment_id=" in raw_href
            )
        ):
            # A picture linked to its own file or attachment page: the picture.
            _url, alt = self.image_source(images[0])
            if library_image := self.library_image(images[0], alt):
                self.result.library_images += 1
                return [Node("img", {"src": library_image.url, "alt": alt})]
        if images and (href is None or not self.media.is_upload(raw_href)):
            # A picture linked to its attachment page: link the picture itself.
            image_url, _alt = self.image_source(images[0])
            href = image_url or href
        children = self.clean_children(node, in_link=True)
        if in_link or not href or urlsplit(href).scheme not in LINK_SCHEMES:
            return children
        attrs = {"href": href}
        if node.attrs.get("title"):
            attrs["title"] = node.attrs["title"]
        classes = node.attrs.get("class", "").split()
        if "wp-block-button__link" in classes:
            attrs["class"] = "button"
        if "wp-block-file__button" in classes:
            # The file block links the file twice, by name and as a button:
            # one link, set apart from the name, is enough.
            return [" (", Node("a", attrs, [_("download")]), ")"]
        return [Node("a", attrs, children)]

    def rewrite_href(self, href):
        """
        Uploaded files point to their imported copy (None when missing); links to
        the old site's own pages become paths, answered here by redirects.
        """
        href = href.strip()
        if not href or href.startswith("#"):
            return href or None
        if self.media.is_upload(href):
            return self.media.url_for(href)
        parts = urlsplit(href)
        if parts.hostname and parts.hostname.lower() in self.site_hosts:
            path = parts.path or "/"
            return path + (f"?{parts.query}" if parts.query else "")
        return href

    def table(self, node, in_link, caption=None):
        """
        A table with its header rows in <thead> and its caption (``caption``, or
        its own <caption>) as plain text in <caption>, as the editor writes it.
        """
        head, body = [], []
        head_rows = {
            id(row)
            for part in descendants(node, "thead")
            for row in descendants(part, "tr")
        }
        for row in descendants(node, "tr"):
            cells = []
            for cell in row.children:
                if not isinstance(cell, Node) or cell.tag not in {"td", "th"}:
                    continue
                content = trim_breaks(inline_only(self.clean_children(cell, in_link)))
                attrs = {
                    name: cell.attrs[name]
                    for name in ("colspan", "rowspan")
                    if cell.attrs.get(name, "").isdigit()
                }
                cells.append(Node(cell.tag, attrs, content))
            if not cells:
                continue
            in_head = id(row) in head_rows or (
                not body and all(cell.tag == "th" for cell in cells)
            )
            (head if in_head and not body else body).append(Node("tr", children=cells))
        if caption is None:
            caption = next(descendants(node, "caption"), None)
        text = " ".join(caption.text().split()) if caption else ""
        if not head and not body:
            return [Node("p", children=[text])] if text else []
        sections = [Node("caption", children=[text])] if text else []
        if head:
            sections.append(Node("thead", children=head))
        if body:
            sections.append(Node("tbody", children=body))
        return [Node("table", children=sections)]

    def table_block(self, node, in_link):
        """The block editor's table: its figcaption is the table's caption."""
        table = next(descendants(node, "table"), None)
        if table is None:
            return self.clean_children(node, in_link)
        caption = next(
            (
                child
                for child in node.children
                if isinstance(child, Node) and child.tag == "figcaption"
            ),
            None,
        )
        return self.table(table, in_link, caption)

    def columns(self, node, in_link):
        """Columns stay side by side (stacked on narrow screens by the stylesheet)."""
        columns = [
            Node(
                "div",
                {"class": "column"},
                blockify(self.clean_children(child, in_link)),
            )
            for child in node.children
            if isinstance(child, Node) and child.tag == "div"
        ]
        columns = [column for column in columns if column.children]
        return [Node("div", {"class": "columns"}, columns)] if columns else []

    def embed_block(self, node, in_link):
        """
        An embed as a link card: the link named by the embed's caption (its
        title), with where it leads; nothing loads from the other site.
        """
        links = list(descendants(node, "a"))
        caption = next(descendants(node, "figcaption"), None)
        title = " ".join(caption.text().split()) if caption else ""
        if not links:
            return []
        href = links[0].attrs.get("href", "")
        embed = parse_recording_url(href)
        if embed:
            text = _("%(title)s (video on %(provider)s)") % {
                "title": title or _("Video"),
                "provider": embed.provider_name,
            }
        else:
            host = (urlsplit(href).hostname or "").removeprefix("www.")
            text = _("%(title)s (on %(site)s)") % {"title": title or href, "site": host}
        if in_link:
            return [text]
        return [Node("p", children=[Node("a", {"href": href}, [text])])]

    def gallery_block(self, node, in_link):
        """The block editor's gallery: one list item per picture, with its caption."""
        entries = []
        for figure in node.children:
            if not isinstance(figure, Node) or figure.tag != "figure":
                continue
            content = inline_only(self.clean_children(figure, in_link))
            if any(map(has_text, content)):
                entries.append(Node("li", children=trim_breaks(content)))
        captions = [
            child
            for child in node.children
            if isinstance(child, Node) and child.tag == "figcaption"
        ]
        gallery = [Node("ul", {"class": "gallery"}, entries)] if entries else []
        return gallery + [
            part for caption in captions for part in self.clean(caption, in_link)
        ]

    def footnote_reference(self, node):
        """The note's number, linked to the note, which links back to it."""
        note_id = SAFE_ID_PART.sub("", node.attrs["data-fn"])
        number = self.footnote_numbers.setdefault(
            note_id, len(self.footnote_numbers) + 1
        )
        link = Node(
            "a", {"href": f"#fn-{note_id}", "id": f"fnref-{note_id}"}, [str(number)]
        )
        return [Node("sup", children=[link])]

    def footnote_list(self, footnotes):
        items = []
        for note in footnotes:
            note_id = SAFE_ID_PART.sub("", str(note.get("id", "")))
            content = self.clean_children(
                parse_html(str(note.get("content", ""))), in_link=False
            )
            if not note_id or not any(map(has_text, content)):
                continue
            back = Node("a", {"href": f"#fnref-{note_id}"}, [_("back to the text")])
            items.append(
                Node("li", {"id": f"fn-{note_id}"}, [*content, " (", back, ")"])
            )
        if not items:
            return []
        return [Node("hr"), Node("ol", children=items)]

    def preformatted(self, node, in_link):
        """Code and preformatted text keep their lines, spaces and inline marks."""
        children = []
        for child in inline_only(self.clean_children(node, in_link)):
            # The block editor writes <pre><code>…</code></pre>: one <code> is enough.
            is_code = isinstance(child, Node) and child.tag == "code"
            children.extend(child.children if is_code else [child])
        return [Node("pre", children=[Node("code", children=children)])]

    def details(self, node, in_link):
        """A collapsed section stays collapsed, with its summary as the label."""
        summary = next(
            (
                child
                for child in node.children
                if isinstance(child, Node) and child.tag == "summary"
            ),
            None,
        )
        rest = Node(
            "root", children=[child for child in node.children if child is not summary]
        )
        label = inline_only(self.clean_children(summary, in_link)) if summary else []
        if not any(map(has_text, label)):
            label = [_("More")]
        attrs = {"open": ""} if "open" in node.attrs else {}
        return [
            Node(
                "details",
                attrs,
                [
                    Node("summary", children=trim_breaks(label)),
                    *self.clean_children(rest, in_link),
                ],
            )
        ]


def descendants(node, tag):
    for child in node.children:
        if isinstance(child, Node):
            if child.tag == tag:
                yield child
            else:
                yield from descendants(child, tag)


def with_line_breaks(text):
    lines = text.strip("\n").split("\n")
    children = []
    for number, line in enumerate(lines):
        if number:
            children.append(Node("br"))
        children.append(line)
    return children


def image_label(alt, url):
    if alt:
        return _("Image: %(description)s") % {"description": alt}
    name = posixpath.basename(urlsplit(url).path)
    return _("Image (%(file)s)") % {"file": name} if name else _("Image")


def is_inline(node):
    return isinstance(node, str) or node.tag not in BLOCKS | {"div"}


def inline_only(nodes):
    """Block content flattened to inline content, blocks separated by <br>."""
    flat = []
    for node in nodes:
        if is_inline(node):
            flat.append(node)
            continue
        if any(map(has_text, flat)) and node.tag != "hr":
            flat.append(Node("br"))
        flat.extend(inline_only(node.children))
    return flat


def blockify(nodes):
    """
    Block-level content: containers unwrapped, runs of text and inline elements
    wrapped in paragraphs, empty paragraphs dropped.
    """
    blocks = []
    run = []

    def flush():
        if any(has_text(node) for node in run):
            blocks.append(Node("p", children=trim_breaks(run[:])))
        run.clear()

    for node in nodes:
        if is_inline(node):
            run.append(node)
            continue
        flush()
        if node.tag == "div" and not node.attrs:
            blocks.extend(blockify(node.children))
        elif node.tag in {"p", "h2", "h3", "h4"}:
            node.children = trim_breaks(inline_only(node.children))
            if has_text(node):
                blocks.append(node)
        elif node.tag == "blockquote":
            node.children = blockify(node.children)
            if node.children:
                blocks.append(node)
        elif node.tag in {"ul", "ol"}:
            items = [child for child in node.children if isinstance(child, Node)]
            node.children = [
                item if item.tag == "li" else Node("li", children=[item])
                for item in items
            ]
            for item in node.children:
                item.children = list_item_content(item.children)
            node.children = [item for item in node.children if has_text(item)]
            if node.children:
                blocks.append(node)
        elif node.tag == "details":
            summary, *content = node.children
            node.children = [summary, *blockify(content)]
            blocks.append(node)
        elif node.tag == "li":
            blocks.append(Node("ul", children=[node]))
            node.children = list_item_content(node.children)
        else:
            blocks.append(node)
    flush()
    return blocks


def list_item_content(nodes):
    """A list item keeps inline text, or paragraphs and nested lists."""
    if all(is_inline(node) for node in nodes):
        return trim_breaks(nodes)
    return blockify(nodes)


def has_text(node):
    if isinstance(node, str):
        return bool(node.replace("\xa0", " ").strip())
    if node.tag in {"hr", "img"}:
        # A picture with its description counts as content.
        return True
    return any(has_text(child) for child in node.children)


def trim_breaks(nodes):
    """Inline content without line breaks or spaces at either end."""

    def blank(node):
        if isinstance(node, str):
            return not node.strip()
        return node.tag == "br"

    while nodes and blank(nodes[0]):
        nodes.pop(0)
    while nodes and blank(nodes[-1]):
        nodes.pop()
    if nodes and isinstance(nodes[0], str):
        nodes[0] = nodes[0].lstrip()
    if nodes and isinstance(nodes[-1], str):
        nodes[-1] = nodes[-1].rstrip()
    return nodes


# ---------------------------------------------------------------------------
# Plain text
# ---------------------------------------------------------------------------


def plain_text(text):
    """Text without tags or entities, on one line: for titles and summaries."""
    if "<" in text:
        if DROPPED_CONTENT.search(text):
            text = text_content(parse_html(text))
        else:
            # Tags alone: blocks and line breaks part words, inline tags do not.
            text = TAG.sub("", BLOCK_TAG.sub(" ", text))
    return " ".join(html.unescape(text).split())


def text_content(root):
    parts = []

    def walk(node):
        for child in node.children:
            if isinstance(child, str):
                parts.append(child)
            elif child.tag not in DROPPED:
                spaced = child.tag not in INLINE_TAGS or child.tag == "br"
                parts.append(" " if spaced else "")
                walk(child)
                parts.append(" " if spaced else "")

    walk(root)
    return "".join(parts)


def prose_paragraphs(body):
    """
    The paragraphs of converted HTML that are prose, from the first one on:
    headings, table cells, lists, captions and collapsed sections are not, and
    neither is a paragraph that is only a bold or italic label (a table's
    caption, a note to the editor).
    """
    paragraphs = []
    for node in parse_html(body).children:
        if not isinstance(node, Node) or node.tag != "p":
            continue
        content = [child for child in node.children if has_text(child)]
        is_label = len(content) == 1 and getattr(content[0], "tag", "") in {
            "strong",
            "em",
        }
        if content and not is_label:
            paragraphs.append(f"<p>{serialize(node.children)}</p>")
    return "".join(paragraphs)


def summary_from(text, length=SUMMARY_LENGTH):
    """The start of a text as one plain line, cut at a word."""
    return Truncator(plain_text(text)).chars(length)


def comment_text(content):
    """A WordPress comment's HTML as the plain text our comments hold."""
    if "<" not in content and "&" not in content:
        lines = [" ".join(line.split()) for line in content.splitlines()]
        return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    root = parse_html(HTML_COMMENT.sub("", content))
    parts = []

    def walk(node):
        for child in node.children:
            if isinstance(child, str):
                parts.append(child)
                continue
            if child.tag in DROPPED or child.tag in {"iframe", "img"}:
                continue
            if child.tag == "br":
                parts.append("\n")
                continue
            block = child.tag not in INLINE_TAGS
            if block:
                parts.append("\n\n")
            walk(child)
            href = child.attrs.get("href", "") if child.tag == "a" else ""
            if href.startswith(("http://", "https://")) and href != child.text():
                parts.append(f" ({href})")
            if block:
                parts.append("\n\n")

    walk(root)
    text = "".join(parts).replace("\r\n", "\n")
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def checked_url(url):
    """A web address fit for a URLField, or ""."""
    url = (url or "").strip()
    if not url or len(url) > 200:
        return ""
    try:
        validate_url(url)
    except ValidationError:
        return ""
    return url
