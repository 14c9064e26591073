/// A number in a message as a person reads it: a whole number (a count of observations, a 0/1
/// value) without a decimal point, anything else (the sum of fractional weights) as it is.
public enum PlainNumber {
    public static func text(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// An estimate, a rate or a score in a report, to a fixed number of decimals.
    public static func fixed(_ value: Double, digits: Int = 3) -> String {
        String(format: "%.\(digits)f", value)
    }
}
