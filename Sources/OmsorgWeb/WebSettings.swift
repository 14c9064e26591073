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
    /// bcrypt's work factor for new password hashes: slow on purpose in service, lowered only by tests.
    public var passwordCost = 12
    /// Take the client address for the sign-in limit from the last entry of `X-Forwarded-For`.
    /// Only behind one reverse proxy that appends it: there every request comes from the proxy's
    /// address, so without this the limit per address would lock out everyone at once. Anywhere
    /// else the header is whatever the client wrote, and the limit could be dodged with it.
    public var trustForwardedFor = false

    public init() {}
}
