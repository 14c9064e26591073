import Foundation
import OmsorgDomain

/// How soon an open deadline falls due, shown by text and icon, never colour alone.
enum Urgency: String, Sendable {
    case overdue, dueSoon = "due-soon", later

    init(_ deadline: Deadline, now: Date) {
        if deadline.status(at: now) == .overdue { self = .overdue }
        else if deadline.isDueSoon(at: now) { self = .dueSoon }
        else { self = .later }
    }

    var icon: String {
        switch self {
        case .overdue: "⚠"
        case .dueSoon: "◐"
        case .later: "○"
        }
    }

    /// The badge every page shows for it: icon, word and, when given, a detail ("om 3 dage").
    func badge(_ texts: Texts, detail: String? = nil) -> Markup.Fragment {
        Markup.element("span", [("class", "status status-\(rawValue)")]) {
            Markup.element("span", [("aria-hidden", "true")]) { Markup.text(icon + " ") }
            Markup.text(texts("urgency.\(rawValue)") + (detail.map { ", " + $0 } ?? ""))
        }
    }
}
