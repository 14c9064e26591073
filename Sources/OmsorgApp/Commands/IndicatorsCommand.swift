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
        // Checked first: a country's table takes seconds to compute, and should not be lost at the end.
        let outFolder = URL(fileURLWithPath: out).deletingLastPathComponent().path
        guard FileManager.default.isWritableFile(atPath: outFolder) else {
            throw Abort(.badRequest, reason: "Cannot write \(out): the folder \(outFolder) does not exist or is not writable.")
        }
        let municipality = try await app.detectionMunicipality(code: signature.municipality)
        let started = Date()
        let pseudonymiser = app.pseudonymiser(for: municipality)
        let console = context.console
        let months = signature.outcomeMonths ?? 12
        let table: IndicatorTable, pseudonyms: [Pseudonym]
        if let folder = signature.fromExtracts {
            let data: DetectionDataset<UInt64>
            do {
                data = try await ExtractFolder(url: URL(fileURLWithPath: folder), today: LocalDate(app.omsorg.now())).dataset {
                    console.print("indicators: \($0)")
                }
            } catch let error as ExtractFolder.FileError {
                throw Abort(.unprocessableEntity, reason: error.description)
            }
            console.print("indicators: \(data.personCount) people read in \(seconds(since: started)) s")
            (table, pseudonyms) = try await tabulate(data, asOf: asOf, months: months, pseudonyms: pseudonymiser.pseudonyms(personNumbers:))
        } else {
            let data = try await DetectionRepository(app.db).dataset(municipality: municipality.id)
            console.print("indicators: \(data.personCount) people loaded in \(seconds(since: started)) s")
            (table, pseudonyms) = try await tabulate(data, asOf: asOf, months: months) { $0 }
        }
        try table.write(to: URL(fileURLWithPath: out), pseudonyms: pseudonyms)
        console.print("Wrote \(table.children.count) children × \(table.definitions.count) indicators to \(out) in \(seconds(since: started)) s"
                      + (table.outcome == nil ? " (outcome not yet known)." : "."))
    }

    /// The table, and its children's pseudonyms from their keys.
    private func tabulate<Key>(_ data: DetectionDataset<Key>, asOf: LocalDate, months: Int,
                               pseudonyms: ([Key]) async throws -> [Pseudonym]) async throws -> (IndicatorTable, [Pseudonym]) {
        let table = IndicatorEngine.compute(IndicatorDefinition.catalogue, on: data, asOf: asOf, outcomeMonths: months)
        return (table, try await pseudonyms(table.children.map { data.keys[Int($0)] }))
    }

    private func seconds(since start: Date) -> String { String(format: "%.2f", Date().timeIntervalSince(start)) }
}
