"""WordPress content to our rich text: wpautop, shortcodes, embeds, sanitising."""

import pytest

from wordpress.content import Converter, comment_text, plain_text, wpautop
from wordpress.media import MediaLibrary
from wordpress.wxr import Attachment, Channel, Index


@pytest.fixture
def convert(tmp_path):
    uploads = tmp_path / "uploads"
    (uploads / "2024" / "01").mkdir(parents=True)
    (uploads / "2024" / "01" / "photo.jpg").write_bytes(b"jpeg")
    index = Index(channel=Channel(link="https://old.example.org"))
    index.attachments[50] = Attachment(
        url="https://old.example.org/wp-content/uploads/2024/01/photo.jpg",
        file="2024/01/photo.jpg",
        alt="A calm lake",
        title="photo",
        parent_id=10,
    )
    index.gallery[10] = [50]
    # A dry run: files are found but not copied.
    media = MediaLibrary(index, uploads, dry_run=True)
    converter = Converter(media, {"old.example.org"})

    def run(text, **kwargs):
        return converter.convert(text, **kwargs)

    run.media = media
    return run


def test_wpautop_makes_paragraphs_and_line_breaks():
    assert wpautop("One\ntwo\n\nThree") == "<p>One<br />\ntwo</p>\n<p>Three</p>\n"


def test_wpautop_leaves_block_elements_unwrapped():
    text = "Intro\n<ul>\n<li>a</li>\n</ul>\n<h2>Title</h2>\nAfter"
    assert wpautop(text) == (
        "<p>Intro</p>\n<ul>\n<li>a</li>\n</ul>\n<h2>Title</h2>\n<p>After</p>\n"
    )


def test_wpautop_leaves_preformatted_text_alone():
    text = "Code:\n\n<pre>line one\n\nline two</pre>"
    assert wpautop(text) == "<p>Code:</p>\n<pre>line one\n\nline two</pre>\n"


def test_wpautop_puts_paragraphs_inside_blockquotes():
    assert wpautop("<blockquote>Quoted\n\nAgain</blockquote>") == (
        "<blockquote><p>Quoted</p>\n<p>Again</p></blockquote>\n"
    )


def test_classic_content_gets_paragraphs(convert):
    result = convert("First line\nsecond line\n\nNext paragraph")
    assert result.html == "<p>First line<br>second line</p><p>Next paragraph</p>"


def test_block_editor_comments_are_removed_without_extra_paragraphs(convert):
    text = (
        "<!-- wp:heading -->\n<h2>Title</h2>\n<!-- /wp:heading -->\n\n"
        '<!-- wp:paragraph {"className":"x"} -->\n<p>Text\nwraps</p>\n'
        "<!-- /wp:paragraph -->\n<!-- wp:separator /-->"
    )
    assert convert(text).html == "<h2>Title</h2><p>Text\nwraps</p>"


def test_headings_outside_the_editor_levels_are_mapped(convert):
    assert convert("<h1>One</h1><h5>Five</h5><h6>Six</h6>").html == (
        "<h2>One</h2><h4>Five</h4><h4>Six</h4>"
    )


def test_scripts_styles_and_event_attributes_are_dropped(convert):
    result = convert(
        '<p onclick="steal()" style="color:red">Hi <b onmouseover="x()">there</b>'
        "</p><script>alert(1)</script><style>p{}</style>"
        '<a href="javascript:alert(1)">bad</a> <a href="https://ok.example/" '
        'target="_blank" rel="noopener">good</a>'
    )
    assert result.html == (
        "<p>Hi <strong>there</strong></p>"
        '<p>bad <a href="https://ok.example/">good</a></p>'
    )


def test_a_lone_youtube_url_becomes_a_link_to_the_video(convert):
    result = convert(
        "Watch this:\n\nhttps://www.youtube.com/watch?v=SQEQr7c0-dw&feature=share\n\nDone."
    )
    assert result.html == (
        "<p>Watch this:</p>"
        '<p><a href="https://www.youtube.com/watch?v=SQEQr7c0-dw">'
        "Watch the video on YouTube</a></p><p>Done.</p>"
    )
    assert [video.video_id for video in result.videos] == ["SQEQr7c0-dw"]
    assert "<iframe" not in result.html


def test_a_youtube_frame_becomes_a_link_and_other_frames_go(convert):
    result = convert(
        '<iframe src="https://www.youtube-nocookie.com/embed/SQEQr7c0-dw"></iframe>'
        '<iframe src="https://ads.example.com/x"></iframe>'
    )
    assert result.html == (
        '<p><a href="https://www.youtube.com/watch?v=SQEQr7c0-dw">'
        "Watch the video on YouTube</a></p>"
    )
    assert result.removed_frames == ["ads.example.com"]


def test_an_event_takes_its_first_video_as_the_recording(convert):
    result = convert(
        "Thanks for coming.\n\nhttps://vimeo.com/76979871\n\nSee you.",
        take_recording=True,
    )
    assert result.recording.watch_url == "https://vimeo.com/76979871"
    assert result.html == "<p>Thanks for coming.</p><p>See you.</p>"


def test_a_caption_keeps_its_text_under_the_image(convert):
    result = convert(
        '[caption id="attachment_50" width="300"]<img class="wp-image-50" '
        'src="https://old.example.org/wp-content/uploads/2024/01/photo-300x200.jpg" '
        'alt="" /> A calm lake at dawn[/caption]'
    )
    # The small copy is missing; the full picture is linked, with its alt text.
    assert result.html == (
        '<p><a href="/media/wordpress/2024/01/photo.jpg">Image: A calm lake</a></p>'
        "<p><em>A calm lake at dawn</em></p>"
    )


def test_the_old_caption_attribute_form_works(convert):
    result = convert(
        '[caption caption="By the water"]<img src="https://elsewhere.example/p.jpg" '
        'alt="Lake">[/caption]'
    )
    assert result.html == (
        '<p><a href="https://elsewhere.example/p.jpg">Image: Lake</a></p>'
        "<p><em>By the water</em></p>"
    )


def test_a_gallery_lists_its_pictures(convert):
    assert convert("[gallery]", post_id=10).html == (
        '<ul class="gallery"><li><a href="/media/wordpress/2024/01/photo.jpg">'
        "Image: A calm lake</a></li></ul>"
    )
    assert (
        convert('[gallery ids="50,99"]').html == convert("[gallery]", post_id=10).html
    )


def test_audio_video_and_embed_shortcodes_become_links(convert):
    result = convert(
        "[audio mp3=https://elsewhere.example/talk.mp3][/audio]\n\n"
        '[video src="https://vimeo.com/76979871"]\n\n'
        "[embed]https://twitter.com/nacin/status/319508408669708289[/embed]"
    )
    assert result.html == (
        '<p><a href="https://elsewhere.example/talk.mp3">Listen to the audio</a></p>'
        '<p><a href="https://vimeo.com/76979871">Watch the video on Vimeo</a></p>'
        '<p><a href="https://twitter.com/nacin/status/319508408669708289">'
        "https://twitter.com/nacin/status/319508408669708289</a></p>"
    )


def test_escaped_shortcodes_stay_as_text(convert):
    assert convert("Write [[gallery]] to show pictures.").html == (
        "<p>Write [gallery] to show pictures.</p>"
    )


def test_unknown_shortcodes_are_reported(convert):
    result = convert('[contact-form-7 id="12"]')
    assert result.unknown_shortcodes == {"contact-form-7"}


def test_links_to_the_old_site_become_paths_for_the_redirects(convert):
    result = convert('<a href="https://old.example.org/2024/01/02/post/?x=1">Post</a>')
    assert result.html == '<p><a href="/2024/01/02/post/?x=1">Post</a></p>'


def test_missing_uploads_are_left_out_and_recorded(convert):
    result = convert(
        '<p>Look <img src="https://old.example.org/wp-content/uploads/2020/gone.jpg"'
        ' alt="gone"> and <a href="https://old.example.org/wp-content/uploads/'
        '2020/notes.pdf">the notes</a>.</p>'
    )
    assert result.html == "<p>Look  and the notes.</p>"
    assert convert.media.missing == {
        "2020/gone.jpg": "not in --media-dir",
        "2020/notes.pdf": "not in --media-dir",
    }


def test_tables_keep_their_header_row_and_cells(convert):
    result = convert(
        "<table><caption>Groups</caption><tr><th>Day</th><th></th></tr>"
        "<tr><td>Monday</td><td><p>Voices</p><p>Evening</p></td></tr></table>"
    )
    assert result.html == (
        "<table><caption>Groups</caption><thead><tr><th>Day</th><th></th></tr>"
        "</thead><tbody><tr><td>Monday</td><td>Voices<br>Evening</td></tr></tbody>"
        "</table>"
    )


def test_lists_definition_lists_and_preformatted_text(convert):
    result = convert(
        "<ol start='3'><li>Three<ul><li>Inner</li></ul></li></ol>"
        "<dl><dt>Term</dt><dd>Meaning</dd></dl><pre>a\n  b</pre>"
    )
    assert result.html == (
        '<ol start="3"><li><p>Three</p><ul><li>Inner</li></ul></li></ol>'
        "<p><strong>Term</strong></p><p>Meaning</p><pre><code>a\n  b</code></pre>"
    )


def test_comment_html_becomes_plain_text():
    text = comment_text(
        "<p>Thank you.</p>\n<p>See <a href='https://example.org/help'>this</a>."
        "<script>x()</script><br>Bye &amp; take care</p>"
    )
    assert text == "Thank you.\n\nSee this (https://example.org/help).\nBye & take care"


def test_plain_text_separates_blocks():
    assert plain_text("<h2>Title</h2><p>Text&nbsp;here<br>and there</p>") == (
        "Title Text here and there"
    )


def test_a_gallery_block_becomes_a_gallery_list_with_captions(convert):
    picture = (
        '<!-- wp:image {"id":50} --><figure class="wp-block-image size-large">'
        '<img src="https://old.example.org/wp-content/uploads/2024/01/photo.jpg" '
        'alt="A calm lake" class="wp-image-50"/><figcaption class="wp-element-caption">'
        "{caption}</figcaption></figure><!-- /wp:image -->"
    )
    result = convert(
        '<!-- wp:gallery {"linkTo":"none"} --><figure class="wp-block-gallery '
        'has-nested-images columns-2 is-cropped">'
        + picture.replace("{caption}", "Dawn")
        + picture.replace("{caption}", "Dusk")
        + '<figcaption class="blocks-gallery-caption wp-element-caption">By the '
        "lake</figcaption></figure><!-- /wp:gallery -->"
    )

    assert result.html.startswith('<ul class="gallery"><li>')
    assert result.html.count("<li>") == 2
    assert "Dawn</em></li><li>" in result.html
    assert result.html.endswith("</ul><p><em>By the lake</em></p>")


def test_media_and_text_with_a_missing_video_names_the_file_and_keeps_the_text(
    convert,
):
    result = convert(
        '<!-- wp:media-text {"mediaType":"video"} --><div class="wp-block-media-text">'
        '<figure class="wp-block-media-text__media"><video controls src="https://old.'
        'example.org/wp-content/uploads/2024/01/walk.mp4"></video></figure>'
        '<div class="wp-block-media-text__content"><!-- wp:paragraph --><p>A walk by '
        "the sea.</p><!-- /wp:paragraph --></div></div><!-- /wp:media-text -->"
    )

    assert result.html.startswith("<p><em>[Missing file: walk.mp4 was not found")
    assert result.html.endswith("<p>A walk by the sea.</p>")
    assert 'href=""' not in result.html
