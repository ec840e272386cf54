import Foundation

/// A dataset whose every text field holds hostile values, written as a test fixture.
enum HostileDataset {
    /// A YAML double-quoted scalar for any text: `\` and `"` escaped, every control character
    /// as `\xHH`, line and paragraph separators as `\L` and `\P`.
    static func quoted(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": output += "\\\\"
            case "\"": output += "\\\""
            case "\u{2028}": output += "\\L"
            case "\u{2029}": output += "\\P"
            case "\u{FEFF}": output += "\\uFEFF"
            case "\u{FFFE}", "\u{FFFF}": output += "\\u" + String(scalar.value, radix: 16, uppercase: true)
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value):
                let hex = String(scalar.value, radix: 16, uppercase: true)
                output += "\\x" + (hex.count == 1 ? "0" : "") + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output + "\""
    }

    static func csvField(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Writes the dataset and returns its folder.
    static func write(values: [String] = HostileValues.all, links: [String] = HostileValues.links) throws -> String {
        let root = try TestPaths.temporaryFolder("hostile")
        func write(_ path: String, _ text: String) throws {
            let full = root + "/" + path
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: full))
        }
        let indices = values.indices
        try write("sources.yaml", indices.map { i in
            """
            - id: s-\(i)
              title: \(quoted(values[i]))
              publisher: \(quoted(values[(i + 1) % values.count]))
              url: \(quoted(links[i % links.count]))
              archived: \(quoted(links[(i + 1) % links.count]))
              date: 2013-06-\(10 + i % 18)
            """
        }.joined(separator: "\n") + "\n")
        try write("claims.yaml", indices.map { i in
            "- id: c-\(i)\n  label: \(quoted(values[i]))\n  description: \(quoted(values[(i + 2) % values.count]))"
        }.joined(separator: "\n") + "\n")
        try write("companies/hostile.yaml", """
            id: hostile
            name: \(quoted(values[0]))
            aliases: [\(indices.map { quoted(values[$0]) }.joined(separator: ", "))]
            homepage: \(quoted(links[0]))
            summary: \(quoted(values.joined(separator: "\n\n")))
            services:
            \(indices.map { i in
                """
                  - id: svc-\(i)
                    name: \(quoted(values[i]))
                    aliases: [\(quoted(values[(i + 3) % values.count]))]
                    owners:
                      - {owner: \(quoted(values[(i + 4) % values.count])), from: 2001-01-01, until: 2011-10-13, sources: [s-\(i)]}
                      - {owner: \(quoted(values[(i + 5) % values.count])), company: hostile, from: 2011-10-13, sources: [s-\(i)]}
                """
            }.joined(separator: "\n"))

            """)
        try write("statements/hostile.yaml", "company: hostile\nstatements:\n" + indices.map { i in
            """
              - id: st-\(i)
                date: 2013-06-\(10 + i % 18)
                speaker: \(quoted(values[(i + 1) % values.count]))
                kind: press-statement
                quote: \(quoted(values[i]))
                claims: [c-\(i), {claim: c-\((i + 1) % values.count), services: [svc-\(i)]}]
                answers: [e-\(i)]
                sources: [s-\(i)]
            """
        }.joined(separator: "\n") + "\n")
        for i in indices {
            try write("evidence/e-\(i).yaml", """
                id: e-\(i)
                date: 2013-07-\(10 + i % 18)
                title: \(quoted(values[i]))
                summary: \(quoted(values[(i + 6) % values.count]))
                program: \(quoted(values[(i + 7) % values.count]))
                companies: [hostile]
                services: [svc-\(i)]
                bears_on: [{claim: c-\(i), stance: \(["contradicts", "disputes", "qualifies", "supports"][i % 4]), reason: \(quoted(values[(i + 8) % values.count]))}]
                collection_starts: [{company: hostile, service: svc-\(i), date: 2009-01-\(10 + i % 18)}]
                sources: [s-\(i)]

                """)
            try write("events/ev-\(i).yaml", """
                id: ev-\(i)
                date: 2014-01-\(10 + i % 18)
                kind: \(["letter", "court-motion", "lawsuit", "settlement"][i % 4])
                title: \(quoted(values[(i + 9) % values.count]))
                summary: \(quoted(values[(i + 10) % values.count]))
                companies: [hostile]
                sources: [s-\(i)]

                """)
        }
        try write("requests/hostile.csv", "period,jurisdiction,process,published_as,measure,value,sources,note\n" + indices.map { i in
            "2013-H\(1 + i % 2),\(["US", "GB", "WORLD", "DE"][i % 4]),other,\(csvField(values[i])),requests,\(i * 7),s-\(i),\(csvField(values[(i + 1) % values.count]))"
        }.joined(separator: "\n") + "\n")
        try write("documents/hostile/policy/document.yaml", "title: \(quoted(values[0]))\nversions:\n" + indices.map { i in
            "  - {date: \(date(i)), sources: [s-\(i)]}"
        }.joined(separator: "\n") + "\n")
        for i in indices { try write("documents/hostile/policy/\(date(i)).md", values[i]) }
        return root
    }

    private static func date(_ index: Int) -> String {
        let day = index + 1
        return "2014-\(day <= 28 ? "01" : "02")-\(String(format: "%02d", day <= 28 ? day : day - 28))"
    }
}
