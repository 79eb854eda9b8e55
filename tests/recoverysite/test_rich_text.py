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
        "<table><tbody><tr><th>Day</th></tr><tr><td><em>Monday</em></td></tr>"
        "</tbody></table>"
    )


def test_a_cell_with_two_paragraphs_or_a_real_span_keeps_them():
    html = (
        '<table><tbody><tr><td colspan="2"><p>One</p><p>Two</p></td></tr>'
        "</tbody></table>"
    )

    assert sanitize_html(html) == html
