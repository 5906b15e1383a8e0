// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets, kept out of the main package because they link without a `main`
// of their own. Build and run with `bash scripts/fuzz.sh` (see there).
let package = Package(
    name: "ckalab-fuzz",
    dependencies: [.package(name: "ckalab", path: "..")],
    targets: [
        .executableTarget(
            name: "FuzzShell",
            dependencies: [.product(name: "CkalabCore", package: "ckalab")]
        ),
        .executableTarget(
            name: "FuzzManifest",
            dependencies: [.product(name: "CkalabCore", package: "ckalab")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
