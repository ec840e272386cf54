import Testing
import WordDiff

@Suite struct WordDiffTests {
    func plain(_ old: String, _ new: String) -> String {
        DiffFormatter.text(TextDiff(old: old, new: new), colour: false)
    }

    @Test func aChangedPhraseIsOneDeletionAndOneInsertion() {
        #expect(plain("Microsoft does not provide any government with blanket or direct access to SkyDrive.",
                      "Microsoft does not provide any government with direct and unfettered access to our customer's data.")
            == "Microsoft does not provide any government with [-blanket or direct-]{+direct and unfettered+} access to [-SkyDrive-]{+our customer's data+}.")
        #expect(plain("we do not provide direct access", "it never gave direct access")
            == "[-we do not provide-]{+it never gave+} direct access")
    }

    @Test func wordsWhitespaceAndPunctuationAreTokens() {
        #expect(plain("access.", "access!") == "access[-.-]{+!+}")
        #expect(plain("a  b", "a b") == "a[-  -]{+ +}b")
        #expect(plain("Zürich—Genève", "Zürich—Bern") == "Zürich—[-Genève-]{+Bern+}")
    }

    @Test func identicalAndEmptyTexts() {
        #expect(TextDiff(old: "same", new: "same").isIdentical)
        #expect(TextDiff(old: "", new: "").operations.isEmpty)
        #expect(plain("", "new text") == "{+new text+}")
        #expect(plain("old text", "") == "[-old text-]")
    }

    @Test func jsonHasOffsets() {
        #expect(DiffFormatter.json(TextDiff(old: "a b", new: "a c"))
            == #"{"identical":false,"operations":[{"op":"equal","text":"a ","old_offset":0,"new_offset":0},{"op":"delete","text":"b","old_offset":2,"new_offset":2},{"op":"insert","text":"c","old_offset":3,"new_offset":2}]}"#)
    }

    /// Property: applying the diff to the old text gives the new text exactly, and the pieces
    /// rebuild both texts, over many generated pairs.
    @Test func applyingTheDiffGivesTheNewText() {
        var generator = SeededGenerator(seed: 2013)
        let words = ["access", "direct", "the", "government", "Zürich", "数据", "🙂", "e\u{301}", "a", "do", "not", "—", ",", ".", "\"", "'"]
        let spaces = [" ", "  ", "\n", "\n\n", "\t", " \n"]
        func text(_ count: Int) -> String {
            (0..<count).map { _ in
                (words.randomElement(using: &generator) ?? "a") + (spaces.randomElement(using: &generator) ?? " ")
            }.joined()
        }
        var cases: [(String, String)] = [
            ("", ""), ("", "x"), ("x", ""), ("   ", " \n "), ("same text", "same text"),
            ("completely different words here", "nothing alike at all, really!"),
            ("one two three four five", "two three four five one"),
            ("Zürich 数据 🙂", "Zürich 🙂 数据"), ("a\r\nb", "a\nb"),
        ]
        for _ in 0..<400 {
            let old = text(Int.random(in: 0...60, using: &generator))
            var tokens = old.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            for _ in 0..<Int.random(in: 0...6, using: &generator) where !tokens.isEmpty {
                let index = Int.random(in: 0..<tokens.count, using: &generator)
                switch Int.random(in: 0..<4, using: &generator) {
                case 0: tokens[index] = words.randomElement(using: &generator) ?? ""
                case 1: tokens.remove(at: index)
                case 2: tokens.insert(text(2), at: index)
                default:
                    let moved = tokens.remove(at: index)
                    tokens.insert(moved, at: Int.random(in: 0...tokens.count, using: &generator))
                }
            }
            cases.append((old, tokens.joined(separator: " ")))
            cases.append((old, text(Int.random(in: 0...40, using: &generator))))
        }
        for (old, new) in cases {
            let diff = TextDiff(old: old, new: new)
            #expect(diff.apply(to: old) == new, "old: \(old.debugDescription) new: \(new.debugDescription)")
            #expect(diff.oldText == old)
            #expect(diff.newText == new)
            #expect(diff.isIdentical == (old == new))
        }
        // A history of versions, each tokenized once for its two diffs: every diff still leads
        // from one version to the next.
        let versions = cases.prefix(120).flatMap { [$0.0, $0.1] }
        let diffs = TextDiff.successive(versions)
        #expect(diffs.count == versions.count - 1)
        for (index, diff) in diffs.enumerated() {
            #expect(diff.oldText == versions[index] && diff.newText == versions[index + 1])
            #expect(diff.apply(to: versions[index]) == versions[index + 1])
        }
        #expect(TextDiff.successive(["only one"]).isEmpty)
    }
}
