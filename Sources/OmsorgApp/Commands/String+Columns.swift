/// Columns of the commands' tables, in a terminal's fixed-width type.
extension String {
    /// Filled out with spaces on the right to `width`; longer text is left whole.
    func padded(_ width: Int) -> String { padding(toLength: max(width, count), withPad: " ", startingAt: 0) }

    /// Filled out with spaces on the left to `width`, as numbers line up.
    func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
