extension ModelDocument {
    /// The document as Markdown. Text is written so that it cannot start structure of its own (a
    /// legal basis's reference is typed by a person): no raw HTML, no heading or list from a
    /// leading character, no pipe ending a table cell early, no line break ending a table.
    public var markdown: String {
        var lines = ["# \(Self.inline(title))", ""]
        for section in sections {
            lines += ["## \(Self.inline(section.heading))", ""]
            for block in section.blocks {
                switch block {
                case .paragraph(let text):
                    lines += [Self.lineStart(Self.inline(text)), ""]
                case .list(let items):
                    lines += items.map { "- \(Self.inline($0))" } + [""]
                case .table(let header, let rows):
                    lines.append(Self.row(header))
                    lines.append("|" + String(repeating: " --- |", count: header.count))
                    lines += rows.map(Self.row) + [""]
                case .chart(let chart):
                    lines += ["*Figure (drawn in the HTML version): \(Self.inline(chart.caption))*", ""]
                }
            }
        }
        return lines.joined(separator: "\n")
    }

    private static func row(_ cells: [String]) -> String {
        "| " + cells.map { inline($0).replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |"
    }

    private static func inline(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
            .replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    /// A paragraph cannot begin as a heading, a list (`-`, or `1.` and `1)`), a rule or code.
    private static func lineStart(_ line: String) -> String {
        let afterDigits = line.drop { $0.isASCII && $0.isNumber }
        let numbered = afterDigits.count < line.count && (afterDigits.first == "." || afterDigits.first == ")")
        return line.first.map { "#-+*=`".contains($0) } == true || numbered ? "\\" + line : line
    }
}
