import Foundation

/// A follow-up (opfølgning), §95 [SEL §70]: an ICS follow-up status, the child's view, and how far
/// each goal of the plan has come.
public struct FollowUp: Codable, Sendable, Equatable {
    public enum Attainment: String, Codable, Sendable, CaseIterable {
        case notStarted = "not-started"
        case inProgress = "in-progress"
        case achieved
        case abandoned
    }

    public struct GoalAttainment: Codable, Sendable, Equatable {
        public var goalID: ChildPlan.Goal.ID
        public var attainment: Attainment

        public init(goalID: ChildPlan.Goal.ID, attainment: Attainment) {
            self.goalID = goalID
            self.attainment = attainment
        }
    }

    public var heldAt: Date
    public var status: String
    public var childConversation: String
    public var goalAttainment: [GoalAttainment]

    public init(heldAt: Date, status: String, childConversation: String, goalAttainment: [GoalAttainment]) {
        self.heldAt = heldAt
        self.status = status
        self.childConversation = childConversation
        self.goalAttainment = goalAttainment
    }
}

public struct Closure: Codable, Sendable, Equatable {
    public var closedAt: Date
    public var reason: String

    public init(closedAt: Date, reason: String) {
        self.closedAt = closedAt
        self.reason = reason
    }
}
