// swift-tools-version:6.0
import PackageDescription

// Release builds (the lab users run, the benchmarks) drop the runtime exclusivity checks, as the
// Swift compiler's own release builds do: the checks cost the controller loops a few percent.
// Debug builds (the tests) keep them.
let releaseSettings: [SwiftSetting] = [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]

// Modules are listed top-down: each imports only modules above it (DESIGN.md §3).
let package = Package(
    name: "ckalab",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "ckalab", targets: ["ckalab"]),
        // For the fuzz package in Fuzz/ (and future tools): the lab without its CLI.
        .library(name: "CkalabCore", targets: ["Cluster", "APIStore", "KubeModel", "Shell", "ShellSyntax", "CommandKit", "NodeFS", "SimKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CEditLine",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        .target(name: "SimKit", dependencies: [.product(name: "HeapModule", package: "swift-collections")]),
        .target(name: "NodeFS", dependencies: ["SimKit"]),
        .target(name: "ShellSyntax"),
        .target(name: "CommandKit", dependencies: ["NodeFS", "SimKit"]),
        .target(name: "Shell", dependencies: ["ShellSyntax", "CommandKit", "SimKit"]),
        .target(name: "Coreutils", dependencies: ["CommandKit", "SimKit"]),
        .target(
            name: "KubeModel",
            dependencies: ["SimKit", .product(name: "OrderedCollections", package: "swift-collections"), "Yams"]
        ),
        .target(name: "APIStore", dependencies: ["KubeModel", "SimKit"]),
        // Control loops: scheduler, workload controllers, kubelets; pure decide-functions.
        .target(name: "Controllers", dependencies: ["APIStore", "KubeModel", "NodeFS", "SimKit"]),
        .target(name: "Kubectl", dependencies: ["KubeModel", "CommandKit", "NodeFS", "SimKit"], exclude: ["Commands/generate-command-table.py"]),
        .target(name: "Cluster", dependencies: ["Shell", "Coreutils", "NodeFS", "SimKit", "KubeModel", "APIStore", "Controllers", "Kubectl",
                                                .product(name: "Crypto", package: "swift-crypto")]),
        // Exercises, rubrics and checks: content decoded from exercises/, grader/, solutions/.
        .target(name: "Course", dependencies: ["Cluster", "Controllers", "Kubectl", "APIStore", "KubeModel", "NodeFS", "CommandKit", "Yams"]),
        // Batch grading (replay within budgets, report formats) and the exam, above Course.
        .target(name: "Grading", dependencies: ["Course", "Cluster", "KubeModel", "CommandKit", "SimKit", .product(name: "OrderedCollections", package: "swift-collections")]),
        .target(name: "LineEditor", dependencies: ["CEditLine"]),
        .executableTarget(
            name: "ckalab",
            dependencies: [
                "Cluster", "APIStore", "Course", "Grading", "LineEditor",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Runs the real tools the differential tests compare against, with time limits.
        .target(name: "HostProcess"),
        .target(name: "LabTestSupport", dependencies: ["Cluster", "HostProcess"]),

        .testTarget(name: "NodeFSTests", dependencies: ["NodeFS"]),
        .testTarget(name: "ShellSyntaxTests", dependencies: ["ShellSyntax", "HostProcess"]),
        .testTarget(name: "CoreutilsTests", dependencies: ["Coreutils", "LabTestSupport", "HostProcess"]),
        .testTarget(name: "ShellTests", dependencies: ["Shell", "LabTestSupport"]),
        .testTarget(name: "KubeModelTests", dependencies: ["KubeModel", "HostProcess"]),
        .testTarget(name: "APIStoreTests", dependencies: ["APIStore"]),
        .testTarget(name: "KubectlTests", dependencies: ["Kubectl", "KubeModel", "CommandKit", "NodeFS", "APIStore", "Cluster", "LabTestSupport", "HostProcess"]),
        .testTarget(name: "ControllersTests", dependencies: ["Controllers", "APIStore", "KubeModel", "NodeFS", "SimKit"]),
        .testTarget(name: "ClusterTests", dependencies: ["Cluster", "LabTestSupport"]),
        .testTarget(name: "CourseTests", dependencies: ["Course", "Cluster", "LabTestSupport"]),
        .testTarget(name: "GradingTests", dependencies: ["Grading", "Course", "Cluster", "KubeModel"]),
        // Drives the built `ckalab` binary in tmux; the dependency makes `swift build --build-tests` build it.
        .testTarget(name: "REPLTests", dependencies: ["ckalab", "HostProcess"]),
    ],
    swiftLanguageModes: [.v6]
)

for target in package.targets where target.type == .regular || target.type == .executable {
    target.swiftSettings = (target.swiftSettings ?? []) + releaseSettings
}
