//! Page turning of an `Ebook`: taps on the arrows or a horizontal swipe.

/// A swipe must travel at least this share of the page width (or
/// [`MIN_SWIPE_PX`], whichever is larger) to turn a page, so that a child's
/// wobbly tap is not a swipe.
pub const SWIPE_FRACTION: f32 = 0.12;
/// Shortest swipe that turns a page, in logical pixels.
pub const MIN_SWIPE_PX: f32 = 60.0;

/// Which page of how many is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Book {
    page: usize,
    pages: usize,
}

impl Book {
    /// A book of `pages` pages, open at the first.
    pub fn new(pages: usize) -> Self {
        Self { page: 0, pages }
    }

    /// The open page, from 0.
    pub fn page(&self) -> usize {
        self.page
    }

    /// Number of pages.
    pub fn pages(&self) -> usize {
        self.pages
    }

    /// Turns to the next page; false at the last page.
    pub fn next_page(&mut self) -> bool {
        if self.page + 1 < self.pages {
            self.page += 1;
            true
        } else {
            false
        }
    }

    /// Turns to the previous page; false at the first page.
    pub fn previous_page(&mut self) -> bool {
        if self.page > 0 {
            self.page -= 1;
            true
        } else {
            false
        }
    }

    /// Opens page `page` (clamped to the book).
    pub fn go_to(&mut self, page: usize) {
        self.page = page.min(self.pages.saturating_sub(1));
    }

    /// A finished horizontal drag of `dx` pixels on a page `width` wide:
    /// right-to-left (negative) turns forward, left-to-right turns back.
    /// Returns whether the page changed.
    pub fn swipe(&mut self, dx: f32, dy: f32, width: f32) -> bool {
        let threshold = (width * SWIPE_FRACTION).max(MIN_SWIPE_PX);
        if !dx.is_finite() || dx.abs() < threshold || dy.abs() > dx.abs() {
            return false;
        }
        if dx < 0.0 {
            self.next_page()
        } else {
            self.previous_page()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn turns_within_bounds() {
        let mut b = Book::new(3);
        assert!(!b.previous_page());
        assert!(b.next_page() && b.next_page());
        assert!(!b.next_page());
        assert_eq!(b.page(), 2);
        b.go_to(99);
        assert_eq!(b.page(), 2);
    }

    #[test]
    fn swipes_need_distance_and_direction() {
        let mut b = Book::new(3);
        assert!(!b.swipe(-30.0, 0.0, 1280.0), "a wobble is not a swipe");
        assert!(
            !b.swipe(-200.0, 300.0, 1280.0),
            "a vertical drag is not a swipe"
        );
        assert!(b.swipe(-200.0, 10.0, 1280.0));
        assert_eq!(b.page(), 1);
        assert!(b.swipe(200.0, 0.0, 1280.0));
        assert_eq!(b.page(), 0);
        assert!(!b.swipe(f32::NAN, 0.0, 1280.0));
    }

    #[test]
    fn empty_book_is_safe() {
        let mut b = Book::new(0);
        assert!(!b.next_page() && !b.previous_page());
        b.go_to(3);
        assert_eq!(b.page(), 0);
    }
}
