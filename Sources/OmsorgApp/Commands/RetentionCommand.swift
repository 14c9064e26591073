import OmsorgDomain
import OmsorgStore
import Vapor

/// `omsorg retention run [--dry-run]` deletes what each municipality's retention periods say is
/// due and prints what it did; `omsorg retention show` prints the periods, and `omsorg retention
/// set --municipality CODE --kind KIND --days N` sets one.
struct RetentionCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "run, show or set")
        var action: String

        @Flag(name: "dry-run", help: "run: count what is due, delete nothing")
        var dryRun: Bool

        @Option(name: "as-of", help: "run --dry-run: count what will be due on this day (YYYY-MM-DD)")
        var asOf: String?

        @Option(name: "municipality", help: "set: the municipality's four-digit code")
        var municipality: String?

        @Option(name: "kind", help: "set: \(RetainedRecord.allCases.map(\.rawValue).joined(separator: ", "))")
        var kind: String?

        @Option(name: "days", help: "set: how many days the kind is kept")
        var days: Int?
    }

    var help: String { "Deletes what is past its retention period (omsorg retention run [--dry-run] | show | set --municipality CODE --kind KIND --days N)." }

    static let usage = "Usage: omsorg retention run [--dry-run] | omsorg retention show | omsorg retention set --municipality CODE --kind KIND --days N"

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let retention = RetentionRepository(app.db)
        switch signature.action {
        case "run":
            let outcomes = try await retention.run(now: try day(signature) ?? app.omsorg.now(), sessionIdle: app.omsorg.web.sessionIdleTimeout,
                                                   dryRun: signature.dryRun)
            context.console.print(signature.dryRun ? "Due for deletion (a dry run: nothing was deleted):" : "Deleted:")
            let width = outcomes.map { $0.municipality.name.count }.max() ?? 0
            for outcome in outcomes {
                context.console.print("  \(outcome.municipality.code) \(outcome.municipality.name.padded(width))  \(outcome.kind.rawValue.padded(14))"
                                      + " kept \(String(outcome.days).leftPadded(5)) days  \(String(outcome.count).leftPadded(7))")
            }
            let total = outcomes.reduce(0) { $0 + $1.count }
            context.console.print(signature.dryRun ? "\(total) records are due." : "\(total) records deleted; each municipality's audit log records its share.")
        case "show":
            let staff = StaffRepository(app.db)
            for municipality in try await staff.municipalities() {
                let periods = try await retention.periods(of: municipality.id)
                let kinds = RetainedRecord.allCases.map { "\($0.rawValue) \(periods[$0]!) days" }.joined(separator: ", ")
                context.console.print("\(municipality.code) \(municipality.name): \(kinds)")
            }
        case "set":
            try await set(signature, on: retention, staff: StaffRepository(app.db), console: context.console)
        default:
            throw Abort(.badRequest, reason: Self.usage)
        }
    }

    /// A day to plan for; deleting ahead of time is not offered.
    private func day(_ signature: Signature) throws -> Date? {
        guard let text = signature.asOf else { return nil }
        guard signature.dryRun else { throw Abort(.badRequest, reason: "--as-of is for planning, with --dry-run: a run deletes only what is due today.") }
        guard let date = try? LocalDate(iso: text) else { throw Abort(.badRequest, reason: "--as-of is a day written YYYY-MM-DD.") }
        return DanishTime.instant(localSeconds: date.daysSinceEpoch * 86_400)
    }

    private func set(_ signature: Signature, on retention: RetentionRepository, staff: StaffRepository, console: any Console) async throws {
        guard let code = signature.municipality, let kindName = signature.kind, let days = signature.days else { throw Abort(.badRequest, reason: Self.usage) }
        guard let municipality = try await staff.municipality(code: code) else { throw Abort(.badRequest, reason: "No municipality has the code \(code).") }
        guard let kind = RetainedRecord(rawValue: kindName) else {
            throw Abort(.badRequest, reason: "--kind is one of \(RetainedRecord.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        guard kind.allowedDays.contains(days) else {
            throw Abort(.badRequest, reason: "--days for \(kind.rawValue) is between \(kind.allowedDays.lowerBound) and \(kind.allowedDays.upperBound).")
        }
        try await retention.setPeriod(days, for: kind, in: municipality.id)
        console.print("\(municipality.code) \(municipality.name) keeps \(kind.rawValue) for \(days) days.")
    }
}
