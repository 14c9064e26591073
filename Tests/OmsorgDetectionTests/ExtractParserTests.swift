import Foundation
import OmsorgDomain
import Testing
@testable import OmsorgDetection

private let today = LocalDate(year: 2024, month: 12, day: 31)!

private func parse(_ source: SourceSystem, _ text: String) throws(ExtractError) -> ParsedExtract {
    try ExtractParser(source: source, today: today).parse(Data(text.utf8))
}

private func rowErrors(_ source: SourceSystem, _ text: String) -> [ExtractError.RowError] {
    do throws(ExtractError) {
        _ = try parse(source, text)
    } catch {
        if case .rows(let errors, _) = error { return errors }
    }
    return []
}

@Suite("Extract parser")
struct ExtractParserTests {
    @Test func acceptsAValidExtractWithQuotesAndCRLF() throws {
        let extract = try parse(.dental, "person_number,date,event\r\n\"750318-4002\",2024-02-01,missed-appointment\r\n7503184002,2024-03-01,attended\r\n")
        #expect(extract.rowCount == 2)
        #expect(extract.personNumbers("person_number") == [7503184002, 7503184002])
        #expect(extract.numbers("event") == [1, 0])
        #expect(extract.numbers("date") == [Int32(LocalDate(year: 2024, month: 2, day: 1)!.daysSinceEpoch), Int32(LocalDate(year: 2024, month: 3, day: 1)!.daysSinceEpoch)])
    }

    /// Spreadsheet programs save "CSV UTF-8" with a byte-order mark before the header.
    @Test func acceptsAByteOrderMark() throws {
        let extract = try parse(.dental, "\u{FEFF}person_number,date,event\r\n7503184002,2024-03-01,attended\r\n")
        #expect(extract.rowCount == 1 && extract.personNumbers("person_number") == [7503184002])
    }

    @Test func columnsMayComeInAnyOrder() throws {
        let extract = try parse(.jobCentre, "benefit_type,month,person_number\ncash-benefit,2024-05,7503184002\n")
        #expect(extract.numbers("month") == [Int32(LocalDate(year: 2024, month: 5, day: 1)!.daysSinceEpoch)])
    }

    @Test(arguments: ["diagnosis", "ICD10_code", "health_assessment", "sundhedsplejerskens_vurdering", "Ethnicity", "country_of_origin", "herkomst", "nationality"])
    func refusesColumnsTheLawKeepsOutNamingThem(column: String) {
        #expect {
            try parse(.healthVisiting, "person_number,date,event,\(column)\n7503184002,2024-01-01,extra-need-visit,x\n")
        } throws: { error in
            guard case .refusedColumn(let name, _) = error as? ExtractError else { return false }
            return name == column.lowercased() && "\(error)".contains(name) && "\(error)".contains("nothing was loaded")
        }
    }

    @Test func refusesMissingUnexpectedAndEmpty() {
        #expect(throws: ExtractError.missingColumn("event")) { try parse(.dental, "person_number,date\n7503184002,2024-01-01\n") }
        #expect(throws: ExtractError.unexpectedColumn("school")) { try parse(.dental, "person_number,date,event,school\n") }
        #expect(throws: ExtractError.empty) { try parse(.dental, "") }
    }

    @Test func reportsEveryBadRowByLineAndColumn() {
        let text = """
        person_number,date,event
        7503184002,2024-01-01,attended
        320190-1234,2024-01-01,attended
        7503184002,2024-13-01,attended
        7503184002,2025-06-01,attended
        7503184002,2024-01-01,cancelled
        7503184002,2024-01-01

        7503184002,2024-01-02,attended
        """
        let errors = rowErrors(.dental, text)
        #expect(errors.map(\.line) == [3, 4, 5, 6, 7])
        #expect(errors.map(\.column) == ["person_number", "date", "date", "event", nil])
        #expect(errors[2].message.contains("future"))
        #expect(errors[3].message.contains("attended, missed-appointment"))
    }

    @Test func checksMonthsIntegersAndPeriods() {
        let daycare = rowErrors(.daycare, "person_number,month,absence_days\n7503184002,2024-1,3\n7503184002,2024-02,32\n7503184002,2024-03,x\n")
        #expect(daycare.map(\.line) == [2, 3, 4])
        let treatment = rowErrors(.substanceTreatment, "person_number,start_date,end_date\n7503184002,2023-05-01,\n7503184002,2023-05-01,2023-04-01\n")
        #expect(treatment.map(\.line) == [3])
        #expect(treatment.first?.column == "end_date")
    }

    @Test func aFileWithAnyBadRowLoadsNothingAndSaysHowManyAreBad() {
        var text = "person_number,date,event\n"
        for _ in 0..<80 { text += "bad,2024-01-01,attended\n" }
        #expect {
            try parse(.dental, text)
        } throws: { error in
            guard case .rows(let errors, let total) = error as? ExtractError else { return false }
            return errors.count == 50 && total == 80 && "\(error)".contains("and 30 more")
        }
    }
}
