/// The user-facing strings of one language, looked up by key. A key missing from the catalogue is
/// shown as `⟦key⟧`, which the tests look for on every page, so it cannot slip through unseen.
struct Texts: Sendable {
    let language: DisplayLanguage
    private let catalogue: [String: String]

    init(_ language: DisplayLanguage) {
        self.language = language
        catalogue = Catalogue.texts(for: language)
    }

    /// The text for `key`, with each `{name}` replaced by its argument.
    func callAsFunction(_ key: String, _ arguments: [String: String] = [:]) -> String {
        guard let text = catalogue[key] else { return "⟦\(key)⟧" }
        return arguments.isEmpty ? text : Self.fill(text, arguments)
    }

    /// Replaces each `{name}` in one pass: pages fill hundreds of texts, and Foundation's
    /// `replacingOccurrences` was a tenth of a case page's time.
    static func fill(_ template: String, _ arguments: [String: String]) -> String {
        var result = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            result += rest[..<open]
            let name = String(rest[rest.index(after: open)..<close])
            result += arguments[name] ?? "{\(name)}"
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    /// The text for `key` when the catalogue has one.
    func optional(_ key: String) -> String? { catalogue[key] }
}
