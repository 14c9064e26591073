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
        // HTTP: the JSON API, authentication, authorisation, problem details.
        .target(
            name: "OmsorgWeb",
            dependencies: [
                "OmsorgDomain",
                "OmsorgStore",
                "OmsorgDetection",
                .product(name: "Vapor", package: "vapor"),
            ],
            resources: [.copy("Resources/openapi.json")]
        ),
        .executableTarget(name: "omsorg", dependencies: ["OmsorgWeb"]),
        .testTarget(name: "OmsorgDomainTests", dependencies: ["OmsorgDomain"]),
        .testTarget(name: "OmsorgDetectionTests", dependencies: ["OmsorgDetection"]),
        .testTarget(
            name: "OmsorgAppTests",
            dependencies: [
                "OmsorgWeb",
                .product(name: "VaporTesting", package: "vapor"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
