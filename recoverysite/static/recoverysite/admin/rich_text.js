// The rich-text editor's own extensions: every structure the sanitiser keeps
// (recoverysite/rich_text.py) has a place in the editor's document, so that
// opening a text and saving it again changes nothing the author made.
//
// Loaded by django-prose-editor's configurable preset: each export below is an
// extension by its name in rich_text.EXTENSIONS; an export named like one of
// the package's own extensions takes its place (DJANGO_PROSE_EDITOR_EXTENSIONS
// in the settings).
import {
  CodeBlock as BaseCodeBlock,
  crel,
  Extension,
  gettext,
  mergeAttributes,
  Node,
  OrderedList as BaseOrderedList,
  Subscript as BaseSubscript,
  Superscript as BaseSuperscript,
  Table as BaseTable,
  updateAttrsDialog,
} from "django-prose-editor/editor"

// How the editor draws these structures, beside this module.
const stylesheet = document.createElement("link")
stylesheet.rel = "stylesheet"
stylesheet.href = new URL("rich_text.css", import.meta.url).href
document.head.append(stylesheet)

// Code and preformatted text keep their bold, italics and links. (The code
// mark is left out: the <code> inside <pre> is the block's own.)
export const CodeBlock = BaseCodeBlock.extend({
  marks: "bold italic link",
})

// The HTML list types and the CSS names the package's list dialog uses.
const LIST_TYPES = {
  a: "lower-alpha",
  A: "upper-alpha",
  i: "lower-roman",
  I: "upper-roman",
}
const HTML_LIST_TYPES = Object.fromEntries(
  Object.entries(LIST_TYPES).map(([html, css]) => [css, html]),
)

// An ordered list says how it counts in HTML alone: type="a" for letters,
// nothing for plain numbers, and reversed when it counts down.
export const OrderedList = BaseOrderedList.extend({
  addAttributes() {
    const parent = this.parent?.() ?? {}
    return {
      ...parent,
      type: {
        ...parent.type,
        renderHTML: (attributes) => {
          const type = HTML_LIST_TYPES[attributes.type]
          return type ? { type } : {}
        },
      },
      reversed: {
        default: false,
        parseHTML: (element) => element.hasAttribute("reversed"),
        renderHTML: (attributes) =>
          attributes.reversed ? { reversed: "" } : {},
      },
    }
  },

  addOptions() {
    const parent = this.parent?.() ?? {}
    // Bullets are a bulleted list's job; a page shows no bullets on an <ol>.
    return {
      ...parent,
      listTypes: parent.listTypes.filter(({ type }) => type !== "disc"),
    }
  },

  addCommands() {
    return {
      ...this.parent?.(),
      // The package's list properties, with "Count down" besides.
      updateListAttributes:
        () =>
        ({ editor, state }) => {
          const list = closestOrderedList(state)
          if (!list) return false
          const types = this.options.listTypes
          const current =
            types.find(({ type }) => type === list.node.attrs.type) ?? types[0]
          updateAttrsDialog(
            {
              start: {
                type: "number",
                title: gettext("Start at"),
                format: "number",
                min: "1",
              },
              listType: {
                title: gettext("List type"),
                enum: types.map(({ label }) => label),
              },
              reversed: { type: "boolean", title: gettext("Count down") },
            },
            { title: gettext("List properties"), submitText: gettext("Update") },
          )(editor, {
            start: String(list.node.attrs.start),
            listType: current.label,
            reversed: list.node.attrs.reversed,
          }).then((attrs) => {
            if (!attrs) return
            const chosen = types.find(({ label }) => label === attrs.listType)
            editor
              .chain()
              .focus()
              .command(({ tr }) => {
                tr.setNodeMarkup(list.pos, undefined, {
                  ...list.node.attrs,
                  start: Number.parseInt(attrs.start, 10) || 1,
                  type: (chosen ?? types[0]).type,
                  reversed: attrs.reversed,
                })
                return true
              })
              .run()
          })
          return true
        },
    }
  },

  addNodeView() {
    return ({ node, HTMLAttributes }) => {
      const dom = document.createElement("ol")
      for (const [name, value] of Object.entries(HTMLAttributes)) {
        dom.setAttribute(name, value)
      }
      dom.style.listStyleType = node.attrs.type || "decimal"
      return { dom, contentDOM: dom }
    }
  },
})

const closestNode = (name, { selection: { $from } }) => {
  for (let depth = $from.depth; depth > 0; depth--) {
    const node = $from.node(depth)
    if (node.type.name === name) {
      return { node, pos: $from.before(depth) }
    }
  }
  return null
}

const closestOrderedList = (state) => closestNode("orderedList", state)

// A table's caption (<caption>, the first thing in the <table>), as tables
// imported from other sites have them: plain text, which says what the table
// is about to screen readers and sighted readers alike. The table's rows are
// all its document holds, so the caption is one of its attributes, shown above
// the rows and written and changed with "Table caption".
export const Table = BaseTable.extend({
  addAttributes() {
    return {
      ...this.parent?.(),
      caption: {
        default: "",
        parseHTML: (element) =>
          [...element.children]
            .find((child) => child.localName === "caption")
            ?.textContent.trim() ?? "",
        // Written by renderHTML, inside the table.
        renderHTML: () => ({}),
      },
    }
  },

  parseHTML() {
    // The caption's text is the attribute's, never a row of the table.
    return [...(this.parent?.() ?? [{ tag: "table" }]), { tag: "caption", ignore: true }]
  },

  renderHTML({ node, HTMLAttributes }) {
    const table = this.parent({ node, HTMLAttributes })
    if (!node.attrs.caption) return table
    const [tag, attributes, ...content] = table
    return [tag, attributes, ["caption", node.attrs.caption], ...content]
  },

  addNodeView() {
    const makeView = this.parent()
    return (props) => {
      const view = makeView(props)
      const caption = crel("caption", { className: "prose-table__caption" })
      caption.contentEditable = "false"
      const show = (node) => {
        caption.textContent = node.attrs.caption
        caption.hidden = !node.attrs.caption
      }
      show(props.node)
      view.table.prepend(caption)
      const update = view.update.bind(view)
      view.update = (node) => {
        if (!update(node)) return false
        show(node)
        return true
      }
      const ignoreMutation = view.ignoreMutation.bind(view)
      view.ignoreMutation = (mutation) =>
        caption.contains(mutation.target) || ignoreMutation(mutation)
      return view
    }
  },

  addCommands() {
    return {
      ...this.parent?.(),
      updateTableCaption:
        () =>
        ({ editor, state }) => {
          const table = closestNode(this.name, state)
          if (!table) return false
          updateAttrsDialog(
            {
              caption: {
                type: "string",
                title: gettext("Caption"),
                description: gettext(
                  "What the table shows, in a few words. Leave empty for none.",
                ),
              },
            },
            { title: gettext("Table caption"), submitText: gettext("Update") },
          )(editor, { caption: table.node.attrs.caption }).then((attrs) => {
            if (!attrs) return
            editor
              .chain()
              .focus()
              .command(({ tr }) => {
                tr.setNodeAttribute(
                  table.pos,
                  "caption",
                  attrs.caption.replace(/\s+/g, " ").trim(),
                )
                return true
              })
              .run()
          })
          return true
        },
    }
  },

  addMenuItems({ buttons, menu, editor }) {
    this.parent?.({ buttons, menu, editor })
    menu.defineItem({
      name: "table:caption",
      groups: "table",
      button: buttons.material("title", gettext("Table caption")),
      command(editor) {
        editor.chain().focus().updateTableCaption().run()
      },
      hidden(editor) {
        return !editor.isActive("table")
      },
    })
  },
})

// A footnote's number is a link inside a superscript (<sup><a>), as the
// import writes it: superscript and subscript wrap links, not the other way.
// (Links come first among the package's marks, at priority 1000.)
export const Superscript = BaseSuperscript.extend({ priority: 1001 })
export const Subscript = BaseSubscript.extend({ priority: 1001 })

// The ids that link footnotes and the references to them both ways. The
// sanitiser keeps only ids of that form. A list item split in two keeps its
// id in the first half only.
export const FootnoteIds = Extension.create({
  name: "footnoteIds",

  addGlobalAttributes() {
    return [
      {
        types: ["link", "listItem"],
        attributes: {
          id: {
            default: null,
            keepOnSplit: false,
            parseHTML: (element) => element.getAttribute("id"),
            renderHTML: (attributes) =>
              attributes.id ? { id: attributes.id } : {},
          },
        },
      },
    ]
  },
})

// A picture inside a paragraph, list item or table cell, as classic WordPress
// posts and galleries have them. The package's image is a block of its own
// (alone or in a figure); this one stays in the line it was in.
const INLINE_CONTEXTS = [
  "paragraph",
  "heading",
  "listItem",
  "tableCell",
  "tableHeader",
  "detailsSummary",
]

export const InlineImage = Node.create({
  name: "inlineImage",
  inline: true,
  group: "inline",
  draggable: true,
  atom: true,

  addAttributes() {
    return {
      src: { default: null },
      alt: { default: null },
      file: {
        default: null,
        parseHTML: (element) => element.getAttribute("data-file"),
        renderHTML: (attributes) =>
          attributes.file ? { "data-file": attributes.file } : {},
      },
    }
  },

  parseHTML() {
    return [
      {
        tag: "img[src]",
        // Before the package's image, which would take the picture out of
        // its line.
        priority: 60,
        context: INLINE_CONTEXTS.map((name) => `${name}/`).join("|"),
      },
    ]
  },

  renderHTML({ HTMLAttributes }) {
    return ["img", mergeAttributes(HTMLAttributes)]
  },
})

// A collapsible section: its summary, then what a reader sees on opening it.
// It stays closed or open on the page as the author left it; in the editor
// its content is always shown, with a switch for how the page shows it.
export const DetailsSummary = Node.create({
  name: "detailsSummary",
  content: "inline*",
  defining: true,
  isolating: true,

  parseHTML() {
    return [{ tag: "summary" }]
  },

  renderHTML({ HTMLAttributes }) {
    return ["summary", mergeAttributes(HTMLAttributes), 0]
  },
})

export const Details = Node.create({
  name: "details",
  group: "block",
  content: "detailsSummary block+",
  defining: true,
  isolating: true,

  addAttributes() {
    return {
      open: {
        default: false,
        parseHTML: (element) => element.hasAttribute("open"),
        renderHTML: (attributes) => (attributes.open ? { open: "" } : {}),
      },
    }
  },

  parseHTML() {
    return [{ tag: "details" }]
  },

  renderHTML({ HTMLAttributes }) {
    return ["details", mergeAttributes(HTMLAttributes), 0]
  },

  addNodeView() {
    return ({ node, editor, getPos }) => {
      let current = node
      const label = () =>
        current.attrs.open
          ? gettext("Shown open on the page")
          : gettext("Shown closed on the page")
      const toggle = crel("button", {
        type: "button",
        className: "prose-details__toggle",
        textContent: label(),
        title: gettext("Click to change how readers first see this section"),
      })
      toggle.contentEditable = "false"
      toggle.addEventListener("click", () => {
        editor
          .chain()
          .command(({ tr }) => {
            tr.setNodeAttribute(getPos(), "open", !current.attrs.open)
            return true
          })
          .run()
      })
      const contentDOM = crel("div", { className: "prose-details__content" })
      // The switch comes after the text, so that the caret never lands
      // before the summary on it (the stylesheet shows it at the top).
      const dom = crel("div", { className: "prose-details" }, [
        contentDOM,
        toggle,
      ])
      return {
        dom,
        contentDOM,
        update(updated) {
          if (updated.type !== current.type) return false
          current = updated
          toggle.textContent = label()
          return true
        },
        stopEvent: (event) => toggle.contains(event.target),
        ignoreMutation: (mutation) => toggle.contains(mutation.target),
      }
    }
  },

  addCommands() {
    return {
      insertDetails:
        () =>
        ({ commands }) =>
          commands.insertContent({
            type: this.name,
            content: [
              {
                type: "detailsSummary",
                content: [{ type: "text", text: gettext("Summary") }],
              },
              { type: "paragraph" },
            ],
          }),
    }
  },

  addMenuItems({ buttons, menu }) {
    menu.defineItem({
      name: "details",
      groups: "nodes",
      button: buttons.material(
        "unfold_more",
        gettext("Collapsible section (readers open it to see the rest)"),
      ),
      command(editor) {
        editor.chain().focus().insertDetails().run()
      },
      active(editor) {
        return editor.isActive("details")
      },
      enabled(editor) {
        return editor.can().insertDetails()
      },
    })
  },
})

// Text side by side in columns (stacked on phones), from the block editor's
// column blocks: <div class="columns"><div class="column">…</div>…</div>.
export const Column = Node.create({
  name: "column",
  content: "block+",
  defining: true,
  isolating: true,

  parseHTML() {
    return [{ tag: "div.column", priority: 60 }]
  },

  renderHTML({ HTMLAttributes }) {
    return ["div", mergeAttributes(HTMLAttributes, { class: "column" }), 0]
  },
})

export const Columns = Node.create({
  name: "columns",
  group: "block",
  content: "column+",
  defining: true,

  parseHTML() {
    return [{ tag: "div.columns", priority: 60 }]
  },

  renderHTML({ HTMLAttributes }) {
    return ["div", mergeAttributes(HTMLAttributes, { class: "columns" }), 0]
  },

  addCommands() {
    return {
      insertColumns:
        () =>
        ({ commands }) =>
          commands.insertContent({
            type: this.name,
            content: [
              { type: "column", content: [{ type: "paragraph" }] },
              { type: "column", content: [{ type: "paragraph" }] },
            ],
          }),
    }
  },

  addMenuItems({ buttons, menu }) {
    menu.defineItem({
      name: "columns",
      groups: "nodes",
      button: buttons.material(
        "view_column",
        gettext("Two columns (side by side on wide screens)"),
      ),
      command(editor) {
        editor.chain().focus().insertColumns().run()
      },
      enabled(editor) {
        return editor.can().insertColumns()
      },
    })
  },
})

// Any other block of blocks the import keeps (from definition lists and
// layout containers): kept as the plain <div> it is.
export const Division = Node.create({
  name: "division",
  group: "block",
  content: "block+",

  parseHTML() {
    return [{ tag: "div" }]
  },

  renderHTML({ HTMLAttributes }) {
    return ["div", mergeAttributes(HTMLAttributes), 0]
  },
})
