import Foundation

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
        guard var text = catalogue[key] else { return "⟦\(key)⟧" }
        for (name, value) in arguments {
            text = text.replacingOccurrences(of: "{\(name)}", with: value)
        }
        return text
    }

    /// The text for `key` when the catalogue has one.
    func optional(_ key: String) -> String? { catalogue[key] }
}
