/// Input that can never be valid, whatever the state of the case: a malformed person number or date.
public struct ValidationError: Error, Equatable, Sendable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
    public init(_ message: String) { self.message = message }
}
