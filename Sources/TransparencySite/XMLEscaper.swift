import TransparencyRender

/// Escapes text for XML content and attribute values. The HTML escaper's output is valid XML
/// too (`&#39;` is a numeric reference), and it replaces the same `UnsafeCharacters`, so the feeds
/// use it: one rule for every markup the site writes.
public enum XMLEscaper {
    public static func escape(_ text: String) -> String { HTMLEscaper.escape(text) }
}
