import Foundation
import OmsorgDetection

/// A model version as `model_versions.content` holds it: the format first, so that a later release
/// that stores versions differently still knows how to read, or refuse, the rows stored today.
struct StoredModel: Codable {
    static let currentFormat = 1

    let format: Int
    let model: TrainedModel

    init(model: TrainedModel) {
        format = Self.currentFormat
        self.model = model
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        format = try container.decode(Int.self, forKey: .format)
        guard format == Self.currentFormat else {
            throw DecodingError.dataCorruptedError(forKey: .format, in: container, debugDescription: "model version format \(format) is not known to this release")
        }
        model = try container.decode(TrainedModel.self, forKey: .model)
    }

    /// An infinite bound or an undefined ratio is stored as text rather than refused.
    private static let nonFinite = (positive: "inf", negative: "-inf", nan: "nan")

    static func encoded(_ model: TrainedModel) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: nonFinite.positive, negativeInfinity: nonFinite.negative, nan: nonFinite.nan)
        return String(decoding: try encoder.encode(StoredModel(model: model)), as: UTF8.self)
    }

    static func decoded(_ content: String) throws -> TrainedModel {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: nonFinite.positive, negativeInfinity: nonFinite.negative, nan: nonFinite.nan)
        return try decoder.decode(StoredModel.self, from: Data(content.utf8)).model
    }
}
