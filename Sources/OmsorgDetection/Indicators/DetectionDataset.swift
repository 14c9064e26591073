/// One municipality's detection data in columns, people addressed by dense indices. The same
/// structure serves the ingested store (keyed by pseudonym), the synthetic generator, and a folder of
/// extracts checked in memory (keyed by person number, pseudonymised only in what is written out).
public struct DetectionDataset<Key: DatasetKey>: Sendable {
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

        /// Appends whole columns: an extract's rows at once.
        public mutating func append(subjects: [Int32], codes: [Int32], days: [Int32], endDays: [Int32], values: [Int32]) {
            guard count > 0 else { // the usual case, one extract per source: take the columns without copying
                (subject, code, day, endDay, value) = (subjects, codes, days, endDays, values)
                return
            }
            subject += subjects
            code += codes
            day += days
            endDay += endDays
            value += values
        }
    }

    /// Each person's key.
    public private(set) var keys: [Key] = []
    /// Days since 1970-01-01; `ParsedExtract.noDate` for people only seen in an event extract.
    public private(set) var birthDay: [Int32] = []
    public private(set) var parents: [[Int32]] = []
    public var events: [SourceSystem: Events] = [:]
    var index = Key.Index()

    public init() {}

    public var personCount: Int { keys.count }

    /// The index of the person with `key`, registering them if new.
    public mutating func person(_ key: Key) -> Int32 {
        let new = Int32(keys.count)
        if let existing = index.insert(key, new) { return existing }
        keys.append(key)
        birthDay.append(ParsedExtract.noDate)
        parents.append([])
        return new
    }

    /// Room for `count` more people, so that a population of millions is registered without regrowing.
    mutating func reserve(_ count: Int) {
        index.reserveCapacity(keys.count + count)
        keys.reserveCapacity(keys.count + count)
        birthDay.reserveCapacity(keys.count + count)
        parents.reserveCapacity(keys.count + count)
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
