import Vapor

extension Request {
    /// The version an `If-Match` header names (`"3"`, as an `ETag` gave it), or nil without one or
    /// for `*`: the write then goes ahead whatever the record's version.
    var ifMatchVersion: Int? {
        get throws {
            guard let header = headers.first(name: .ifMatch)?.trimmingCharacters(in: .whitespaces), header != "*" else { return nil }
            let tag = header.hasPrefix("W/") ? String(header.dropFirst(2)) : header
            guard tag.count >= 3, tag.first == "\"", tag.last == "\"", let version = Int(tag.dropFirst().dropLast()), version >= 0 else {
                throw Problem.badRequest("If-Match names the version to change, as the ETag gave it: \"3\".", field: "If-Match")
            }
            return version
        }
    }
}

extension HTTPHeaders {
    /// The `ETag` of a record's version.
    mutating func setVersion(_ version: Int) {
        replaceOrAdd(name: .eTag, value: "\"\(version)\"")
    }
}
