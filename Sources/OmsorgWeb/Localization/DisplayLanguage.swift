/// The languages of the pages. Danish is the default; English is a switch kept in the session.
public enum DisplayLanguage: String, Sendable, CaseIterable {
    case danish = "da"
    case english = "en"

    /// The other language, which the switch in the header offers.
    var other: DisplayLanguage { self == .danish ? .english : .danish }
}
