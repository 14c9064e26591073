/// What typed text may hold. Tabs and line breaks belong in a note; any other control character
/// (NUL above all, which PostgreSQL refuses and SQLite cuts the text short at) is never typed by a
/// person and is refused, so that what is stored is what was written.
public enum PlainText {
    /// The first character `text` may not hold, if any.
    public static func forbiddenCharacter(in text: String) -> Unicode.Scalar? {
        text.unicodeScalars.first { scalar in
            switch scalar.value {
            case 0x09, 0x0A, 0x0D: false
            case 0x00...0x1F, 0x7F...0x9F: true
            default: false
            }
        }
    }

    /// How a forbidden character is named in a message: its code point, as it cannot be shown.
    public static func name(of scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
