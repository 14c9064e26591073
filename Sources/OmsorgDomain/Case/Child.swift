/// A child in a municipality's care, with the basic data caseworkers need: school or daycare.
public struct Child: Codable, Sendable, Equatable {
    public typealias ID = Identifier<Child>
    public let id: ID
    public var personNumber: PersonNumber
    public var name: String
    public var schoolOrDaycare: String?

    public init(id: ID = ID(), personNumber: PersonNumber, name: String, schoolOrDaycare: String?) {
        self.id = id
        self.personNumber = personNumber
        self.name = name
        self.schoolOrDaycare = schoolOrDaycare
    }

    public var birthDate: LocalDate { personNumber.birthDate }
}

/// A parent or other person in the child's family. Custody (forældremyndighed) decides who must
/// consent to supportive measures.
public struct FamilyMember: Codable, Sendable, Equatable {
    public typealias ID = Identifier<FamilyMember>
    public enum Relation: String, Codable, Sendable, CaseIterable {
        case mother, father, stepParent = "step-parent", sibling, grandparent, foster = "foster-parent", other
    }

    public let id: ID
    public var name: String
    public var personNumber: PersonNumber?
    public var relation: Relation
    public var hasCustody: Bool
    public var livesWithChild: Bool
    /// Work or education, as the family states it ("employed", "student", …): basic data, not a diagnosis.
    public var occupation: String?
    /// How many times the record has been changed: a change names the version it was made from,
    /// and one made from an older version is refused.
    public var version: Int

    public init(id: ID = ID(), name: String, personNumber: PersonNumber?, relation: Relation,
                hasCustody: Bool, livesWithChild: Bool, occupation: String?, version: Int = 0) {
        self.id = id
        self.name = name
        self.personNumber = personNumber
        self.relation = relation
        self.hasCustody = hasCustody
        self.livesWithChild = livesWithChild
        self.occupation = occupation
        self.version = version
    }
}
