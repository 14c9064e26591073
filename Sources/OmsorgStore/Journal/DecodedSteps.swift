import OmsorgDomain
import Synchronization

/// The steps already decoded from their stored payloads, by format and payload. A stored step never
/// changes, and decoding its JSON was the largest single cost of reading a case (bench/audit.sh), so
/// each payload is decoded once per process. Bounded: when full it starts afresh, which costs a
/// decode per step for a moment and never a wrong step, as the key is the whole payload.
final class DecodedSteps: Sendable {
    static let shared = DecodedSteps(capacity: 50_000)

    private struct Key: Hashable {
        let format: Int
        let payload: String
    }

    private let capacity: Int
    private let steps = Mutex<[Key: CaseStep]>([:])

    init(capacity: Int) {
        self.capacity = capacity
    }

    func step(from payload: String, format: Int, decode: (String, Int) throws -> CaseStep) rethrows -> CaseStep {
        let key = Key(format: format, payload: payload)
        if let known = steps.withLock({ $0[key] }) { return known }
        let step = try decode(payload, format)
        steps.withLock { steps in
            if steps.count >= capacity { steps.removeAll(keepingCapacity: true) }
            steps[key] = step
        }
        return step
    }
}
