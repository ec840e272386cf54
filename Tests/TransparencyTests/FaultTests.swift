import Foundation
import Testing
import TransparencySite

/// Publishing survives faults: a build killed part-way leaves the previous output as it was, and
/// the next build removes what it left behind.
@Suite struct FaultTests {
    /// A dataset of `count` companies: large enough that writing its output takes a while.
    func largeDataset(_ count: Int) throws -> String {
        var files: [String: String] = [:]
        for index in 0..<count {
            files["companies/c\(index).yaml"] = "id: c\(index)\nname: Company \(index)"
            files["statements/c\(index).yaml"] = DatasetFixture.statements
                .replacingOccurrences(of: "company: acme", with: "company: c\(index)")
                .replacingOccurrences(of: "id: acme-2013-06-07", with: "id: s\(index)")
        }
        return try DatasetFixture(files).root
    }

    @Test func aKilledBuildLeavesThePreviousSiteIntact() throws {
        let work = try TestPaths.temporaryFolder("fault")
        let first = try CommandRunner.run(["build", "--data", TestPaths.data, "--output", "out"], in: work)
        #expect(first.status == 0)
        let before = folderContents(work + "/out")
        let large = try largeDataset(1500)

        var killedMidWrite = false
        for _ in 0..<3 where !killedMidWrite {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: TestPaths.executable)
            process.arguments = ["build", "--data", large, "--output", "out"]
            process.currentDirectoryURL = URL(fileURLWithPath: work)
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Wait until the build is writing its staging folder, then kill it.
            let staging = work + "/.out.staging-\(process.processIdentifier)"
            let deadline = Date().addingTimeInterval(120)
            while process.isRunning, Date() < deadline {
                if let count = FileManager.default.enumerator(atPath: staging)?.allObjects.count, count > 50 {
                    kill(process.processIdentifier, SIGKILL)
                    killedMidWrite = true
                    break
                }
                usleep(2_000)
            }
            process.waitUntilExit()
            // Whether or not the kill came in time, the published output is one whole build.
            let after = folderContents(work + "/out")
            #expect(after == before || after.keys.contains("site/c0/index.html"))
            if killedMidWrite {
                #expect(process.terminationReason == .uncaughtSignal)
                #expect(after == before, "the killed build changed the published output")
                #expect(FileManager.default.fileExists(atPath: staging), "the killed build's staging folder should be left behind")
            }
        }
        #expect(killedMidWrite, "no build was caught while writing")

        // The next build publishes and removes the killed build's leftovers (an incremental
        // build keeps the output it replaced as the spare).
        let next = try CommandRunner.run(["build", "--data", TestPaths.data, "--output", "out"], in: work)
        #expect(next.status == 0)
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: work)).subtracting([".out.spare"]) == ["out"])
        #expect(folderContents(work + "/out") == before)
    }
}

@Suite struct ParallelBuildTests {
    @Test func aBuildOnAllCoresWritesWhatABuildOnOneCoreWrites() throws {
        let work = try TestPaths.temporaryFolder("parallel")
        // The bundled dataset, plus enough companies for the work to be spread.
        var files: [String: String] = [:]
        for index in 0..<40 {
            files["companies/c\(index).yaml"] = "id: c\(index)\nname: Company \(index)"
            files["statements/c\(index).yaml"] = DatasetFixture.statements
                .replacingOccurrences(of: "company: acme", with: "company: c\(index)")
                .replacingOccurrences(of: "id: acme-2013-06-07", with: "id: s\(index)")
            files["requests/c\(index).csv"] = DatasetFixture.requests
        }
        let data = try DatasetFixture(files).root
        let parallel = try CommandRunner.run(["build", "--data", data, "--output", "parallel"], in: work)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TestPaths.executable)
        process.arguments = ["build", "--data", data, "--output", "serial"]
        process.currentDirectoryURL = URL(fileURLWithPath: work)
        process.environment = ProcessInfo.processInfo.environment.merging(["TRANSPARENCY_THREADS": "1"]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(parallel.status == 0 && process.terminationStatus == 0)
        let a = folderContents(work + "/parallel"), b = folderContents(work + "/serial")
        #expect(a.count > 100)
        #expect(a == b)
    }
}
