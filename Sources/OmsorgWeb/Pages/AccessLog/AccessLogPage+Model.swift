import OmsorgStore

/// Who has looked at a child's data: every read and write the audit log holds for the child,
/// newest first, for the child's caseworkers, their team leader and administrators.
enum AccessLogPage {
    struct Model: Sendable {
        let log: AccessLog
    }

    /// The newest entries shown; the page says how many there are in all.
    static let limit = 200
}
