import Plot

/// The pages' few building blocks on top of Plot. Plot escapes text but writes attribute values as
/// given, so every element here escapes its attribute values itself, and text is escaped whole
/// (an entity typed by a user shows as typed). Pages build markup only through these.
enum Markup {
    /// An element with attributes; an attribute whose value is nil is left out. Its content is
    /// rendered at once into a raw node: Plot reflects over every component it renders, which made
    /// a case page cost four API reads; rendered here, each element's content is one group.
    static func element(_ name: String, _ attributes: [(String, String?)] = [],
                        @ComponentBuilder content: () -> ComponentGroup) -> Component {
        var html = "<" + name
        for case let (attribute, value?) in attributes {
            html += value.isEmpty ? " \(attribute)" : " \(attribute)=\"\(escape(value))\""
        }
        html += ">" + content().render() + "</" + name + ">"
        return Node<Any>.raw(html)
    }

    /// An element without content, such as `input`.
    static func void(_ name: String, _ attributes: [(String, String?)]) -> Component {
        Element<Any>.selfClosed(named: name, attributes: attributes.compactMap { name, value in
            value.map { Attribute<Any>(name: name, value: escape($0), ignoreIfValueIsEmpty: false) }
        })
    }

    static func text(_ text: String) -> Component {
        Node<Any>.raw(escape(text))
    }

    static func escape(_ text: String) -> String {
        // Most texts have nothing to escape; finding that out on the bytes is cheap.
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">")
            || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") }) else { return text }
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
