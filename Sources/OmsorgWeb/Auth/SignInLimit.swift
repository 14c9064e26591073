import Foundation
import OmsorgStore
import Vapor

/// The limit on failed sign-ins per username and per client address, counted in the database so
/// every server sees the same count. A locked key costs no bcrypt work, so a flood of guesses is
/// cheap to refuse.
///
/// An attempt is recorded as pending before its password is checked and counted together with the
/// attempts before it, so that parallel guesses see each other: at most `loginFailureLimit` of
/// them reach bcrypt. The rest are refused as busy with a short wait, since the pending attempts
/// may yet prove right.
struct SignInLimit {
    let keys: [String]
    let settings: WebSettings
    let now: Date
    let store: SessionRepository

    init(username: String, on request: Request) {
        settings = request.application.web
        keys = ["user:" + username.lowercased(), "address:" + request.clientAddress(trustingForwardedFor: settings.trustForwardedFor)]
        now = request.now
        store = SessionRepository(request.db)
    }

    private var since: Date { now.addingTimeInterval(-settings.loginLockout) }

    /// Records the attempt, or throws `SignIn.Refusal.tooManyFailures` when a key is locked or
    /// as many attempts as the limit allows are being checked now.
    func admit() async throws -> [UUID] {
        try await refuseIfFull(countingOwnAttempt: false)
        let attempt = try await store.recordPendingAttempt(keys: keys, now: now)
        do {
            try await refuseIfFull(countingOwnAttempt: true)
        } catch {
            try await store.withdrawAttempt(attempt)
            throw error
        }
        return attempt
    }

    func fail(_ attempt: [UUID]) async throws {
        try await store.confirmFailure(attempt)
    }

    func withdraw(_ attempt: [UUID]) async throws {
        try await store.withdrawAttempt(attempt)
    }

    /// Clears the username's failures; the address keeps its own, so guessing many usernames from
    /// one address stays limited even when one of them is the guesser's own.
    func succeed(_ attempt: [UUID]) async throws {
        try await store.clearFailures(key: keys[0], attempt: attempt, pruningBefore: since)
    }

    private func refuseIfFull(countingOwnAttempt: Bool) async throws {
        let limit = settings.loginFailureLimit
        let attempts = try await store.signInAttempts(keys: keys, since: since)
        let lockedUntil = attempts.values.compactMap { key -> Date? in
            key.failedAt.count >= limit ? key.failedAt[limit - 1].addingTimeInterval(settings.loginLockout) : nil
        }.max()
        if let lockedUntil, lockedUntil > now {
            throw SignIn.Refusal.tooManyFailures(retryAfter: Int(lockedUntil.timeIntervalSince(now).rounded(.up)))
        }
        let allowed = countingOwnAttempt ? limit : limit - 1
        if attempts.values.contains(where: { $0.failedAt.count + $0.pending > allowed }) {
            throw SignIn.Refusal.tooManyFailures(retryAfter: 1)
        }
    }
}

extension Request {
    /// The address the sign-in limit counts by: the connection's peer, or behind a trusted reverse
    /// proxy the address it appended last to `X-Forwarded-For` (the ones before it are the client's word).
    func clientAddress(trustingForwardedFor: Bool) -> String {
        if trustingForwardedFor, let forwarded = headers[.xForwardedFor].last?.split(separator: ",").last {
            return forwarded.trimmingCharacters(in: .whitespaces)
        }
        return remoteAddress?.ipAddress ?? "unknown"
    }
}
