extension Catalogue {
    static let danish: [String: String] = [
        "app.name": "Omsorg",
    ]
}
