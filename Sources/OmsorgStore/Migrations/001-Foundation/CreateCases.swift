import FluentKit
import SQLKit

struct CreateChildren: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("children")
            .id()
            .field("municipality_id", .uuid, .required, .references("municipalities", "id"))
            .field("person_number", .string, .required)
            .field("name", .string, .required)
            .field("school_or_daycare", .string)
            .unique(on: "municipality_id", "person_number")
            .create()
        try await database.schema("family_members")
            .id()
            .field("child_id", .uuid, .required, .references("children", "id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("person_number", .string)
            .field("relation", .string, .required)
            .field("has_custody", .bool, .required)
            .field("lives_with_child", .bool, .required)
            .field("occupation", .string)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("family_members").delete()
        try await database.schema("children").delete()
    }
}

struct CreateCases: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("cases")
            .id()
            .field("municipality_id", .uuid, .required, .references("municipalities", "id"))
            .field("child_id", .uuid, .required, .references("children", "id"))
            .field("team", .string, .required)
            .field("caseworker_id", .uuid, .references("users", "id"))
            .field("stage", .string, .required)
            .field("opened_at", .datetime, .required)
            .field("closed_at", .datetime)
            .field("step_count", .int, .required)
            .create()
        try await database.schema("case_steps")
            .id()
            .field("case_id", .uuid, .required, .references("cases", "id", onDelete: .cascade))
            .field("sequence", .int, .required)
            .field("kind", .string, .required)
            .field("payload", .string, .required)
            .field("recorded_by", .uuid, .required)
            .field("recorded_at", .datetime, .required)
            // Two writers appending to one case collide here instead of both succeeding.
            .unique(on: "case_id", "sequence")
            .create()
        try await database.schema("deadlines")
            .id()
            .field("case_id", .uuid, .required, .references("cases", "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("report_id", .uuid)
            .field("due_at", .datetime, .required)
            .field("met_at", .datetime)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "cases_municipality_team").on("cases").column("municipality_id").column("team").run()
        try await sql.create(index: "cases_child").on("cases").column("child_id").run()
        try await sql.create(index: "deadlines_case").on("deadlines").column("case_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("deadlines").delete()
        try await database.schema("case_steps").delete()
        try await database.schema("cases").delete()
    }
}
