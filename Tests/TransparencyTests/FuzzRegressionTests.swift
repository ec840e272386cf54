import Foundation
import FuzzTargets
import Testing

/// Every input the fuzzers found a problem with, replayed through the same target: each is a
/// regression test. They live in Tests/Fixtures/fuzz/<target>/.
@Suite struct FuzzRegressionTests {
    static let folder = TestPaths.packageRoot + "/Tests/Fixtures/fuzz"

    static var inputs: [String] {
        FuzzTargets.names.flatMap { target in
            ((try? FileManager.default.contentsOfDirectory(atPath: folder + "/" + target)) ?? [])
                .filter { !$0.hasPrefix(".") }.sorted().map { "\(target)/\($0)" }
        }
    }

    @Test func thereAreKeptInputs() {
        #expect(!Self.inputs.isEmpty)
    }

    @Test(arguments: inputs)
    func keptInputPasses(_ input: String) throws {
        let target = String(input.split(separator: "/")[0])
        let bytes = try Data(contentsOf: URL(fileURLWithPath: Self.folder + "/" + input))
        FuzzTargets.run(target, Array(bytes))
    }
}
