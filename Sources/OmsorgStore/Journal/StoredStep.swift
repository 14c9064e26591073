import Foundation
import OmsorgDomain

/// The journal's stored form of a step, owned by the store: each row of `case_steps` names the
/// format its payload is written in, and every format ever written stays readable, so a case
/// recorded years ago replays after any upgrade. New steps are written in `current`.
enum StoredStep {
    static let current = 1

    /// A payload the store cannot turn back into a step: a defect or a damaged row, never ignored.
    enum Unreadable: Error, Equatable {
        case format(Int)
        /// A payload names no step kind, or several.
        case kinds(Int)
        /// A field holds a value the format does not define.
        case value(String, String)
    }

    static func payload(of step: CaseStep) throws -> String {
        String(decoding: try StoredStepV1.encode(step), as: UTF8.self)
    }

    /// The step a payload holds; each payload is decoded once (`DecodedSteps`).
    static func step(from payload: String, format: Int) throws -> CaseStep {
        try DecodedSteps.shared.step(from: payload, format: format, decode: decode)
    }

    private static func decode(_ payload: String, format: Int) throws -> CaseStep {
        switch format {
        case 1: try StoredStepV1.decode(Data(payload.utf8))
        default: throw Unreadable.format(format)
        }
    }
}
