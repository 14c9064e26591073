/// The languages of the pages. Danish is the default; English is a switch kept in the session.
public enum Language: String, Sendable, CaseIterable {
    case danish = "da"
    case english = "en"

    /// The other language, which the switch in the header offers.
    var other: Language { self == .danish ? .english : .danish }
}
