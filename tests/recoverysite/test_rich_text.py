"""Rich text is stored the same way whether the editor wrote it or an import did."""

from recoverysite.rich_text import sanitize_html


def test_a_list_item_holding_one_paragraph_is_stored_as_its_text():
    assert sanitize_html("<ol><li><p>Five</p></li><li><p>Four</p></li></ol>") == (
        "<ol><li>Five</li><li>Four</li></ol>"
    )


def test_a_list_item_with_a_nested_list_keeps_its_paragraph():
    html = "<ul><li><p>Walk</p><ul><li><p>By the river</p></li></ul></li></ul>"

    assert sanitize_html(html) == (
        "<ul><li><p>Walk</p><ul><li>By the river</li></ul></li></ul>"
    )


def test_a_table_cell_holding_one_paragraph_is_stored_as_its_text():
    html = (
        '<table><tbody><tr><th colspan="1" rowspan="1"><p>Day</p></th></tr>'
        '<tr><td colspan="1" rowspan="1"><p><em>Monday</em></p></td></tr>'
        "</tbody></table>"
    )

    assert sanitize_html(html) == (
        "<table><thead><tr><th>Day</th></tr></thead><tbody><tr><td><em>Monday</em>"
        "</td></tr></tbody></table>"
    )


def test_a_cell_with_two_paragraphs_or_a_real_span_keeps_them():
    html = (
        '<table><tbody><tr><td colspan="2"><p>One</p><p>Two</p></td></tr>'
        "</tbody></table>"
    )

    assert sanitize_html(html) == html


def test_header_rows_at_the_top_of_the_editors_table_go_into_its_head():
    html = (
        "<table><tbody><tr><th>Day</th><th>Room</th></tr>"
        "<tr><td>Monday</td><td>2</td></tr><tr><th>Total</th><td>1</td></tr>"
        "</tbody></table>"
    )

    assert sanitize_html(html) == (
        "<table><thead><tr><th>Day</th><th>Room</th></tr></thead>"
        "<tbody><tr><td>Monday</td><td>2</td></tr><tr><th>Total</th><td>1</td></tr>"
        "</tbody></table>"
    )


def test_a_tables_caption_is_kept_before_its_head():
    html = (
        "<table><caption>Groups &amp; rooms</caption><tbody>"
        "<tr><th>Day</th></tr><tr><td>Monday</td></tr></tbody></table>"
    )

    assert sanitize_html(html) == (
        "<table><caption>Groups &amp; rooms</caption><thead><tr><th>Day</th></tr>"
        "</thead><tbody><tr><td>Monday</td></tr></tbody></table>"
    )


def test_a_table_of_header_cells_only_has_a_head_and_no_empty_body():
    html = "<table><tbody><tr><th>Day</th></tr></tbody></table>"

    assert sanitize_html(html) == "<table><thead><tr><th>Day</th></tr></thead></table>"


def test_the_empty_paragraph_the_editor_leaves_after_a_last_section_is_dropped():
    html = "<details><summary>More</summary><p>Hidden.</p></details><p></p><p></p>"

    assert sanitize_html(html) == (
        "<details><summary>More</summary><p>Hidden.</p></details>"
    )
    assert sanitize_html("<p></p>") == ""


def test_an_ordered_list_says_how_it_counts_in_html_alone():
    html = '<ol start="5" reversed="" type="a" data-type="lower-alpha"><li>E</li></ol>'

    assert sanitize_html(html) == '<ol start="5" reversed="" type="a"><li>E</li></ol>'


def test_only_the_sites_own_classes_survive():
    html = (
        '<ul class="gallery wide"><li>A</li></ul>'
        '<p><a href="/join/" class="button big">Join</a></p>'
        '<div class="columns"><div class="column x"><p>One</p></div></div>'
        '<p class="lead">Text</p>'
    )

    assert sanitize_html(html) == (
        '<ul class="gallery"><li>A</li></ul>'
        '<p><a href="/join/" class="button">Join</a></p>'
        '<div class="columns"><div class="column"><p>One</p></div></div>'
        "<p>Text</p>"
    )
