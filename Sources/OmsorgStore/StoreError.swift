/// What the store refuses, apart from the domain's own refusals (`CaseFlowError`).
public enum StoreError: Error, Equatable, Sendable {
    /// No such record in the caller's scope. Another municipality's record is reported the same way,
    /// so its existence is not disclosed.
    case notFound(String)
    /// Someone else changed the record at the same moment; the request may be repeated.
    case concurrentChange
    /// The record has changed since the version the caller saw (`If-Match`); nothing was changed.
    /// `current` is its version now.
    case changedSince(current: Int)
    /// A unique value is taken, e.g. a username.
    case duplicate(String, field: String? = nil)
    /// The database is held by a long write elsewhere (SQLite); nothing was done, and the request
    /// may be repeated shortly.
    case busy
}
