import OmsorgDetection
import Plot

/// A model card or an impact assessment as HTML: the body for a page, or a document of its own for
/// the file `omsorg model train` writes beside the Markdown, readable without the service.
public struct ModelDocumentView: Sendable {
    let document: ModelDocument

    public init(_ document: ModelDocument) { self.document = document }

    /// A whole document, its style inside it, for opening from disk.
    public func standalone(language: String = "en") -> String {
        HTML(
            .attribute(named: "lang", value: language),
            .head(
                .encoding(.utf8),
                .element(named: "title", text: document.title),
                .viewport(.accordingToDevice, initialScale: 1),
                .element(named: "style", nodes: [.raw(Self.style)])
            ),
            .body(.raw(Markup.element("main") { content }.html))
        ).render()
    }

    var content: Markup.Fragment {
        Markup.group {
            Markup.element("h1") { Markup.text(document.title) }
            for section in document.sections {
                Markup.element("section") {
                    Markup.element("h2") { Markup.text(section.heading) }
                    for block in section.blocks { Self.html(block) }
                }
            }
        }
    }

    private static func html(_ block: ModelDocument.Block) -> Markup.Fragment {
        switch block {
        case .paragraph(let text):
            Markup.element("p") { Markup.text(text) }
        case .list(let items):
            Markup.element("ul") { for item in items { Markup.element("li") { Markup.text(item) } } }
        case .table(let header, let rows):
            Markup.element("table") {
                Markup.element("thead") { Markup.element("tr") { for cell in header { Markup.element("th", [("scope", "col")]) { Markup.text(cell) } } } }
                Markup.element("tbody") {
                    for row in rows { Markup.element("tr") { for cell in row { Markup.element("td") { Markup.text(cell) } } } }
                }
            }
        case .chart(let chart):
            ModelChartView(chart: chart).fragment
        }
    }

    private static let style = """
        body { font: 16px/1.5 system-ui, sans-serif; color: #1a1a1a; margin: 0; }
        main { max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
        table { border-collapse: collapse; margin: 0 0 1.5rem; }
        th, td { border: 1px solid #b0b0b0; padding: .3rem .6rem; text-align: left; vertical-align: top; }
        th { background: #eef1f4; }
        figure { margin: 0 0 1.5rem; } figure svg { max-width: 100%; height: auto; }
        """
}
