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
}
