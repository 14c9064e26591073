import Foundation

/// The child's plan (barnets plan), §§91–92 [SEL §140 handleplan]: concrete goals set together with
/// the child and the parents. A new plan replaces the previous one.
public struct ChildPlan: Codable, Sendable, Equatable {
    public struct Goal: Codable, Sendable, Equatable {
        public typealias ID = Identifier<Goal>
        public let id: ID
        public var description: String

        public init(id: ID = ID(), description: String) {
            self.id = id
            self.description = description
        }
    }

    public var madeAt: Date
    public var goals: [Goal]
    public var childInvolved: Bool
    public var parentsInvolved: Bool

    public init(madeAt: Date, goals: [Goal], childInvolved: Bool, parentsInvolved: Bool) {
        self.madeAt = madeAt
        self.goals = goals
        self.childInvolved = childInvolved
        self.parentsInvolved = parentsInvolved
    }
}
