// swift-tools-version:6.0
// libFuzzer targets for Accord. Not part of the product: build and run them with scripts/fuzz.sh,
// which passes the sanitizer flags (libFuzzer supplies `main`, so the targets have none).
import PackageDescription

// A path dependency's identity is its directory's name, which differs between checkouts
// (/work/main, /src/accord, ...); compute it instead of hard-coding it.
let accord = Context.packageDirectory.split(separator: "/").dropLast().last.map { String($0).lowercased() } ?? "accord"

let package = Package(
    name: "accord-fuzz",
    dependencies: [
        .package(path: ".."),
    ],
    targets: [
        // The invariant checks both targets share.
        .target(name: "FuzzSupport"),
        // Arbitrary bytes through RequestParser, delivered in one piece and split at fuzzer-chosen points.
        .executableTarget(
            name: "FuzzRequestParser",
            dependencies: ["FuzzSupport", .product(name: "HTTP", package: accord)]
        ),
        // Random event sequences through the connection lifecycle's state machine.
        .executableTarget(
            name: "FuzzConnectionStateMachine",
            dependencies: [.product(name: "HTTP", package: accord)]
        ),
        // Arbitrary bytes as one dropped-in article through the whole seed load.
        .executableTarget(
            name: "FuzzArticle",
            dependencies: ["FuzzSupport", .product(name: "Store", package: accord)]
        ),
        // Arbitrary request-targets (and Accept / If-None-Match / Origin) through Application.respond(to:).
        .executableTarget(
            name: "FuzzQuery",
            dependencies: [
                "FuzzSupport",
                .product(name: "API", package: accord),
                .product(name: "HTTP", package: accord),
                .product(name: "Store", package: accord),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
