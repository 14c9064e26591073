import Foundation

/// A fitted logistic regression: each coefficient with its Wald inference, and how the fit went.
public struct LogisticFit: Sendable, Equatable {
    /// Encoded as `omsorg model fit --json` prints it: its name and every figure. Decoding reads the
    /// estimate and standard error and computes the rest again.
    public struct Coefficient: Sendable, Equatable, Codable {
        /// `intercept` for the constant term, else the table's column name.
        public let name: String
        public let estimate: Double
        public let standardError: Double
        /// estimate / standardError.
        public let z: Double
        /// Two-sided, from the standard normal distribution.
        public let p: Double
        /// The 95 % Wald interval, estimate ± 1.959963984540054 × standardError.
        public let lower: Double
        public let upper: Double

        init(name: String, estimate: Double, standardError: Double) {
            self.name = name
            self.estimate = estimate
            self.standardError = standardError
            z = estimate / standardError
            // P(|Z| ≥ |z|) = erfc(|z| / √2), which keeps its precision far into the tail where 1 − Φ would round to 0.
            p = erfc(abs(z) / 2.0.squareRoot())
            lower = estimate - Self.normalQuantile975 * standardError
            upper = estimate + Self.normalQuantile975 * standardError
        }

        static let normalQuantile975 = 1.959963984540054

        enum CodingKeys: String, CodingKey {
            case name, estimate, standardError, z, p, lower, upper
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            self.init(name: try container.decode(String.self, forKey: .name), estimate: try container.decode(Double.self, forKey: .estimate),
                      standardError: try container.decode(Double.self, forKey: .standardError))
        }

        /// The factor by which the odds of the outcome change with one more of the column (an indicator present).
        public var oddsRatio: Double { exp(estimate) }
    }

    /// The intercept first, then one per covariate column in the table's order.
    public let coefficients: [Coefficient]
    /// Of the data at the estimates, without the penalty: Σ wᵢ (yᵢ log pᵢ + (1 − yᵢ) log(1 − pᵢ)).
    public let logLikelihood: Double
    /// Newton steps taken.
    public let iterations: Int
    public let converged: Bool
    public let warnings: [ModelWarning]
    /// The table's rows, and the observations they stand for (the sum of the weights).
    public let rows: Int
    public let observations: Double
    /// The distinct rows the fit ran over, when identical rows were merged into weighted patterns.
    public let patterns: Int?
    public let l2: Double

    public func coefficient(_ name: String) -> Coefficient? { coefficients.first { $0.name == name } }
}
