import OmsorgDetection
import OmsorgDomain
import OmsorgStore
import Vapor

/// `omsorg indicators --municipality 9901 --as-of 2024-01-01 --out table.csv`: the pseudonymised
/// indicator table, one row per child. `--from-extracts DIR` computes it from a folder of extracts
/// without loading them, for checking a delivery before it is loaded.
struct IndicatorsCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "municipality", help: "The municipality's code")
        var municipality: String?
        @Option(name: "as-of", help: "Reference date, YYYY-MM-DD")
        var asOf: String?
        @Option(name: "out", help: "The CSV file to write")
        var out: String?
        @Option(name: "outcome-months", help: "Outcome window after the reference date (default 12)")
        var outcomeMonths: Int?
        @Option(name: "from-extracts", help: "Compute from this folder of extracts instead of the store")
        var fromExtracts: String?
    }

    var help: String { "Computes the indicator table (pseudonymised) for every child as of a date." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard let asOfText = signature.asOf, let out = signature.out else {
            throw Abort(.badRequest, reason: "--as-of YYYY-MM-DD and --out FILE are required.")
        }
        let asOf = try LocalDate(iso: asOfText)
        let municipality = try await app.municipality(code: signature.municipality)
        let started = Date()
        let data: DetectionDataset
        if let folder = signature.fromExtracts {
            let console = context.console
            data = try await ExtractFolder(url: URL(fileURLWithPath: folder), today: LocalDate(app.omsorg.now()),
                                           pseudonymiser: app.pseudonymiser(for: municipality)).dataset { console.print("indicators: \($0)") }
        } else {
            data = try await DetectionRepository(app.db).dataset(municipality: municipality.id)
        }
        context.console.print("indicators: \(data.personCount) people loaded in \(seconds(since: started)) s")
        let table = IndicatorEngine.compute(IndicatorDefinition.catalogue, on: data, asOf: asOf, outcomeMonths: signature.outcomeMonths ?? 12)
        try table.write(to: URL(fileURLWithPath: out), keys: data.keys)
        context.console.print("Wrote \(table.children.count) children × \(table.definitions.count) indicators to \(out) in \(seconds(since: started)) s"
                              + (table.outcome == nil ? " (outcome not yet known)." : "."))
    }

    private func seconds(since start: Date) -> String { String(format: "%.2f", Date().timeIntervalSince(start)) }
}

/// A folder of extracts named as the generator names them, parsed and linked in memory.
struct ExtractFolder {
    let url: URL
    let today: LocalDate
    let pseudonymiser: Pseudonymiser

    /// Files are parsed and linked concurrently, then added in a fixed order, so the table's row
    /// order does not depend on which file finished first.
    func dataset(progress: @escaping @Sendable (String) -> Void) async throws -> DetectionDataset {
        let linked = try await withThrowingTaskGroup(of: LinkedExtract?.self) { group in
            for source in SourceSystem.allCases {
                group.addTask { try link(source, progress: progress) }
            }
            return try await group.reduce(into: [SourceSystem: LinkedExtract]()) { all, extract in
                if let extract { all[extract.source] = extract }
            }
        }
        var data = DetectionDataset()
        for source in SourceSystem.allCases {
            if let extract = linked[source] { data.add(extract) }
        }
        return data
    }

    private func link(_ source: SourceSystem, progress: @Sendable (String) -> Void) throws -> LinkedExtract? {
        let file = url.appendingPathComponent(source.fileName)
        guard let bytes = FileManager.default.contents(atPath: file.path) else { return nil }
        do throws(ExtractError) {
            let extract = LinkedExtract(try ExtractParser(source: source, today: today).parse(bytes), sha256: LinkedExtract.contentHash(bytes), pseudonymiser: pseudonymiser)
            progress("read \(source.fileName)")
            return extract
        } catch {
            throw Abort(.unprocessableEntity, reason: "\(file.path): \(error)")
        }
    }
}
