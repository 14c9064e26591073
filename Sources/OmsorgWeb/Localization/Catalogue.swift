/// Every user-facing string of the pages, one dictionary per language. The keys are the same in
/// each; a test holds them together.
enum Catalogue {
    static func texts(for language: DisplayLanguage) -> [String: String] {
        switch language {
        case .danish: danish
        case .english: english
        }
    }
}
