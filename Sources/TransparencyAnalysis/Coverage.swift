import TransparencyModel

/// What an aggregate covers: where the requests came from, what they asked about, and whether
/// US national-security requests are counted in (the June 2013 rule let companies publish only
/// all US requests together, in bands of 1,000). Two aggregates are comparable only when their
/// coverage is alike (`isAlike`).
public struct Coverage: Hashable, Sendable, CustomStringConvertible {
    /// Where the counted requests came from.
    public enum Scope: Hashable, Sendable {
        /// The publisher's own worldwide figure.
        case worldwide
        /// A sum of the figures of this many countries (more than one).
        case countries(Int)
        /// One country only.
        case country(Jurisdiction)
    }

    public var scope: Scope
    public var subject: RequestSubject
    public var includesNationalSecurity: Bool

    public init(scope: Scope, subject: RequestSubject = .accounts, includesNationalSecurity: Bool = false) {
        self.scope = scope
        self.subject = subject
        self.includesNationalSecurity = includesNationalSecurity
    }

    /// Whether figures of the two coverages belong in one series or column: the same subject,
    /// national security counted in both or in neither, and the same scope (any number of
    /// countries is alike, since a sum of countries is what such a publisher gives every period).
    public func isAlike(_ other: Coverage) -> Bool {
        guard subject == other.subject, includesNationalSecurity == other.includesNationalSecurity else { return false }
        switch (scope, other.scope) {
        case (.worldwide, .worldwide), (.countries, .countries): return true
        case (.country(let a), .country(let b)): return a == b
        default: return false
        }
    }

    /// `worldwide, as published`, `sum of 63 countries, incl. US national security`, `United
    /// States only, incl. national security, accounts or devices`.
    public var label: String {
        var label: String
        switch scope {
        case .worldwide: label = "worldwide, as published"
        case .countries(let count): label = "sum of \(count) countries"
        case .country(let jurisdiction): label = "\(jurisdiction.name) only"
        }
        if includesNationalSecurity {
            // Only US requests were ever published combined (June 2013).
            label += scope == .country(Jurisdiction(code: "US")!) ? ", incl. national security" : ", incl. US national security"
        }
        if subject != .accounts { label += ", \(subject.rawValue.replacingOccurrences(of: "-", with: " "))" }
        return label
    }

    /// The label of a series of alike coverages: `sum of the countries published` for sums of
    /// countries, whose number changes from period to period.
    public var seriesLabel: String {
        guard case .countries = scope else { return label }
        var series = self
        series.scope = .worldwide
        return "sum of the countries published" + series.label.dropFirst("worldwide, as published".count)
    }

    /// `world:accounts:0`, `countries-63:accounts:0`, `US:accounts-or-devices:1`: no space, `|`,
    /// `;` or `,`, so that it fits in a summary's text (`SummaryCoding`).
    public var description: String {
        let scope = switch scope {
        case .worldwide: "world"
        case .countries(let count): "countries-\(count)"
        case .country(let jurisdiction): jurisdiction.code
        }
        return "\(scope):\(subject.rawValue):\(includesNationalSecurity ? 1 : 0)"
    }

    /// The coverage `description` wrote; nil for any other text.
    public init?(parsing text: some StringProtocol) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 3, let subject = RequestSubject(rawValue: String(parts[1])), parts[2] == "0" || parts[2] == "1" else { return nil }
        let scope: Scope
        if parts[0] == "world" {
            scope = .worldwide
        } else if parts[0].hasPrefix("countries-"), let count = Int(parts[0].dropFirst("countries-".count)), count > 1 {
            scope = .countries(count)
        } else if parts[0] != "WORLD", let jurisdiction = Jurisdiction(code: String(parts[0])) {
            scope = .country(jurisdiction)
        } else {
            return nil
        }
        self.init(scope: scope, subject: subject, includesNationalSecurity: parts[2] == "1")
    }
}
