import Crypto
import Foundation
import OmsorgDomain
import Testing
@testable import OmsorgDetection

/// One family checked by hand. Reference date 2024-01-01.
///
/// Child 7503184002 (born 2018-03-15) with mother 7010854002 and father 6501802001 in custody;
/// sibling 7305224002 (born 2022-05-13) has the mother only.
/// - dental: the child misses 2023-03-01 and 2023-11-30 (inside 12 months) and 2022-12-30 (outside).
/// - job centre: the father is on benefits Jul–Dec 2023 (6 months, two rows in August): counts.
/// - health visiting: the sibling has 2 extra-need visits in 2022 and 2023 (24 months), 1 missed.
/// - daycare: the sibling is absent 8 + 12 days in Aug and Dec 2023 (20 in 6 months); the child 19.
/// - social services: the child has reports 2022-02-01 and 2023-06-01 (2 in 24 months), a measure
///   2021-03-01 (inside 36 months), and a report 2024-03-01 (the outcome).
/// - substance treatment: the mother 2021-06-01 to 2021-12-01 (ended before the 24-month window).
private let files: [SourceSystem: String] = [
    .population: "person_number,birth_date,sex,household_id\n7503184002,2018-03-15,F,1\n7010854002,1985-10-10,F,1\n6501802001,1980-01-05,M,1\n7305224002,2022-05-13,F,1\n",
    .custody: "child_person_number,parent_person_number\n7503184002,7010854002\n7503184002,6501802001\n7305224002,7010854002\n",
    .dental: "person_number,date,event\n7503184002,2023-03-01,missed-appointment\n7503184002,2023-11-30,missed-appointment\n7503184002,2022-12-30,missed-appointment\n7503184002,2023-06-01,attended\n",
    .jobCentre: "person_number,month,benefit_type\n" + (7...12).map { "6501802001,2023-\(String(format: "%02d", $0)),cash-benefit\n" }.joined() + "6501802001,2023-08,sickness-benefit\n7010854002,2023-12,cash-benefit\n",
    .healthVisiting: "person_number,date,event\n7305224002,2022-06-01,extra-need-visit\n7305224002,2023-02-01,extra-need-visit\n7305224002,2023-03-01,missed-appointment\n",
    .daycare: "person_number,month,absence_days\n7305224002,2023-08,8\n7305224002,2023-12,12\n7305224002,2023-06,5\n7503184002,2023-09,19\n",
    .socialServices: "person_number,date,event\n7503184002,2022-02-01,report-of-concern\n7503184002,2023-06-01,report-of-concern\n7503184002,2021-03-01,measure-start\n7503184002,2024-03-01,report-of-concern\n7305224002,2024-12-01,measure-start\n",
    .substanceTreatment: "person_number,start_date,end_date\n7010854002,2021-06-01,2021-12-01\n",
]

private func dataset(secret: String = "test") throws -> DetectionDataset<Pseudonym> {
    var data = DetectionDataset<Pseudonym>()
    let pseudonymiser = Pseudonymiser(secret: secret, municipalityCode: "9901")
    for source in SourceSystem.allCases {
        let bytes = Data(files[source]!.utf8)
        let parsed = try ExtractParser(source: source, today: LocalDate(year: 2024, month: 12, day: 31)!).parse(bytes)
        data.add(LinkedExtract(parsed).pseudonymised(by: pseudonymiser))
    }
    return data
}

@Suite("Indicators")
struct IndicatorTests {
    @Test func aHandCheckedFamily() throws {
        let data = try dataset()
        let table = IndicatorEngine.compute(IndicatorDefinition.catalogue, on: data, asOf: LocalDate(year: 2024, month: 1, day: 1)!)
        let pseudonymiser = Pseudonymiser(secret: "test", municipalityCode: "9901")
        func row(_ number: String) throws -> [String: UInt8] {
            let index = try #require(table.children.firstIndex { data.keys[Int($0)] == pseudonymiser.pseudonym(number) })
            return Dictionary(uniqueKeysWithValues: table.definitions.enumerated().map { ($1.column, table.values[$0][index]) })
        }
        #expect(table.children.count == 2) // the parents are not children
        let child = try row("7503184002")
        #expect(child == ["dental_missed_v1": 1, "health_visit_extra_need_v1": 0, "health_visit_missed_v1": 0, "parent_benefits_v1": 1,
                          "daycare_absence_v1": 0, "reports_of_concern_v1": 1, "parent_substance_treatment_v1": 0, "earlier_measure_v1": 1])
        let sibling = try row("7305224002")
        #expect(sibling == ["dental_missed_v1": 0, "health_visit_extra_need_v1": 1, "health_visit_missed_v1": 0, "parent_benefits_v1": 0,
                            "daycare_absence_v1": 1, "reports_of_concern_v1": 0, "parent_substance_treatment_v1": 0, "earlier_measure_v1": 0])
        let outcome = try #require(table.outcome)
        let childIndex = table.children.firstIndex { data.keys[Int($0)] == pseudonymiser.pseudonym("7503184002") }!
        #expect(outcome[childIndex] == 1)
        #expect(outcome[1 - childIndex] == 0)
    }

    @Test func theWindowMovesWithTheReferenceDate() throws {
        let data = try dataset()
        let later = IndicatorEngine.compute(IndicatorDefinition.catalogue, on: data, asOf: LocalDate(year: 2024, month: 7, day: 1)!)
        let column = later.definitions.firstIndex { $0.id == "parent_substance_treatment" }!
        #expect(later.values[column].allSatisfy { $0 == 0 })
        let earlier = IndicatorEngine.compute(IndicatorDefinition.catalogue, on: data, asOf: LocalDate(year: 2023, month: 1, day: 1)!)
        #expect(earlier.values[column].contains(1)) // the mother's treatment lies within 24 months of 2023-01-01
        #expect(IndicatorEngine.compute(IndicatorDefinition.catalogue, on: data, asOf: LocalDate(year: 2024, month: 6, day: 1)!).outcome == nil)
    }

    @Test func childrenAreLinkedToCustodyHoldersAndHouseholdUnderPseudonyms() throws {
        let text = "person_number,birth_date,sex,household_id\n7503184002,2018-03-15,F,H7\n7010854002,1985-10-10,F,H7\n6501802001,1980-01-05,M,H9\n"
        let pseudonymiser = Pseudonymiser(secret: "test", municipalityCode: "9901")
        let parsed = try ExtractParser(source: .population, today: LocalDate(year: 2024, month: 12, day: 31)!).parse(Data(text.utf8))
        let extract = LinkedExtract(parsed).pseudonymised(by: pseudonymiser)
        guard case .population(let people, let register) = extract.content else { Issue.record("not a population extract"); return }
        #expect(people[0].household == people[1].household)
        #expect(people[0].household != people[2].household)
        #expect(people.allSatisfy { $0.household.count == 32 && !$0.household.contains("H") })
        #expect(register.map(PersonNumber.digits) == ["7503184002", "7010854002", "6501802001"])
        #expect(people.map(\.key) == register.map(pseudonymiser.pseudonym(personNumber:)))

        let data = try dataset()
        let child = data.keys.firstIndex(of: pseudonymiser.pseudonym("7503184002"))!
        let holders = Set(data.parents[child].map { data.keys[Int($0)] })
        #expect(holders == [pseudonymiser.pseudonym("7010854002"), pseudonymiser.pseudonym("6501802001")])
        #expect(data.keys.allSatisfy { !$0.description.contains("7503184002") })
    }

    @Test func pseudonymsAreStableKeyedAndPerMunicipality() {
        let a = Pseudonymiser(secret: "s1", municipalityCode: "9901")
        #expect(a.pseudonym("7503184002") == Pseudonymiser(secret: "s1", municipalityCode: "9901").pseudonym("7503184002"))
        #expect(a.pseudonym("7503184002") != Pseudonymiser(secret: "s1", municipalityCode: "9902").pseudonym("7503184002"))
        #expect(a.pseudonym("7503184002") != Pseudonymiser(secret: "s2", municipalityCode: "9901").pseudonym("7503184002"))
        #expect(a.pseudonym("7503184002").description.count == 32)
        #expect(!a.pseudonym("7503184002").description.contains("7503184002"))
        #expect(Pseudonym(a.pseudonym("7503184002").description) == a.pseudonym("7503184002"))
        #expect(Pseudonym("0123456789abcdef0123456789abcdeF") == nil && Pseudonym("0123") == nil)
    }

    /// The pseudonymiser computes HMAC from precomputed pad states; it must agree with HMAC itself
    /// (and with the benchmark's Python `hmac`, which checks the national table).
    @Test func pseudonymsAreHMACSHA256UnderTheMunicipalityKey() {
        let key = SymmetricKey(data: HMAC<SHA256>.authenticationCode(for: Data("omsorg-pseudonym:9901".utf8), using: SymmetricKey(data: Data("s1".utf8))))
        let expected = HMAC<SHA256>.authenticationCode(for: Data("7503184002".utf8), using: key).prefix(16).map { String(format: "%02x", $0) }.joined()
        #expect(Pseudonymiser(secret: "s1", municipalityCode: "9901").pseudonym("7503184002").description == expected)
        #expect(Pseudonymiser(secret: "s1", municipalityCode: "9901").pseudonym(personNumber: 7503184002).description == expected)
    }
}
