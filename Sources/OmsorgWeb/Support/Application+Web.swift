import OmsorgStore
import Vapor

extension Application {
    private struct WebSettingsKey: StorageKey {
        typealias Value = WebSettings
    }

    /// The settings the web layer was configured with.
    public var web: WebSettings {
        get {
            guard let settings = storage[WebSettingsKey.self] else { fatalError("the web settings have not been configured") }
            return settings
        }
        set { storage[WebSettingsKey.self] = newValue }
    }

    private struct AuditWriterKey: StorageKey {
        typealias Value = AuditWriter
    }

    /// Stores the audit entries of every request's reads, in batches, in this application's database.
    public var auditWriter: AuditWriter {
        guard let writer = storage[AuditWriterKey.self] else { fatalError("installWeb(on:settings:) makes the audit writer") }
        return writer
    }

    func startAuditWriter() {
        storage[AuditWriterKey.self] = AuditWriter(db)
    }
}
