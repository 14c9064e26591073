extension Catalogue {
    static let english: [String: String] = [
        "app.name": "Omsorg",
    ]
}
