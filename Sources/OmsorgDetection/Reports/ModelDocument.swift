/// A document Omsorg writes about its model, such as the model card or the impact assessment, as
/// plain structure: the same content is written as Markdown here and as HTML by the web layer,
/// which escapes every text.
public struct ModelDocument: Sendable, Equatable {
    public enum Block: Sendable, Equatable {
        case paragraph(String)
        case list([String])
        case table(header: [String], rows: [[String]])
        case chart(ModelChart)
    }

    public struct Section: Sendable, Equatable {
        public let heading: String
        public let blocks: [Block]

        public init(_ heading: String, _ blocks: [Block]) {
            self.heading = heading
            self.blocks = blocks
        }
    }

    public let title: String
    public let sections: [Section]

    public init(title: String, sections: [Section]) {
        self.title = title
        self.sections = sections
    }
}
