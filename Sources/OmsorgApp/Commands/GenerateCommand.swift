import OmsorgDetection
import OmsorgDomain
import Vapor

/// `omsorg generate`: writes a deterministic synthetic municipality (extracts and truth) to a folder.
struct GenerateCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "inhabitants", help: "Number of inhabitants (default 70000)")
        var inhabitants: Int?
        @Option(name: "years", help: "Years of source-system history (default 5)")
        var years: Int?
        @Option(name: "seed", help: "Random seed; the same seed gives the same bytes (default 42)")
        var seed: UInt64?
        @Option(name: "end", help: "Last day the extracts cover, YYYY-MM-DD (default 2024-12-31)")
        var end: String?
        @Option(name: "out", help: "Folder to write to")
        var out: String?
    }

    var help: String { "Writes a synthetic municipality's source-system extracts and the true outcome model." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let out = signature.out else { throw Abort(.badRequest, reason: "--out FOLDER is required.") }
        let inhabitants = signature.inhabitants ?? 70_000
        let years = signature.years ?? 5
        guard inhabitants >= 10, (2...20).contains(years) else {
            throw Abort(.badRequest, reason: "--inhabitants must be at least 10 and --years between 2 and 20.")
        }
        var generator = PopulationGenerator(inhabitants: inhabitants, years: years, seed: signature.seed ?? 42)
        if let end = signature.end { generator.end = try LocalDate(iso: end) }
        let summary: PopulationGenerator.Summary
        do {
            summary = try generator.generate(into: URL(fileURLWithPath: out)) { context.console.print("generate: \($0)") }
        } catch let error as CocoaError {
            throw Abort(.badRequest, reason: "Cannot write the extracts to \(out): \(error.localizedDescription)")
        }
        context.console.print("persons \(summary.persons), children \(summary.children), households \(summary.households)")
        context.console.print(String(format: "children with a report of concern in the outcome year: %.1f %%, ever placed: %.1f %%",
                                     summary.reportRate * 100, summary.placementRate * 100))
        for source in SourceSystem.allCases {
            context.console.print("  \(source.fileName.padding(toLength: 24, withPad: " ", startingAt: 0)) \(summary.rows[source] ?? 0) rows")
        }
    }
}
