import OmsorgDomain

/// The groups a model's error rates are compared between: what the data say about a child's
/// circumstances that a model could treat unequally. Never ethnicity or origin, which no extract holds.
/// The raw values are how `omsorg model evaluate --group` names them.
public enum ChildGroups: String, CaseIterable, Sendable {
    case ageBand = "age-band", custodyHolders = "custody-holders"

    public var name: String {
        switch self {
        case .ageBand: "age band"
        case .custodyHolders: "custody holders"
        }
    }

    /// Each grouping's name and the group of every child of `children`, as `EvaluationReport` takes them.
    static func groupings<Key>(_ groupings: [ChildGroups], of children: [Int32], _ data: DetectionDataset<Key>,
                               _ day: LocalDate) -> [(name: String, groups: [String])] {
        groupings.map { grouping in (grouping.name, children.map { grouping.group(of: $0, data, day) }) }
    }

    func group<Key>(of child: Int32, _ data: DetectionDataset<Key>, _ day: LocalDate) -> String {
        switch self {
        case .ageBand:
            let age = (day.daysSinceEpoch - Int(data.birthDay[Int(child)])) / 365
            return age < 6 ? "0-5" : age < 12 ? "6-11" : "12-17"
        case .custodyHolders:
            return switch data.parents[Int(child)].count {
            case 0: "none registered"
            case 1: "one"
            default: "two"
            }
        }
    }
}
