// swift-tools-version:6.0
// Accord: a read-only HTTP/1.1 JSON API over a curated news corpus.
// Dependencies point one way: accord -> API -> (HTTP, Store) -> Locking; HTTP -> COpenSSL; API -> CZlib, CBrotli.
import PackageDescription

let package = Package(
    name: "accord",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "accord", targets: ["accord"]),
        // Libraries so that separate packages (fuzz/) can link the engine, the store and the API.
        .library(name: "HTTP", targets: ["HTTP"]),
        .library(name: "Store", targets: ["Store"]),
        .library(name: "API", targets: ["API"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
    ],
    targets: [
        .systemLibrary(
            name: "COpenSSL",
            pkgConfig: "openssl",
            providers: [.apt(["libssl-dev"])]
        ),
        .systemLibrary(name: "CSystem"),
        // gzip and Brotli for cached representations (Content-Encoding), as system libraries.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CBrotli", pkgConfig: "libbrotlienc", providers: [.apt(["libbrotli-dev"])]),
        // Unicode normalisation (NFC, marks stripped) for matching names in article text.
        // No pkgConfig: its cflags carry -DUTF8PROC_EXPORTS, which SwiftPM refuses with a warning.
        .systemLibrary(name: "CUtf8proc", providers: [.apt(["libutf8proc-dev"])]),
        .systemLibrary(name: "CStemmer", providers: [.apt(["libstemmer-dev"])]),
        // The lock HTTP, Store and API share (a pthread mutex: ThreadSanitizer understands it).
        .target(name: "Locking"),
        .target(
            name: "HTTP",
            dependencies: ["Locking", "COpenSSL", "CSystem"]
        ),
        .target(
            name: "Store",
            dependencies: ["Locking", "CUtf8proc", "CStemmer", "CSystem"]
        ),
        .target(
            name: "API",
            dependencies: ["HTTP", "Store", "Locking", "COpenSSL", "CSystem", "CZlib", "CBrotli", .product(name: "Logging", package: "swift-log")]
        ),
        .executableTarget(
            name: "accord",
            dependencies: [
                "API", "HTTP", "Store", "COpenSSL",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Shared by the test targets: a raw-socket client and an in-process server on an ephemeral port.
        .target(name: "TestSupport", dependencies: ["HTTP"], path: "Tests/TestSupport"),
        .testTarget(name: "HTTPTests", dependencies: ["HTTP", "COpenSSL", "Locking", "TestSupport"]),
        .testTarget(name: "StoreTests", dependencies: ["Store"], resources: [.copy("Fixtures")]),
        .testTarget(name: "APITests", dependencies: ["API", "HTTP", "Store", "Locking", "TestSupport"]),
        // The command's own logic (finding the shipped directories), tested through `@testable import accord`.
        .testTarget(name: "AccordTests", dependencies: ["accord"]),
    ],
    swiftLanguageModes: [.v6]
)
