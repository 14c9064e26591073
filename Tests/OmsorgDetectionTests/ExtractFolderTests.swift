import Foundation
import OmsorgDomain
import Testing
@testable import OmsorgDetection

@Suite("Extract folder")
struct ExtractFolderTests {
    /// The folder path keys people by person number and pseudonymises only the children written out;
    /// it must give the table that pseudonymising every extract first (the store's way) gives.
    @Test func givesTheTableOfThePseudonymisedExtracts() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("omsorg-folder-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try PopulationGenerator(inhabitants: 2000, years: 5, seed: 3).generate(into: directory)
        let today = LocalDate(year: 2025, month: 1, day: 1)!, asOf = LocalDate(year: 2024, month: 1, day: 1)!
        let pseudonymiser = Pseudonymiser(secret: "test", municipalityCode: "9901")

        let byNumber = try await ExtractFolder(url: directory, today: today).dataset { _ in }
        let folderTable = IndicatorEngine.compute(IndicatorDefinition.catalogue, on: byNumber, asOf: asOf)
        let folderPseudonyms = try await pseudonymiser.pseudonyms(personNumbers: folderTable.children.map { byNumber.keys[Int($0)] })

        var byPseudonym = DetectionDataset<Pseudonym>()
        for source in SourceSystem.allCases {
            let parsed = try ExtractParser(source: source, today: today).parse(try Data(contentsOf: directory.appendingPathComponent(source.fileName)))
            byPseudonym.add(LinkedExtract(parsed).pseudonymised(by: pseudonymiser))
        }
        let table = IndicatorEngine.compute(IndicatorDefinition.catalogue, on: byPseudonym, asOf: asOf)

        #expect(folderTable.children.count > 100)
        #expect(folderPseudonyms == table.children.map { byPseudonym.keys[Int($0)] })
        #expect(folderTable.values == table.values)
        #expect(folderTable.outcome == table.outcome)
        #expect(folderTable.values.joined().contains(1))
    }

    /// A folder without the population, and a bad row in another file, are named by path.
    @Test func namesTheFileOfABadExtract() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("omsorg-folder-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let folder = ExtractFolder(url: directory, today: LocalDate(year: 2025, month: 1, day: 1)!)
        try Data("person_number,date,event\n7503184002,2023-13-01,attended\n".utf8).write(to: directory.appendingPathComponent("dental.csv"))
        await #expect { try await folder.dataset { _ in } } throws: { error in
            let failure = error as? ExtractFolder.FileError
            return failure?.error == .missing && failure?.path.hasSuffix("population.csv") == true
        }

        try Data("person_number,birth_date,sex,household_id\n7503184002,2018-03-15,F,1\n".utf8).write(to: directory.appendingPathComponent("population.csv"))
        await #expect {
            try await folder.dataset { _ in }
        } throws: { error in
            let failure = error as? ExtractFolder.FileError
            return failure?.path.hasSuffix("dental.csv") == true && failure?.description.contains("line 2") == true
        }
    }
}
