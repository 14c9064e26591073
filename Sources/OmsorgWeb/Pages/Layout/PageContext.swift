import OmsorgDomain

/// What every page needs to know about the request it answers: who is signed in, in which
/// language, and the token its forms must carry.
struct PageContext: Sendable {
    let texts: Texts
    let user: StaffUser?
    let csrfToken: String
    /// The path of the page, so the language switch can come back to it.
    let path: String
}
