import Foundation

/// What the HTTP layer is configured with. The composition root fills it from the one configuration
/// value read at start-up; nothing in the web layer reads the environment.
public struct WebSettings: Sendable {
    public var now: @Sendable () -> Date = { Date() }
    /// How long a bearer token or a page session lasts from sign-in.
    public var sessionLifetime: TimeInterval = 8 * 3600
    /// A page session ends after this long without a request.
    public var sessionIdleTimeout: TimeInterval = 30 * 60
    public var maxBodyBytes = 64 * 1024
    /// Failed sign-ins per username and per client address before the next ones are refused.
    public var loginFailureLimit = 5
    /// How long sign-ins stay refused once the limit is reached.
    public var loginLockout: TimeInterval = 15 * 60

    public init() {}
}
