/// Lists shown a page at a time, counted from 1. The highest page number lies past any real list
/// and keeps the row offset far from overflowing: a number typed into the URL is refused or shown
/// as an empty page, never a crash.
enum Paging {
    static let pages = 1...1_000_000
}
