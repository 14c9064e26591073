import Foundation
import OmsorgDetection
import Vapor

/// `omsorg model fit --table table.csv --outcome outcome [--weights COLUMN] [--l2 LAMBDA] [--json]`
/// fits a logistic regression of the 0/1 outcome on every other numeric column of the table and
/// prints each coefficient with its standard error, z, p and 95 % interval.
struct ModelFitCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "table", help: "A CSV file of numbers with a header line")
        var table: String?
        @Option(name: "outcome", help: "The 0/1 outcome's column")
        var outcome: String?
        @Option(name: "weights", help: "A column of frequency weights: how many observations each row stands for")
        var weights: String?
        @Option(name: "l2", help: "L2 penalty λ: maximises log-likelihood − λ/2 × the sum of squared coefficients, the intercept's excepted (default 0)")
        var l2: Double?
        @Flag(name: "json", help: "Print the fit as JSON")
        var json: Bool
        @Flag(name: "timing", help: "Print, on standard error, the seconds spent reading the table and fitting it (bench/model.sh)")
        var timing: Bool
    }

    var help: String { "Fits a logistic regression with standard errors, z, p-values and 95 % intervals to a numeric CSV table." }

    static let usage = "Usage: omsorg model fit --table FILE --outcome COLUMN [--weights COLUMN] [--l2 LAMBDA] [--json] [--timing]"

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let path = signature.table, let outcome = signature.outcome else { throw Abort(.badRequest, reason: Self.usage) }
        let l2 = signature.l2 ?? 0
        guard l2 >= 0, l2.isFinite else { throw Abort(.badRequest, reason: "--l2 must be a number, 0 or more.") }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        } catch {
            throw Abort(.badRequest, reason: "Cannot read the table \(path): \(error.localizedDescription)")
        }
        let fit: LogisticFit
        do {
            let started = Date()
            let table = try DesignTable(csv: data, outcome: outcome, weights: signature.weights)
            let read = Date()
            fit = try LogisticRegression(l2: l2).fit(table)
            if signature.timing {
                FileHandle.standardError.write(Data("timing: read \(read.timeIntervalSince(started)) s, fit \(Date().timeIntervalSince(read)) s\n".utf8))
            }
        } catch let error as TableError {
            throw Abort(.unprocessableEntity, reason: "\(path): \(error.description)")
        } catch let error as DegenerateDataError {
            throw Abort(.unprocessableEntity, reason: "\(path): \(error.description)")
        }
        if signature.json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            context.console.print(String(decoding: try encoder.encode(FitJSON(fit)), as: UTF8.self))
        } else {
            printTable(fit, outcome: outcome, on: context.console)
        }
    }

    private func printTable(_ fit: LogisticFit, outcome: String, on console: any Console) {
        let rows = fit.patterns.map { "\(fit.rows) rows (\($0) distinct, fitted as weighted patterns)" } ?? "\(fit.rows) rows"
        console.print("Logistic regression of \(outcome) on \(fit.coefficients.count - 1) column(s): \(rows), "
                      + "\(PlainNumber.text(fit.observations)) observations" + (fit.l2 > 0 ? ", L2 penalty \(fit.l2)" : "") + ".")
        console.print((fit.converged ? "Converged in \(fit.iterations) iterations" : "Not converged after \(fit.iterations) iterations")
                      + String(format: "; log-likelihood %.6f.", fit.logLikelihood))
        let width = max(9, fit.coefficients.map(\.name.count).max() ?? 0)
        console.print("".padded(width) + "   estimate  std. error        z          p   95 % interval")
        for c in fit.coefficients {
            console.print(c.name.padded(width) + String(format: " %10.5f  %10.5f %8.3f %10.3g   %.5f to %.5f",
                                                        c.estimate, c.standardError, c.z, c.p, c.lower, c.upper))
        }
        for warning in fit.warnings { console.print("warning: \(warning)") }
    }
}

/// The fit as `omsorg model fit --json` prints it.
private struct FitJSON: Encodable {
    let coefficients: [LogisticFit.Coefficient]
    let logLikelihood: Double
    let iterations: Int
    let converged: Bool
    let warnings: [String]

    init(_ fit: LogisticFit) {
        coefficients = fit.coefficients
        logLikelihood = fit.logLikelihood
        iterations = fit.iterations
        converged = fit.converged
        warnings = fit.warnings.map(\.description)
    }
}
