extension DetectionDataset {
    /// Adds a linked (pseudonymised) extract, as the store does when it loads one.
    public mutating func add(_ extract: LinkedExtract) {
        switch extract.content {
        case .population(let people, _):
            for person in people { setBirthDay(person.birthDay, of: self.person(person.pseudonym)) }
        case .custody(let children, let parents):
            for (child, parent) in zip(children, parents) { addCustody(child: person(child), parent: person(parent)) }
        case .events(let subjects, let people, let codes, let days, let endDays, let values):
            let index = people.map { person($0) }
            var events = self.events[extract.source] ?? .init()
            for row in subjects.indices {
                events.append(subject: index[Int(subjects[row])], code: codes[row], day: days[row], endDay: endDays[row], value: values[row])
            }
            self.events[extract.source] = events
        }
    }
}
