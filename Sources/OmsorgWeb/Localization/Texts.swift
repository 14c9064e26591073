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
    func callAsFunction(_ key: String, _ arguments: KeyValuePairs<String, String> = [:]) -> String {
        guard let text = catalogue[key] else { return "⟦\(key)⟧" }
        return arguments.isEmpty ? text : Self.fill(text, arguments)
    }

    /// Replaces each `{name}` in one pass over the bytes: pages fill hundreds of texts, and both
    /// Foundation's `replacingOccurrences` and a walk over Characters cost a tenth of a case page.
    /// The braces are ASCII, so their byte positions are valid positions in the string. A text has
    /// a few arguments at most, so they are looked up in order rather than hashed.
    static func fill(_ template: String, _ arguments: KeyValuePairs<String, String>) -> String {
        let bytes = template.utf8
        var result = ""
        result.reserveCapacity(bytes.count + arguments.reduce(0) { $0 + $1.value.utf8.count })
        var start = bytes.startIndex
        while let open = bytes[start...].firstIndex(of: UInt8(ascii: "{")),
              let close = bytes[open...].firstIndex(of: UInt8(ascii: "}")) {
            result += template[start..<open]
            let name = template.utf8[bytes.index(after: open)..<close]
            if let argument = arguments.first(where: { $0.key.utf8.elementsEqual(name) }) {
                result += argument.value
            } else {
                result += template[open...close]
            }
            start = bytes.index(after: close)
        }
        result += template[start...]
        return result
    }

    /// The text for `key` when the catalogue has one.
    func optional(_ key: String) -> String? { catalogue[key] }
}
