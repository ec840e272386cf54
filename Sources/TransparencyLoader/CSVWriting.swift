/// Writes CSV fields the way `CSVReader` reads them back.
public enum CSVWriting {
    /// Appends `field`, quoted when it holds a comma, a quote, a line break, or a space at either
    /// end, with quotes doubled.
    public static func appendField(_ field: String, to output: inout [UInt8]) {
        let bytes = field.utf8
        let needsQuotes = bytes.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
            || bytes.first == 0x20 || bytes.last == 0x20
        guard needsQuotes else {
            output += bytes
            return
        }
        output.append(0x22)
        for byte in bytes {
            if byte == 0x22 { output.append(0x22) }
            output.append(byte)
        }
        output.append(0x22)
    }
}
