import Plot

/// The pages' few building blocks on top of Plot. Plot escapes text but writes attribute values as
/// given, so every element here escapes its attribute values itself, and text is escaped whole
/// (an entity typed by a user shows as typed). Pages build markup only through these.
enum Markup {
    /// An element with attributes; an attribute whose value is nil is left out. Built as a Plot node
    /// rather than a component: Plot reflects over every component it renders, and a page has hundreds.
    static func element(_ name: String, _ attributes: [(String, String?)] = [],
                        @ComponentBuilder content: @escaping () -> ComponentGroup) -> Component {
        let attributeNodes = attributes.compactMap { name, value in
            value.map { Node<Any>.attribute(named: name, value: escape($0), ignoreIfValueIsEmpty: false) }
        }
        return Node<Any>.element(named: name, nodes: attributeNodes + [.component(content())])
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
