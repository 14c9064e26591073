import Foundation
import OmsorgDetection
import OmsorgDomain

/// Synthetic names and person numbers. Every person number is a replacement number (day + 60),
/// which the CPR office never issues as a birth number, so no demo child can be a real person.
enum DemoPeople {
    static let firstNames = ["Emma", "Noah", "Ida", "William", "Freja", "Oscar", "Clara", "Lucas", "Alma", "Victor",
                             "Agnes", "Malthe", "Ella", "Carl", "Sofia", "Alfred", "Karla", "Elias", "Lea", "Magnus"]
    static let lastNames = ["Demo-Jensen", "Demo-Nielsen", "Demo-Hansen", "Demo-Pedersen", "Demo-Andersen",
                            "Demo-Christensen", "Demo-Larsen", "Demo-Sørensen", "Demo-Rasmussen", "Demo-Petersen"]
    static let schools = ["Skovbrynet Skole", "Engparken Skole", "Solsikken Børnehave", "Fjordskolen", "Bakkehuset Vuggestue"]

    static func child(using random: inout SeededRandom, now: Date) -> Child {
        // Older than the oldest demo case (700 days), so every child was born before its first report.
        let ageDays = Int.random(in: 800...(17 * 365), using: &random)
        let birth = LocalDate(now).addingDays(-ageDays)
        let serial = Int.random(in: 0...999, using: &random)
        // A seventh digit of 4 places two-digit years up to 36 in the 2000s.
        let digits = String(format: "%02d%02d%02d4%03d", birth.day + 60, birth.month, birth.year % 100, serial)
        let name = "\(random.pick(firstNames)) \(random.pick(lastNames))"
        return Child(personNumber: try! PersonNumber(digits), name: name, schoolOrDaycare: random.pick(schools))
    }
}
