import Vapor

/// `omsorg model …`: the early-detection model's commands: fitting any table; training a
/// municipality's model, writing its documents, scoring and evaluating with it, and setting its
/// proposal policy.
struct ModelCommand: AsyncCommandGroup {
    var commands: [String: any AnyAsyncCommand] { [
        "fit": ModelFitCommand(), "train": ModelTrainCommand(), "card": ModelCardCommand(), "score": ModelScoreCommand(), "policy": ModelPolicyCommand(),
        "evaluate": ModelEvaluateCommand(),
    ] }

    var help: String { "The early-detection model: fit a table; train, document and score a municipality's model." }
}
