// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "omsorg",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "omsorg", targets: ["omsorg"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/JohnSundell/Plot.git", from: "0.14.0"),
    ],
    targets: [
        // Pure rules: the case state machine, deadlines, the Danish calendar, validation. No I/O.
        .target(name: "OmsorgDomain"),
        // Persistence only: migrations and queries for SQLite and PostgreSQL.
        .target(
            name: "OmsorgStore",
            dependencies: [
                "OmsorgDomain",
                "OmsorgDetection",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
            ]
        ),
        // Early detection: extracts in, pseudonymised indicators out. No database, no HTTP.
        .target(
            name: "OmsorgDetection",
            dependencies: ["OmsorgDomain", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // HTTP only: the JSON API, the staff pages, authentication, sessions, problem details.
        .target(
            name: "OmsorgWeb",
            dependencies: [
                "OmsorgDomain",
                "OmsorgDetection",
                "OmsorgStore",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Plot", package: "Plot"),
            ],
            resources: [.copy("Resources/openapi.json"), .copy("Resources/Public")]
        ),
        // The composition root and the command-line commands, which the executable and the tests call.
        .target(
            name: "OmsorgApp",
            dependencies: [
                "OmsorgDomain",
                "OmsorgStore",
                "OmsorgDetection",
                "OmsorgWeb",
                .product(name: "Vapor", package: "vapor"),
            ]
        ),
        .executableTarget(name: "omsorg", dependencies: ["OmsorgApp"]),
        .testTarget(name: "OmsorgDomainTests", dependencies: ["OmsorgDomain"]),
        .testTarget(name: "OmsorgDetectionTests", dependencies: ["OmsorgDetection"]),
        .testTarget(
            name: "OmsorgAppTests",
            dependencies: [
                "OmsorgApp",
                "OmsorgWeb",
                .product(name: "VaporTesting", package: "vapor"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
