import OmsorgDetection
@testable import OmsorgWeb
import Testing

/// Text and attribute values are escaped whole wherever they come from, so nothing typed becomes markup.
@Suite("Markup")
struct MarkupTests {
    @Test func textIsEscapedWhole() {
        #expect(Markup.text("<script>alert('x')</script> & \"ø\"").html
                == "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;ø&quot;")
        #expect(Markup.text("&amp;").html == "&amp;amp;")
        #expect(Markup.text("Søren e\u{301} <").html == "Søren e\u{301} &lt;")
        #expect(Markup.text("Åse Ørsted").html == "Åse Ørsted")
        // A refused form shows what was typed; control characters are no part of a page.
        #expect(Markup.text("A\u{0}B\u{1}C\u{7F}").html == "A\u{FFFD}B\u{FFFD}C\u{FFFD}")
        #expect(Markup.text("to\tlinjer\nher").html == "to\tlinjer\nher")
    }

    @Test func attributesAreEscapedAndLeftOutOrBareAsAsked() {
        let input = Markup.void("input", [("value", "\"><script>"), ("checked", ""), ("disabled", nil)])
        #expect(input.html == "<input value=\"&quot;&gt;&lt;script&gt;\" checked>")
    }

    @Test func elementsNestInTheOrderWritten() {
        let rows = ["a", "b"]
        let list = Markup.element("ul", [("class", "x")]) {
            for row in rows { Markup.element("li") { Markup.text(row) } }
            if rows.isEmpty { Markup.text("none") } else { Markup.text("!") }
        }
        #expect(list.html == "<ul class=\"x\"><li>a</li><li>b</li>!</ul>")
    }

    @Test func aModelDocumentIsEscapedAndItsTablesHaveHeaders() {
        let document = ModelDocument(title: "Card <script>", sections: [
            .init("Basis", [.paragraph("Lov <b>1</b> & \"2\""), .table(header: ["Term"], rows: [["<x>"]]), .list(["'a'"])]),
        ])
        let html = ModelDocumentView(document).standalone()
        #expect(html.contains("<title>Card &lt;script&gt;</title>"))
        #expect(html.contains("<p>Lov &lt;b&gt;1&lt;/b&gt; &amp; &quot;2&quot;</p>"))
        #expect(html.contains("<thead><tr><th scope=\"col\">Term</th></tr></thead><tbody><tr><td>&lt;x&gt;</td></tr></tbody>"))
        #expect(html.contains("<li>&#39;a&#39;</li>") || html.contains("<li>&#x27;a&#x27;</li>"))
        #expect(!html.contains("<script"))
    }
}
