/// How a row's key compares with the key of the row before.
enum KeyOrder {
    case before, same, after

    /// The order once the next part of the key, `old` then `new`, is compared: decided by the
    /// first part that differs.
    func then<Part: Comparable>(_ old: Part?, _ new: Part) -> KeyOrder {
        guard self == .same, let old, old != new else { return self }
        return old < new ? .after : .before
    }
}
