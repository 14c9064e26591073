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
}
