import Vapor

/// `omsorg model …`: the early-detection model's commands, a group that `fit` opens and later
/// steps of the model's life (train, score, evaluate) join.
struct ModelCommand: AsyncCommandGroup {
    var commands: [String: any AnyAsyncCommand] { ["fit": ModelFitCommand()] }

    var help: String { "The early-detection model (omsorg model fit --table FILE --outcome COLUMN)." }
}
