import Foundation

/// A generated dataset for the build benchmark: N companies, each with 40 half-years × 50
/// countries × 5 legal processes of figures (10,000 rows), 20 statements, and 3 documents of 10
/// versions. Deterministic.
enum SyntheticDataset {
    static let countries = ["AR", "AT", "AU", "BE", "BR", "CA", "CH", "CL", "CN", "CO", "CZ", "DE", "DK", "EG", "ES",
                            "FI", "FR", "GB", "GR", "HK", "HU", "ID", "IE", "IL", "IN", "IT", "JP", "KE", "KR", "MX",
                            "MY", "NG", "NL", "NO", "NZ", "PE", "PH", "PK", "PL", "PT", "RO", "RU", "SE", "SG", "TH",
                            "TR", "TW", "UA", "US", "ZA"]
    static let processes = ["subpoena", "search-warrant", "court-order", "emergency", "other"]
    static let words = ["government", "access", "data", "request", "lawful", "order", "customer", "account", "provide",
                        "direct", "servers", "program", "national", "security", "transparency", "report", "privacy",
                        "warrant", "content", "disclose"]

    static func write(companies: Int, to root: String) throws {
        let manager = FileManager.default
        try? manager.removeItem(atPath: root)
        for folder in ["companies", "statements", "requests", "documents", "evidence"] {
            try manager.createDirectory(atPath: "\(root)/\(folder)", withIntermediateDirectories: true)
        }
        var sources = ""
        for index in 0..<companies {
            sources += "- id: report-\(index)\n  title: Transparency report of Company \(index)\n  publisher: Company \(index)\n  url: https://example.org/c\(index)/report\n  date: 2020-01-01\n"
        }
        try sources.write(toFile: "\(root)/sources.yaml", atomically: false, encoding: .utf8)
        try (0..<5).map { "- id: claim-\($0)\n  label: Claim number \($0)\n" }.joined()
            .write(toFile: "\(root)/claims.yaml", atomically: false, encoding: .utf8)
        var state: UInt64 = 1
        func random(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33) % bound
        }
        for index in 0..<companies {
            let id = "c\(index)"
            try "id: \(id)\nname: Company \(index)\nservices:\n  - id: \(id)-mail\n    name: Mail \(index)\n"
                .write(toFile: "\(root)/companies/\(id).yaml", atomically: false, encoding: .utf8)
            var statements = "company: \(id)\nstatements:\n"
            for number in 0..<20 {
                let quote = (0..<30).map { _ in words[random(words.count)] }.joined(separator: " ")
                statements += "  - id: \(id)-s\(number)\n    date: 20\(10 + number / 2)-0\(1 + number % 9)-1\(number % 9)\n    kind: press-statement\n    quote: \(quote)\n    claims: [claim-\(number % 5)]\n    sources: [report-\(index)]\n"
            }
            try statements.write(toFile: "\(root)/statements/\(id).yaml", atomically: false, encoding: .utf8)
            var csv = "period,jurisdiction,process,measure,value,sources\n"
            csv.reserveCapacity(10_000 * 60)
            for half in 0..<40 {
                let period = "\(1990 + half / 2)-H\(half % 2 + 1)"
                for country in countries {
                    for process in processes {
                        csv += "\(period),\(country),\(process),requests,\(random(5000)),report-\(index)\n"
                    }
                }
            }
            try csv.write(toFile: "\(root)/requests/\(id).csv", atomically: false, encoding: .utf8)
            for document in 0..<3 {
                let folder = "\(root)/documents/\(id)/policy-\(document)"
                try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
                var listing = "title: Policy \(document) of Company \(index)\nversions:\n"
                var text = (0..<12).map { _ in (0..<25).map { _ in words[random(words.count)] }.joined(separator: " ") }
                for version in 0..<10 {
                    let date = "2015-\(version < 9 ? "0" : "")\(version + 1)-01"
                    listing += "  - {date: \(date), sources: [report-\(index)]}\n"
                    text[random(text.count)] = (0..<25).map { _ in words[random(words.count)] }.joined(separator: " ")
                    try text.joined(separator: "\n\n").write(toFile: "\(folder)/\(date).md", atomically: false, encoding: .utf8)
                }
                try listing.write(toFile: "\(folder)/document.yaml", atomically: false, encoding: .utf8)
            }
        }
    }
}
