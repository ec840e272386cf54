/// A run-length edit script over tokens: keep, delete or insert so many tokens.
struct EditScript {
    enum Kind: UInt8 { case equal, delete, insert }
    private(set) var kinds: [Kind] = []
    private(set) var counts: [Int] = []

    mutating func append(_ kind: Kind, _ count: Int) {
        guard count > 0 else { return }
        if let last = kinds.last, last == kind {
            counts[counts.count - 1] += count
        } else {
            kinds.append(kind)
            counts.append(count)
        }
    }
}

/// Myers' O(ND) difference algorithm over token ids, giving up (nil) beyond `maxCost` edits.
enum Myers {
    static func diff(_ a: ArraySlice<Int32>, _ b: ArraySlice<Int32>, maxCost: Int, into script: inout EditScript) -> Bool {
        let n = a.count, m = b.count
        let limit = min(n + m, maxCost)
        let offset = limit + 1
        var v = [Int32](repeating: 0, count: 2 * limit + 3)
        var trace: [[Int32]] = []
        var found = false
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                for d in 0...limit {
                    trace.append(Array(v[(offset - d)...(offset + d)]))
                    var k = -d
                    while k <= d {
                        var x: Int
                        if k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) {
                            x = Int(v[offset + k + 1])
                        } else {
                            x = Int(v[offset + k - 1]) + 1
                        }
                        var y = x - k
                        while x < n, y < m, a[x] == b[y] {
                            x += 1
                            y += 1
                        }
                        v[offset + k] = Int32(x)
                        if x >= n, y >= m {
                            found = true
                            backtrack(trace: trace, d: d, n: n, m: m, into: &script)
                            return
                        }
                        k += 2
                    }
                }
            }
        }
        return found
    }

    /// Walks the saved frontiers back from (n, m) and appends the edits in forward order.
    private static func backtrack(trace: [[Int32]], d finalD: Int, n: Int, m: Int, into script: inout EditScript) {
        var x = n, y = m
        var reversed: [(EditScript.Kind, Int)] = []
        for d in stride(from: finalD, to: 0, by: -1) {
            // trace[d] is the frontier as round d found it (round d-1's values), indexed by k + d.
            let previous = trace[d]
            func value(_ k: Int) -> Int { Int(previous[k + d]) }
            let k = x - y
            let previousK = (k == -d || (k != d && value(k - 1) < value(k + 1))) ? k + 1 : k - 1
            let previousX = value(previousK)
            let previousY = previousX - previousK
            // Diagonal (equal) run back to the end of the edit.
            let startX = previousK == k + 1 ? previousX : previousX + 1
            reversed.append((.equal, x - startX))
            reversed.append(previousK == k + 1 ? (.insert, 1) : (.delete, 1))
            x = previousX
            y = previousY
        }
        reversed.append((.equal, x))
        for (kind, count) in reversed.reversed() { script.append(kind, count) }
    }
}
