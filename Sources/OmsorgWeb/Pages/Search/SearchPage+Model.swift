import OmsorgStore

/// Find a child or case by person number or name, within the user's own scope.
enum SearchPage {
    struct Model: Sendable {
        let query: String
        /// Nil before anything is searched for.
        let results: [CaseSummary]?
    }

    static let limit = 50
}
