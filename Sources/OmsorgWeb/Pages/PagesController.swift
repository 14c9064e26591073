import OmsorgDomain
import OmsorgStore
import Vapor

/// The staff pages: handlers that read a page's model through its Query and render its View. Each
/// POST answers with a redirect on success, or the same form again with what is wrong.
enum PagesController {
    static func register(public routes: any RoutesBuilder, signedIn: any RoutesBuilder) {
        routes.get("assets", ":file", use: Assets.serve)
        routes.get(use: start)
        routes.get("sign-in", use: signInPage)
        routes.post("sign-in", use: signIn)
        routes.post("sign-in", "password", use: chooseOwnPassword)
        routes.post("language", use: switchLanguage)
        signedIn.post("sign-out", use: signOut)
        signedIn.get("worktray", use: worktray)
        signedIn.get("search", use: search)
        signedIn.get("reports", "new", use: newReport)
        signedIn.post("reports", use: createReport)
        signedIn.get("cases", ":caseID", use: casePage)
        signedIn.post("cases", ":caseID", "assignment", use: assign)
        signedIn.get("cases", ":caseID", "family-members", "new", use: familyMemberForm)
        signedIn.post("cases", ":caseID", "family-members", use: addFamilyMember)
        signedIn.get("cases", ":caseID", "family-members", ":memberID", "edit", use: familyMemberChangeForm)
        signedIn.post("cases", ":caseID", "family-members", ":memberID", use: changeFamilyMember)
        signedIn.get("cases", ":caseID", "steps", ":kind", use: stepForm)
        signedIn.post("cases", ":caseID", "steps", ":kind", use: recordStep)
        signedIn.get("children", ":childID", "access-log", use: accessLog)
        signedIn.get("models", use: modelPage)
        registerUsers(signedIn)
        registerProposals(signedIn)
    }

    static func start(_ request: Request) async throws -> Response {
        guard let user = request.pageSession?.user else { return PageResponse.seeOther("/sign-in") }
        return PageResponse.seeOther(user.role == .administrator ? "/users" : "/worktray")
    }

    static func worktray(_ request: Request) async throws -> Response {
        let context = request.pageContext
        let user = try request.pageUser
        guard user.role.worksCases else { return PageResponse.html(RoleInfoPage.render(context, role: user.role)) }
        let asked = (try? request.query.get(Int.self, at: "page")) ?? 1
        let page = min(max(asked, Paging.pages.lowerBound), Paging.pages.upperBound)
        let notice = (try? request.query.get(String.self, at: "notice")).flatMap(WorktrayPage.Notice.init(rawValue:))
        let model = try await WorktrayPage.model(for: user, page: page, notice: notice, on: request)
        return PageResponse.html(WorktrayPage.View(context: context, model: model, now: request.now).render())
    }

    static func search(_ request: Request) async throws -> Response {
        let user = try request.caseworkPageUser
        let model = try await SearchPage.model(try? request.query.get(String.self, at: "q"), for: user, on: request)
        return PageResponse.html(SearchPage.View(context: request.pageContext, model: model).render())
    }

    static func accessLog(_ request: Request) async throws -> Response {
        let user = try request.pageUser
        guard user.role.reviewsAccess else { throw Abort(.forbidden) }
        let model = try await AccessLogPage.model(try request.parameter("childID", as: Child.ID.self), for: user, on: request)
        return PageResponse.html(AccessLogPage.View(context: request.pageContext, model: model).render())
    }

    static func modelPage(_ request: Request) async throws -> Response {
        let user = try request.pageUser
        guard user.role.readsModel else { throw Abort(.forbidden) }
        // A version that is no number names no version: not found, rather than the latest shown instead.
        let asked: String? = try? request.query.get(String.self, at: "version")
        let version = asked.map { Int($0) }
        if version == .some(nil) { throw Abort(.notFound) }
        let model = try await ModelPage.model(version: version ?? nil, for: user, on: request)
        return PageResponse.html(ModelPageView(context: request.pageContext, model: model).render())
    }

    static func casePage(_ request: Request) async throws -> Response {
        let user = try request.caseworkPageUser
        let context = request.pageContext
        let model = try await CasePage.model(try request.parameter("caseID", as: CaseFile.ID.self), for: user, texts: context.texts, on: request)
        return PageResponse.html(CasePage.View(context: context, model: model, now: request.now).render())
    }

    /// Team leaders assign from the team's work tray; the case must be in their team, the caseworker too.
    static func assign(_ request: Request) async throws -> Response {
        let user = try request.caseworkPageUser
        guard user.role == .teamLeader else { throw Abort(.forbidden) }
        let id = try request.parameter("caseID", as: CaseFile.ID.self)
        let form = try request.content.decode([String: String].self)
        guard let caseworkerID = form["caseworkerId"].flatMap(StaffUser.ID.init(string:)),
              let caseworker = try await request.staff.user(caseworkerID, in: user.municipalityID),
              caseworker.role == .caseworker, caseworker.team == user.team
        else { throw Abort(.badRequest, reason: "Choose a caseworker of your team.") }
        do {
            try await request.cases.assign(id, to: caseworker.id, ifVersion: try Request.formVersion(form),
                                           access: Access(user, purpose: .assignment), now: request.now)
        } catch StoreError.changedSince {
            // Someone assigned it since the tray was shown: show the tray as it is now, and say so.
            return PageResponse.seeOther("/worktray?notice=\(WorktrayPage.Notice.assignedMeanwhile.rawValue)")
        }
        return PageResponse.seeOther("/worktray")
    }
}

extension Request {
    /// The signed-in member of staff of a page request; the routes that read it require a session.
    var pageUser: StaffUser {
        get throws {
            guard let session = pageSession else { throw Abort(.unauthorized) }
            return session.user
        }
    }

    /// The page user, for the pages with case content: other roles are refused.
    var caseworkPageUser: StaffUser {
        get throws {
            let user = try pageUser
            guard user.role.worksCases else { throw Abort(.forbidden) }
            return user
        }
    }

    /// The version of the record a form was shown with, which every form that changes one sends
    /// back hidden. A form without it is not one of ours: refused, rather than saved unchecked.
    static func formVersion(_ fields: [String: String]) throws -> Int {
        guard let version = fields["version"].flatMap({ Int($0) }) else {
            throw Abort(.badRequest, reason: "The form did not say which version of the record it changes; open the page again and make the change there.")
        }
        return version
    }

    /// Form fields as sent, by their names as written: Vapor's form decoder reads `a[b]` as a nested
    /// field, but the forms name one field per goal `goalAttainment[GOAL-ID]`. A field sent twice
    /// keeps its last value.
    func formFields() throws -> [String: String] {
        guard headers.contentType == .urlEncodedForm else { throw Abort(.unsupportedMediaType) }
        guard let buffer = body.data else { return [:] }
        var fields: [String: String] = [:]
        for pair in String(decoding: buffer.readableBytesView, as: UTF8.self).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map {
                $0.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            fields[parts[0]] = parts.count > 1 ? parts[1] : ""
        }
        return fields
    }
}
