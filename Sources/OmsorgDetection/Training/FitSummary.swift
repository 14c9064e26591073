import Foundation

/// What a model version keeps of a fit: each coefficient with its inference, and how the fit went.
/// Its coding keys are the stored form of a version, so renaming a property keeps old versions readable.
public struct FitSummary: Sendable, Equatable, Codable {
    public let coefficients: [LogisticFit.Coefficient]
    public let logLikelihood: Double
    public let iterations: Int
    public let converged: Bool
    public let observations: Double
    public let events: Double
    public let warnings: [String]

    enum CodingKeys: String, CodingKey {
        case coefficients, logLikelihood, iterations, converged, observations, events, warnings
    }

    public init(_ fit: LogisticFit, events: Double) {
        coefficients = fit.coefficients
        logLikelihood = fit.logLikelihood
        iterations = fit.iterations
        converged = fit.converged
        observations = fit.observations
        self.events = events
        warnings = fit.warnings.map(\.description)
    }

    public var intercept: Double { coefficients.first { $0.name == DesignTable.interceptName }?.estimate ?? 0 }

    /// The covariates, without the intercept.
    public var covariates: [LogisticFit.Coefficient] { coefficients.filter { $0.name != DesignTable.interceptName } }
}
