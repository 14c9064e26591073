import Testing
@testable import OmsorgDomain

@Suite("Person numbers")
struct PersonNumberTests {
    @Test func parsesWithOrWithoutSeparator() throws {
        let a = try PersonNumber("010190-2345")
        let b = try PersonNumber("0101902345")
        #expect(a == b)
        #expect(a.birthDate == day("1990-01-01"))
        #expect(a.description == "010190-2345")
        #expect(!a.isFemale)
    }

    @Test(arguments: [("0101104123", "2010-01-01"), ("0101105123", "2010-01-01"), ("0101605123", "1860-01-01"), ("0101604123", "1960-01-01"), ("0101209123", "2020-01-01")])
    func centuryFromTheSeventhDigit(number: String, birth: String) throws {
        #expect(try PersonNumber(number).birthDate == day(birth))
    }

    @Test func replacementNumbersAddSixtyToTheDay() throws {
        let number = try PersonNumber("750318-4002")
        #expect(number.isReplacementNumber)
        #expect(number.birthDate == day("2018-03-15"))
    }

    @Test(arguments: ["", "12345", "01019O-1234", "320190-1234", "011390-1234", "290223-4123", "010190-12345"])
    func rejectsMalformedNumbers(text: String) {
        #expect(throws: ValidationError.self) { try PersonNumber(text) }
    }
}
