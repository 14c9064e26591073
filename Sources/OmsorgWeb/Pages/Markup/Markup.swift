/// The pages' building blocks: elements, void elements and text, put together by a result builder
/// the way Plot's components are, but rendered straight into a string. Plot renders every component
/// by reflecting over it (Mirror and dynamic casts per node), which cost the case page more than a
/// third of its time; these cost one string append each. Plot still writes the document around them
/// (`PageLayout`). Attribute values and text are escaped here, always and whole (an entity typed by a
/// user shows as typed); pages build markup only through these.
enum Markup {
    /// Finished, escaped HTML.
    struct Fragment: Sendable {
        let html: String

        static let empty = Fragment(html: "")
    }

    @resultBuilder
    enum Builder {
        static func buildExpression(_ fragment: Fragment) -> Fragment { fragment }
        static func buildBlock(_ parts: Fragment...) -> Fragment { joined(parts) }
        static func buildOptional(_ part: Fragment?) -> Fragment { part ?? .empty }
        static func buildEither(first part: Fragment) -> Fragment { part }
        static func buildEither(second part: Fragment) -> Fragment { part }
        static func buildArray(_ parts: [Fragment]) -> Fragment { joined(parts) }

        private static func joined(_ parts: [Fragment]) -> Fragment {
            if parts.count == 1 { return parts[0] }
            var html = ""
            html.reserveCapacity(parts.reduce(0) { $0 + $1.html.utf8.count })
            for part in parts { html += part.html }
            return Fragment(html: html)
        }
    }

    /// Several fragments side by side, without an element around them.
    static func group(@Builder _ content: () -> Fragment) -> Fragment {
        content()
    }

    /// An element with attributes; an attribute whose value is nil is left out, one whose value is
    /// empty is written bare (`checked`).
    static func element(_ name: String, _ attributes: [(String, String?)] = [], @Builder content: () -> Fragment) -> Fragment {
        let inner = content().html
        var html = openingTag(name, attributes, extraCapacity: inner.utf8.count + name.utf8.count + 3)
        html.append(inner)
        html.append("</")
        html.append(name)
        html.append(">")
        return Fragment(html: html)
    }

    /// An element without content, such as `input`.
    static func void(_ name: String, _ attributes: [(String, String?)]) -> Fragment {
        Fragment(html: openingTag(name, attributes, extraCapacity: 0))
    }

    static func text(_ text: String) -> Fragment {
        Fragment(html: escape(text))
    }

    private static func openingTag(_ name: String, _ attributes: [(String, String?)], extraCapacity: Int) -> String {
        var html = "<"
        var capacity = name.utf8.count + 2 + extraCapacity
        for (attribute, value) in attributes { capacity += attribute.utf8.count + (value?.utf8.count ?? 0) + 4 }
        html.reserveCapacity(capacity)
        html.append(name)
        for case let (attribute, value?) in attributes {
            html.append(" ")
            html.append(attribute)
            guard !value.isEmpty else { continue }
            html.append("=\"")
            html.append(escape(value))
            html.append("\"")
        }
        html.append(">")
        return html
    }

    static func escape(_ text: String) -> String {
        // Most texts have nothing to escape; finding that out on the contiguous bytes is cheap.
        // & < > " ' and the C0 controls but tab, line feed and carriage return: a refused form shows
        // what was typed, and a NUL or other control character is no character of an HTML page.
        let special: (UInt8) -> Bool = { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 || ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D) || $0 == 0x7F }
        guard text.utf8.withContiguousStorageIfAvailable({ $0.contains(where: special) }) ?? text.utf8.contains(where: special)
        else { return text }
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            case "\t", "\n", "\r": escaped.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: escaped += "\u{FFFD}"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
