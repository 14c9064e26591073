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
    ],
    targets: [
        // Pure rules: the case state machine, deadlines, the Danish calendar, validation. No I/O.
        .target(name: "OmsorgDomain"),
        // Persistence only: migrations and queries for SQLite and PostgreSQL.
        .target(
            name: "OmsorgStore",
            dependencies: [
                "OmsorgDomain",
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
            ]
        ),
        // HTTP: the JSON API, authentication, authorisation, problem details.
        .target(
            name: "OmsorgWeb",
            dependencies: [
                "OmsorgDomain",
                "OmsorgStore",
                .product(name: "Vapor", package: "vapor"),
            ],
            resources: [.copy("Resources/openapi.json")]
        ),
        .executableTarget(name: "omsorg", dependencies: ["OmsorgWeb"]),
        .testTarget(name: "OmsorgDomainTests", dependencies: ["OmsorgDomain"]),
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
