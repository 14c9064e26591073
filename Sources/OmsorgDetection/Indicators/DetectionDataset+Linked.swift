extension DetectionDataset {
    /// The index of every person `extract` names (see `LinkedExtract.keys`), or -1 for someone not
    /// yet in the dataset. It only reads, so several extracts can be resolved at once against the
    /// population before they are added one by one.
    public func resolve(_ extract: LinkedExtract<Key>) -> [Int32] {
        let keys = extract.keys
        return index.isEmpty ? Array(repeating: -1, count: keys.count) : keys.map { index[$0] ?? -1 }
    }

    /// Adds a linked extract keyed as this dataset is; `resolved` is its `resolve` result, if taken.
    public mutating func add(_ extract: LinkedExtract<Key>, resolved: [Int32]? = nil) {
        let keys = extract.keys
        var indices = resolved ?? resolve(extract)
        reserve(indices.count { $0 < 0 })
        for position in indices.indices where indices[position] < 0 { indices[position] = person(keys[position]) }
        switch extract.content {
        case .population(let people, _):
            for (person, index) in zip(people, indices) { setBirthDay(person.birthDay, of: index) }
        case .custody(let children, _):
            for row in children.indices { addCustody(child: indices[2 * row], parent: indices[2 * row + 1]) }
        case .events(let subjects, _, let codes, let days, let endDays, let values):
            events[extract.source, default: .init()].append(subjects: subjects.map { indices[Int($0)] }, codes: codes, days: days,
                                                             endDays: endDays, values: values)
        }
    }
}

extension LinkedExtract {
    /// Everyone the extract names, in the order the dataset registers them: each person of the
    /// population; each custody row's child, then its custody holder; each distinct event subject.
    var keys: [Key] {
        switch content {
        case .population(let people, _): people.map(\.key)
        case .custody(let children, let parents):
            (0..<2 * children.count).map { $0 % 2 == 0 ? children[$0 / 2] : parents[$0 / 2] }
        case .events(_, let people, _, _, _, _): people
        }
    }
}
