/// Folds small common pieces between changes into the changes, so that a replaced phrase reads as
/// one deletion and one insertion instead of alternating fragments.
///
/// A common piece between two changes is folded when it holds no word (only spaces and
/// punctuation), or when it is a word no longer than half of each neighbouring change. Longer
/// common words stay common, so the clean-up never hides a real match of substance.
enum SemanticCleanup {
    static func clean(_ script: EditScript, a: Tokenizer, b: Tokenizer, oldBytes: [UInt8], newBytes: [UInt8]) -> EditScript {
        // Group into alternating equal runs and change groups (deleted, inserted token counts).
        struct Group { var equal: Int; var deleted: Int; var inserted: Int; var isChange: Bool }
        var groups: [Group] = []
        for (kind, count) in zip(script.kinds, script.counts) {
            switch kind {
            case .equal: groups.append(Group(equal: count, deleted: 0, inserted: 0, isChange: false))
            case .delete, .insert:
                if groups.last?.isChange != true { groups.append(Group(equal: 0, deleted: 0, inserted: 0, isChange: true)) }
                if kind == .delete { groups[groups.count - 1].deleted += count } else { groups[groups.count - 1].inserted += count }
            }
        }
        guard groups.count >= 3 else { return script }
        // Token positions where each group starts, to measure text lengths.
        var aStart: [Int] = [], bStart: [Int] = []
        var aToken = 0, bToken = 0
        for group in groups {
            aStart.append(aToken)
            bStart.append(bToken)
            aToken += group.isChange ? group.deleted : group.equal
            bToken += group.isChange ? group.inserted : group.equal
        }
        func bytes(_ tokens: Tokenizer, _ from: Int, _ count: Int) -> Int {
            Int(tokens.starts[from + count] - tokens.starts[from])
        }
        func hasWord(_ from: Int, _ count: Int) -> Bool {
            oldBytes.withUnsafeBufferPointer { buffer in
                var position = Int(a.starts[from])
                let end = Int(a.starts[from + count])
                while position < end {
                    let (cls, width) = Tokenizer.classify(buffer, at: position)
                    if cls == .word { return true }
                    position += width
                }
                return false
            }
        }
        var result: [Group] = []
        var index = 0
        while index < groups.count {
            var group = groups[index]
            let first = index
            // Fold `equal, change` pairs into a preceding change while the rule allows.
            if group.isChange {
                while index + 2 < groups.count, !groups[index + 1].isChange, groups[index + 2].isChange {
                    let common = groups[index + 1], next = groups[index + 2]
                    let commonLength = bytes(a, aStart[index + 1], common.equal)
                    let left = max(bytes(a, aStart[first], group.deleted), bytes(b, bStart[first], group.inserted))
                    let right = max(bytes(a, aStart[index + 2], next.deleted), bytes(b, bStart[index + 2], next.inserted))
                    let fold = !hasWord(aStart[index + 1], common.equal) || (commonLength * 2 <= left && commonLength * 2 <= right)
                    guard fold else { break }
                    group.deleted += common.equal + next.deleted
                    group.inserted += common.equal + next.inserted
                    index += 2
                }
            }
            result.append(group)
            index += 1
        }
        var cleaned = EditScript()
        for group in result {
            if group.isChange {
                cleaned.append(.delete, group.deleted)
                cleaned.append(.insert, group.inserted)
            } else {
                cleaned.append(.equal, group.equal)
            }
        }
        return cleaned
    }
}
