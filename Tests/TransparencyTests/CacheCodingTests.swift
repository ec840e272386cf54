import Testing
@testable import TransparencySite

/// The build cache's byte format reads back what it wrote: strings written once and then by
/// number (interleaved with strings written without a look-up), numbers of every size.
@Suite struct CacheCodingTests {
    @Test func stringsAndNumbersReadBackAsWritten() throws {
        var generator = SeededGenerator(seed: 5)
        let pool = (0..<300).map { "path/\($0)/file-\($0 % 7).yaml" } + ["", "é", "👩‍👩‍👧", "a"]
        var writer = BinaryWriter()
        var expected: [(String, Int)] = []
        for _ in 0..<20_000 {
            let text = pool.randomElement(using: &generator) ?? ""
            let number = Int.random(in: Int.min...Int.max, using: &generator) >> Int.random(in: 0..<64, using: &generator)
            writer.string(text, repeated: Int.random(in: 0..<4, using: &generator) > 0)
            writer.int(number)
            expected.append((text, number))
        }
        var reader = BinaryReader(writer.bytes)
        for (text, number) in expected {
            #expect(try reader.string() == text)
            #expect(try reader.int() == number)
        }
        #expect(reader.isAtEnd)
        // Repeated strings took their number, not their bytes: fewer bytes in all than the strings'.
        #expect(writer.bytes.count < expected.reduce(0) { $0 + $1.0.utf8.count })
    }
}
