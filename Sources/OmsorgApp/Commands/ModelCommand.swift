import Vapor

/// `omsorg model …`: the early-detection model's commands: fitting any table, and training a
/// municipality's model and writing its documents.
struct ModelCommand: AsyncCommandGroup {
    var commands: [String: any AnyAsyncCommand] { ["fit": ModelFitCommand(), "train": ModelTrainCommand(), "card": ModelCardCommand()] }

    var help: String { "The early-detection model: fit a table, train a municipality's model, write its model card." }
}
