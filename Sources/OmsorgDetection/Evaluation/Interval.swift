import Foundation

/// A 95 % confidence interval.
public struct Interval: Sendable, Equatable, Codable {
    public let lower: Double
    public let upper: Double

    public init(lower: Double, upper: Double) {
        self.lower = lower
        self.upper = upper
    }

    static let z = 1.959963984540054

    /// Wilson's score interval for `successes` of `trials`: unlike the Wald interval it stays inside
    /// 0–1 and does not collapse to a point when the share is 0 or 1, as it often is in a top 1 %.
    static func wilson(_ successes: Int, of trials: Int) -> Interval? {
        guard trials > 0 else { return nil }
        let n = Double(trials), share = Double(successes) / n, z2 = z * z
        let centre = (share + z2 / (2 * n)) / (1 + z2 / n)
        let half = z / (1 + z2 / n) * (share * (1 - share) / n + z2 / (4 * n * n)).squareRoot()
        return Interval(lower: max(0, centre - half), upper: min(1, centre + half))
    }
}
