import Foundation
import Logging
import OmsorgApp
import Vapor

/// `omsorg serve | migrate | demo` — one binary for the service and its operator commands.
let (configuration, arguments): (OmsorgConfiguration, [String])
do {
    (configuration, arguments) = try OmsorgConfiguration.parse(arguments: CommandLine.arguments, environment: ProcessInfo.processInfo.environment)
} catch {
    FileHandle.standardError.write(Data("omsorg: \(error)\n".utf8))
    exit(2)
}

var environment = try Environment.detect(arguments: arguments)
// Logs go to standard error, so that what a command prints (`--json` above all) is all its standard output.
try LoggingSystem.bootstrap(from: &environment) { level in
    { label in
        var handler = StreamLogHandler.standardError(label: label)
        handler.logLevel = level
        return handler
    }
}
let app = try await Application.make(environment)
do {
    try await configure(app, with: configuration)
    if configuration.usesDatabase { app.logger.notice("Omsorg on \(configuration.database)") }
    try await app.execute()
} catch {
    FileHandle.standardError.write(Data("omsorg: \((error as? any AbortError)?.reason ?? "\(error)")\n".utf8))
    try? await app.asyncShutdown()
    exit(1)
}
try await app.asyncShutdown()
