import FluentKit
import SQLKit
import Foundation
import OmsorgDomain

/// Cases and their steps. Every query is limited to the caller's municipality and team here, in the
/// store, and every read and write of a child's data records its audit entry: a write in its own
/// transaction, a read before it returns anything (`AuditWriter`). No route can forget either.
public struct CaseRepository: Sendable {
    let db: any Database
    /// Where reads' entries are stored before the reads return.
    let audit: AuditWriter

    public init(_ db: any Database, audit: AuditWriter) {
        self.db = db
        self.audit = audit
    }

    /// Records a report of concern on the child's open case, opening a case (and registering the child)
    /// when there is none. The report always reaches the child's case, but the case itself is returned
    /// only when it lies within the caller's scope: another team's case stays out of sight. A case
    /// the report opens is assigned to `assignee`, or waits unassigned for the team leader.
    public func receiveReport(_ report: ReportOfConcern, about child: Child, access: Access,
                              assigningTo assignee: StaffUser.ID?, now: Date) async throws -> ReceivedReport {
        let scope = access.scope
        return try await Self.contentionAsConflict { try await db.writing { tx in
            let childRow = try await Self.findOrCreate(child, scope: scope, on: tx)
            // Reports about one child take turns on the child's row (PostgreSQL), so that two at
            // once cannot both find no open case and open one each.
            _ = try await (tx as! any SQLDatabase).select().column("id").from("children").where("id", .equal, childRow.id!).for(.update).all()
            let open = try await CaseRow.query(on: tx)
                .filter(\.$childID == childRow.id!)
                .filter(\.$municipalityID == scope.municipalityID.rawValue)
                .filter(\.$closedAt == nil)
                .first()
            try child.check(reportedAt: report.receivedAt, joiningOpenCase: open != nil)
            let caseRow = open ?? Self.newCase(for: childRow, scope: scope, caseworker: assignee, openedAt: report.receivedAt)
            if open == nil { try await caseRow.create(on: tx) }
            let journal = try await Self.append([.report(report)], to: caseRow, by: access.actor, now: now, on: tx)
            let visible = scope.reaches(team: caseRow.team)
            let record = visible ? try await Self.record(caseRow, journal: journal, on: tx) : nil
            try await AuditLog.append([AuditEntry(access, .receiveReport, subject: "case:\(caseRow.id!)", children: [.init(childRow.id!)], at: now)], on: tx)
            return ReceivedReport(caseID: .init(caseRow.id!), joinedExistingCase: open != nil, record: record)
        } }
    }

    /// Records a later step on a case, after the domain's rules have accepted it.
    public func record(_ step: CaseStep, on id: CaseFile.ID, access: Access, now: Date) async throws -> CaseRecord {
        try await record([step], on: id, access: access, now: now)
    }

    /// Records several steps in order, all or none: each is checked against the case as the ones
    /// before it leave it, and the case is read and written once.
    public func record(_ steps: [CaseStep], on id: CaseFile.ID, access: Access, now: Date) async throws -> CaseRecord {
        try await Self.contentionAsConflict { try await db.writing { tx in
            let caseRow = try await Self.scopedCase(id, scope: access.scope, on: tx)
            let journal = try await Self.append(steps, to: caseRow, by: access.actor, now: now, on: tx)
            let record = try await Self.record(caseRow, journal: journal, on: tx)
            try await AuditLog.append(steps.map { AuditEntry(access, .record($0.kind), subject: "case:\(id)", children: [record.child.id], at: now) }, on: tx)
            return record
        } }
    }

    /// Adds a parent or other family member to the child of a case.
    public func addFamilyMember(_ member: FamilyMember, to id: CaseFile.ID, access: Access, now: Date) async throws -> CaseRecord {
        try member.check()
        return try await Self.contentionAsConflict { try await db.writing { tx in
            let caseRow = try await Self.scopedCase(id, scope: access.scope, on: tx)
            let row = FamilyMemberRow()
            row.id = member.id.rawValue
            row.childID = caseRow.childID
            row.hold(member)
            row.version = 0
            try await row.create(on: tx)
            let record = try await Self.record(caseRow, journal: try await Self.journal(of: caseRow.id!, on: tx), on: tx)
            try await AuditLog.append([AuditEntry(access, .addFamilyMember, subject: "family-member:\(member.id)", children: [record.child.id], at: now)], on: tx)
            return record
        } }
    }

    /// Changes a family member of the case's child to `member` (the same id); with `version`, only
    /// if no one has changed it since that version.
    public func changeFamilyMember(_ member: FamilyMember, on id: CaseFile.ID, ifVersion version: Int?, access: Access, now: Date) async throws -> CaseRecord {
        try member.check()
        return try await Self.contentionAsConflict { try await db.writing { tx in
            let caseRow = try await Self.scopedCase(id, scope: access.scope, on: tx)
            // The member's row, held (PostgreSQL) so that a change through the child's other case waits for this one.
            _ = try await (tx as! any SQLDatabase).select().column("version").from("family_members").where("id", .equal, member.id.rawValue)
                .for(.update).first()
            guard let row = try await FamilyMemberRow.query(on: tx).filter(\.$id == member.id.rawValue).filter(\.$childID == caseRow.childID).first() else {
                throw StoreError.notFound("No family member \(member.id) of this case's child.")
            }
            if let version, version != row.version { throw StoreError.changedSince(current: row.version) }
            row.hold(member)
            row.version += 1
            try await row.save(on: tx)
            let record = try await Self.record(caseRow, journal: try await Self.journal(of: caseRow.id!, on: tx), on: tx)
            try await AuditLog.append([AuditEntry(access, .changeFamilyMember, subject: "family-member:\(member.id)", children: [record.child.id], at: now)], on: tx)
            return record
        } }
    }

    /// One case with its child, journal and family: three hand-written queries, as this read serves
    /// every case page and `GET /cases/{id}`, and Fluent's reflection and identifier quoting cost
    /// more than the queries themselves (bench/pages.sh).
    public func find(_ id: CaseFile.ID, access: Access, now: Date) async throws -> CaseRecord {
        let record = try await Self.find(id, scope: access.scope, on: db)
        try await audit.record(AuditEntry(access, .readCase, subject: "case:\(id)", children: [record.child.id], at: now))
        return record
    }

    static func find(_ id: CaseFile.ID, scope: AccessScope, on db: any Database) async throws -> CaseRecord {
        var query: SQLQueryString = """
            SELECT c.municipality_id, c.team, c.caseworker_id, c.assignment_version, w.display_name AS caseworker_name,
                   h.id AS child_id, h.person_number, h.name, h.school_or_daycare
            FROM cases c JOIN children h ON h.id = c.child_id LEFT JOIN users w ON w.id = c.caseworker_id
            WHERE c.id = \(bind: id.rawValue) AND c.municipality_id = \(bind: scope.municipalityID.rawValue)
            """
        query += scope.teamCondition("c.team")
        guard let row = try await (db as! any SQLDatabase).raw(query).first() else {
            throw StoreError.notFound("No case \(id) in your municipality and team.")
        }
        let child = try Child.decoded(from: row)
        // The journal and the family at once, each on a connection of its own: a case read waits
        // for the slower of the two instead of both.
        async let family = family(of: child.id.rawValue, on: db)
        let journal = try await journal(of: id.rawValue, on: db)
        return CaseRecord(file: CaseFile(id: id, replaying: journal.map(\.step)), journal: journal, child: child,
                          family: try await family,
                          municipalityID: .init(try row.decode(column: "municipality_id", as: UUID.self)),
                          team: try row.decode(column: "team", as: String.self),
                          caseworkerID: try row.decode(column: "caseworker_id", as: UUID?.self).map(StaffUser.ID.init),
                          caseworkerName: try row.decode(column: "caseworker_name", as: String?.self),
                          assignmentVersion: try row.decode(column: "assignment_version", as: Int.self))
    }

    /// The child with this person number that the caller's team works with, if any: the report
    /// form shows a known child instead of asking for the name again.
    public func child(_ personNumber: PersonNumber, access: Access, now: Date) async throws -> Child? {
        // Only a child the caller's team works with: anyone else would learn from a person number
        // that the municipality knows the child, and its name.
        let query: SQLQueryString = """
            SELECT h.id AS child_id, h.person_number, h.name, h.school_or_daycare FROM children h
            WHERE h.municipality_id = \(bind: access.municipalityID.rawValue) AND h.person_number = \(bind: personNumber.digits)
              AND EXISTS (SELECT 1 FROM cases c WHERE c.child_id = h.id\(access.scope.teamCondition("c.team")))
            """
        guard let row = try await (db as! any SQLDatabase).raw(query).first() else { return nil }
        let child = try Child.decoded(from: row)
        try await audit.record(AuditEntry(access, .findChild, subject: "child:\(child.id)", children: [child.id], at: now))
        return child
    }

    public func list(access: Access, stage: CaseFile.Stage?, limit: Int, now: Date) async throws -> [CaseSummary] {
        var query = Self.scoped(access.scope, on: db).join(ChildRow.self, on: \CaseRow.$childID == \ChildRow.$id)
        if let stage { query = query.filter(\.$stage == stage.rawValue) }
        let cases = try await query.sort(\.$openedAt, .descending).limit(limit).all().map { row in
            CaseSummary(id: .init(row.id!), childID: .init(row.childID), childName: try row.joined(ChildRow.self).name,
                        stage: CaseFile.Stage(rawValue: row.stage) ?? .intake, openedAt: row.openedAt,
                        caseworkerID: row.caseworkerID.map(StaffUser.ID.init))
        }
        try await audit.record(AuditEntry(access, .listCases, subject: "cases", children: cases.map(\.childID), at: now))
        return cases
    }

    /// Assigns the case; with `version`, only if the assignment is still the one of that version.
    /// Returns the assignment's new version.
    @discardableResult
    public func assign(_ id: CaseFile.ID, to caseworker: StaffUser.ID, ifVersion version: Int?, access: Access, now: Date) async throws -> Int {
        try await Self.contentionAsConflict { try await db.writing { tx in
            let row = try await Self.scopedCase(id, scope: access.scope, on: tx)
            if let version, version != row.assignmentVersion { throw StoreError.changedSince(current: row.assignmentVersion) }
            row.caseworkerID = caseworker.rawValue
            row.assignmentVersion += 1
            try await row.save(on: tx)
            try await Self.copyOwners(of: row, toDeadlinesOn: tx)
            try await AuditLog.append([AuditEntry(access, .assignCase, subject: "case:\(id) caseworker:\(caseworker)", children: [.init(row.childID)], at: now)], on: tx)
            return row.assignmentVersion
        } }
    }

    /// Writers of one case queue on its row, and SQLite's writers on its write lock, so a step is
    /// refused only when two reports register the same new child at the same instant: the unique
    /// person number rolls one back whole, and the caller is asked to repeat.
    static func contentionAsConflict<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw StoreError.concurrentChange
        }
    }

    // MARK: - Inside a transaction

    static func record(_ caseRow: CaseRow, journal: [JournalEntry], on db: any Database) async throws -> CaseRecord {
        guard let child = try await ChildRow.find(caseRow.childID, on: db) else { throw StoreError.notFound("The case's child is missing.") }
        return CaseRecord(caseRow, journal: journal, child: Child(child), family: try await family(of: caseRow.childID, on: db),
                          caseworkerName: try await displayName(of: caseRow.caseworkerID, on: db))
    }

    static func displayName(of user: UUID?, on db: any Database) async throws -> String? {
        guard let user else { return nil }
        return try await UserRow.find(user, on: db)?.displayName
    }

    static func family(of childID: UUID, on db: any Database) async throws -> [FamilyMember] {
        let query: SQLQueryString = """
            SELECT id, name, person_number, relation, has_custody, lives_with_child, occupation, version
            FROM family_members WHERE child_id = \(bind: childID) ORDER BY name, id
            """
        return try await (db as! any SQLDatabase).raw(query).all().map { row in
            FamilyMember(id: .init(try row.decode(column: "id", as: UUID.self)), name: try row.decode(column: "name", as: String.self),
                         personNumber: try row.decode(column: "person_number", as: String?.self).flatMap { try? PersonNumber($0) },
                         relation: FamilyMember.Relation(rawValue: try row.decode(column: "relation", as: String.self)) ?? .other,
                         hasCustody: try row.decode(column: "has_custody", as: Bool.self),
                         livesWithChild: try row.decode(column: "lives_with_child", as: Bool.self),
                         occupation: try row.decode(column: "occupation", as: String?.self), version: try row.decode(column: "version", as: Int.self))
        }
    }

    /// Records `step` after the domain's rules accept it; returns the case's journal with it.
    static func append(_ steps: [CaseStep], to caseRow: CaseRow, by user: StaffUser.ID, now: Date,
                       on db: any Database) async throws -> [JournalEntry] {
        let journal = try await self.journal(of: caseRow.id!, on: db)
        var file = CaseFile(id: .init(caseRow.id!), replaying: journal.map(\.step))
        var rows: [CaseStepRow] = []
        for step in steps {
            try file.record(step, now: now)
            let row = CaseStepRow()
            row.caseID = caseRow.id!
            row.sequence = caseRow.stepCount + rows.count
            row.kind = step.kind.rawValue
            row.format = StoredStep.current
            row.payload = try StoredStep.payload(of: step)
            row.recordedBy = user.rawValue
            row.recordedAt = now
            rows.append(row)
        }
        try await rows.create(on: db)
        caseRow.stepCount += rows.count
        caseRow.stage = file.stage.rawValue
        caseRow.closedAt = file.closure?.closedAt
        try await caseRow.save(on: db)
        try await replaceDeadlines(of: caseRow, with: DeadlineEngine.deadlines(for: file), on: db)
        let name = try await displayName(of: user.rawValue, on: db)
        return journal + steps.map { JournalEntry(step: $0, recordedBy: user, recordedByName: name, recordedAt: now) }
    }

    /// Read with SQLKit rather than as Fluent models: replaying a case reads every step, and Fluent's
    /// reflection-based row decoding was the largest single cost of `GET /cases/{id}` (bench/api.sh).
    static func journal(of caseID: UUID, on db: any Database) async throws -> [JournalEntry] {
        let query: SQLQueryString = """
            SELECT s.format, s.payload, s.recorded_by, s.recorded_at, u.display_name
            FROM case_steps s LEFT JOIN users u ON u.id = s.recorded_by
            WHERE s.case_id = \(bind: caseID) ORDER BY s.sequence
            """
        return try await (db as! any SQLDatabase).raw(query).all().map { row in
            JournalEntry(step: try StoredStep.step(from: try row.decode(column: "payload", as: String.self), format: try row.decode(column: "format", as: Int.self)),
                         recordedBy: .init(try row.decode(column: "recorded_by", as: UUID.self)),
                         recordedByName: try row.decode(column: "display_name", as: String?.self),
                         recordedAt: try row.decode(column: "recorded_at", as: Date.self))
        }
    }

    static func replaceDeadlines(of caseRow: CaseRow, with deadlines: [Deadline], on db: any Database) async throws {
        try await DeadlineRow.query(on: db).filter(\.$caseID == caseRow.id!).delete()
        let rows = deadlines.map { deadline in
            let row = DeadlineRow()
            row.caseID = caseRow.id!
            row.municipalityID = caseRow.municipalityID
            row.team = caseRow.team
            row.caseworkerID = caseRow.caseworkerID
            row.kind = deadline.kind.rawValue
            row.reportID = deadline.reportID?.rawValue
            row.dueAt = deadline.dueAt
            row.metAt = deadline.metAt
            return row
        }
        try await rows.create(on: db)
    }

    /// The work tray reads a deadline's municipality, team and caseworker from the deadline itself
    /// (migration 008); whatever changes them on a case calls this in the same transaction.
    static func copyOwners(of caseRow: CaseRow, toDeadlinesOn db: any Database) async throws {
        try await DeadlineRow.query(on: db).filter(\.$caseID == caseRow.id!)
            .set(\.$municipalityID, to: caseRow.municipalityID)
            .set(\.$team, to: caseRow.team)
            .set(\.$caseworkerID, to: caseRow.caseworkerID)
            .update()
    }

    static func scoped(_ scope: AccessScope, on db: any Database) -> QueryBuilder<CaseRow> {
        let query = CaseRow.query(on: db).filter(\.$municipalityID == scope.municipalityID.rawValue)
        return query.filter(\.$team == scope.caseTeam)
    }

    /// The case to write, locked until the transaction ends: a second writer of the same case waits
    /// and then reads the journal as the first one left it (PostgreSQL; SQLite's dialect writes no
    /// lock, as its writers take turns on the whole file).
    static func scopedCase(_ id: CaseFile.ID, scope: AccessScope, on db: any Database) async throws -> CaseRow {
        let lock = (db as! any SQLDatabase).select().column("id").from("cases").where("id", .equal, id.rawValue).for(.update)
        _ = try await lock.first()
        guard let row = try await scoped(scope, on: db).filter(\.$id == id.rawValue).first() else {
            throw StoreError.notFound("No case \(id) in your municipality and team.")
        }
        return row
    }

    static func findOrCreate(_ child: Child, scope: AccessScope, on db: any Database) async throws -> ChildRow {
        if let existing = try await ChildRow.query(on: db)
            .filter(\.$municipalityID == scope.municipalityID.rawValue)
            .filter(\.$personNumber == child.personNumber.digits)
            .first() {
            return existing
        }
        let row = ChildRow()
        row.id = child.id.rawValue
        row.municipalityID = scope.municipalityID.rawValue
        row.personNumber = child.personNumber.digits
        row.name = child.name
        row.schoolOrDaycare = child.schoolOrDaycare
        try await row.create(on: db)
        return row
    }

    static func newCase(for child: ChildRow, scope: AccessScope, caseworker: StaffUser.ID?, openedAt: Date) -> CaseRow {
        let row = CaseRow()
        row.id = UUID()
        row.municipalityID = scope.municipalityID.rawValue
        row.childID = child.id!
        row.team = scope.team ?? "Modtagelse"
        row.caseworkerID = caseworker?.rawValue
        row.stage = CaseFile.Stage.intake.rawValue
        row.openedAt = openedAt
        row.stepCount = 0
        row.assignmentVersion = 0
        return row
    }
}

extension CaseRecord {
    init(_ row: CaseRow, journal: [JournalEntry], child: Child, family: [FamilyMember], caseworkerName: String?) {
        self.init(file: CaseFile(id: .init(row.id!), replaying: journal.map(\.step)), journal: journal, child: child, family: family, municipalityID: .init(row.municipalityID), team: row.team,
                  caseworkerID: row.caseworkerID.map(StaffUser.ID.init), caseworkerName: caseworkerName, assignmentVersion: row.assignmentVersion)
    }
}

extension Child {
    /// A child from the columns `child_id`, `person_number`, `name` and `school_or_daycare` of a row.
    /// A function, not a throwing initialiser: Swift 6.3's optimiser crashes on that one in release builds.
    static func decoded(from row: any SQLRow) throws -> Child {
        let digits = try row.decode(column: "person_number", as: String.self)
        // Stored person numbers were validated on the way in.
        let personNumber = try! PersonNumber(digits)
        return Child(id: .init(try row.decode(column: "child_id", as: UUID.self)), personNumber: personNumber,
                     name: try row.decode(column: "name", as: String.self), schoolOrDaycare: try row.decode(column: "school_or_daycare", as: String?.self))
    }

    init(_ row: ChildRow) {
        // Stored person numbers were validated on the way in.
        self.init(id: .init(row.id!), personNumber: try! PersonNumber(row.personNumber), name: row.name,
                  schoolOrDaycare: row.schoolOrDaycare)
    }
}

extension Deadline {
    init(_ row: DeadlineRow) {
        self.init(kind: Kind(rawValue: row.kind) ?? .followUp, reportID: row.reportID.map(ReportOfConcern.ID.init),
                  dueAt: row.dueAt, metAt: row.metAt)
    }
}
