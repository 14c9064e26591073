import Foundation
import OmsorgDomain

/// A delivery of extracts in one folder, named as the generator names them, read into a dataset
/// keyed by person number without loading anything into the store: to check a delivery, and to
/// compute indicators straight from the extracts. Person numbers stay in memory; whatever is written
/// out is pseudonymised by the caller.
public struct ExtractFolder: Sendable {
    public struct FileError: Error, CustomStringConvertible {
        public let path: String
        public let error: ExtractError
        public var description: String { "\(path): \(error)" }
    }

    public let url: URL
    /// Events cannot lie after this day.
    public let today: LocalDate

    public init(url: URL, today: LocalDate) {
        self.url = url
        self.today = today
    }

    /// The population is read and registered first; meanwhile the other files are parsed, largest
    /// first so that the cores finish together, and each then finds its people in the population.
    /// They are added in a fixed order, so the dataset does not depend on which file finished first.
    public func dataset(progress: @escaping @Sendable (String) -> Void) async throws -> DetectionDataset<UInt64> {
        guard FileManager.default.fileExists(atPath: file(.population).path) else { throw FileError(path: file(.population).path, error: .missing) }
        let population = Task {
            var data = DetectionDataset<UInt64>()
            if let extract = try link(.population, progress: progress) { data.add(extract) }
            return Handover(data)
        }
        defer { population.cancel() }
        let others = SourceSystem.allCases.filter { $0 != .population }.sorted { fileSize($0) > fileSize($1) }
        let linked = try await concurrently(others) { source -> (extract: LinkedExtract<UInt64>, resolved: [Int32])? in
            guard let extract = try link(source, progress: progress) else { return nil }
            return (extract, try await population.value.data.resolve(extract))
        }
        let bySource = Dictionary(uniqueKeysWithValues: zip(others, linked))
        var data = try await population.value.take()
        for source in SourceSystem.allCases {
            if let (extract, resolved) = bySource[source] ?? nil { data.add(extract, resolved: resolved) }
        }
        return data
    }

    private func file(_ source: SourceSystem) -> URL { url.appendingPathComponent(source.fileName) }

    private func fileSize(_ source: SourceSystem) -> Int {
        (try? FileManager.default.attributesOfItem(atPath: file(source).path)[.size] as? Int) ?? 0
    }

    private func link(_ source: SourceSystem, progress: @Sendable (String) -> Void) throws -> LinkedExtract<UInt64>? {
        let file = file(source)
        guard FileManager.default.fileExists(atPath: file.path) else { return nil }
        // Mapped, not read: the pages come from the page cache instead of being copied.
        let bytes = try Data(contentsOf: file, options: .alwaysMapped)
        do throws(ExtractError) {
            let extract = LinkedExtract(try ExtractParser(source: source, today: today).parse(bytes))
            progress("read \(source.fileName): \(extract.rowCount) rows")
            return extract
        } catch {
            throw FileError(path: file.path, error: error)
        }
    }
}

/// Hands the population from its task to the caller without a copy: a task keeps its result, and
/// the caller's first change to a shared dataset would copy millions of entries. `take` comes only
/// after every reader has finished.
private final class Handover: @unchecked Sendable {
    private(set) var data: DetectionDataset<UInt64>

    init(_ data: DetectionDataset<UInt64>) { self.data = data }

    func take() -> DetectionDataset<UInt64> {
        defer { data = .init() }
        return data
    }
}

/// `transform` applied to every element on the cooperative pool, results in the elements' order.
func concurrently<Element: Sendable, Result: Sendable>(_ elements: [Element],
                                                      _ transform: @escaping @Sendable (Element) async throws -> Result) async throws -> [Result] {
    try await withThrowingTaskGroup(of: (Int, Result).self) { group in
        for (position, element) in elements.enumerated() { group.addTask { (position, try await transform(element)) } }
        var results = [Result?](repeating: nil, count: elements.count)
        for try await (position, result) in group { results[position] = result }
        return results.map { $0! }
    }
}
