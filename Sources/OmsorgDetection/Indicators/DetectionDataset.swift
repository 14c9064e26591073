/// One municipality's detection data in columns, people addressed by dense indices. The same
/// structure serves the ingested (pseudonymised) store, the synthetic generator and the benchmark.
public struct DetectionDataset: Sendable {
    public struct Events: Sendable {
        public var subject: [Int32] = []
        /// Index of the event's value in the source's enumeration (0 where the source has none).
        public var code: [Int32] = []
        public var day: [Int32] = []
        /// End of a period (substance treatment); `ParsedExtract.noDate` where open or not a period.
        public var endDay: [Int32] = []
        public var value: [Int32] = []

        public init() {}

        public var count: Int { subject.count }

        public mutating func append(subject: Int32, code: Int32, day: Int32, endDay: Int32 = ParsedExtract.noDate, value: Int32 = 1) {
            self.subject.append(subject)
            self.code.append(code)
            self.day.append(day)
            self.endDay.append(endDay)
            self.value.append(value)
        }
    }

    /// Each person's key: a pseudonym in the store, a person number in the generator.
    public private(set) var keys: [String] = []
    /// Days since 1970-01-01; `ParsedExtract.noDate` for people only seen in an event extract.
    public private(set) var birthDay: [Int32] = []
    public private(set) var parents: [[Int32]] = []
    public var events: [SourceSystem: Events] = [:]
    private var index: [String: Int32] = [:]

    public init() {}

    public var personCount: Int { keys.count }

    /// The index of the person with `key`, registering them if new.
    public mutating func person(_ key: String) -> Int32 {
        if let existing = index[key] { return existing }
        let new = Int32(keys.count)
        index[key] = new
        keys.append(key)
        birthDay.append(ParsedExtract.noDate)
        parents.append([])
        return new
    }

    public mutating func setBirthDay(_ day: Int32, of person: Int32) {
        birthDay[Int(person)] = day
    }

    public mutating func addCustody(child: Int32, parent: Int32) {
        if !parents[Int(child)].contains(parent) { parents[Int(child)].append(parent) }
    }

    /// The last day any event extract covers: outcomes after it are not yet known.
    public var lastEventDay: Int32? {
        events.values.compactMap { $0.day.max() }.max()
    }
}
