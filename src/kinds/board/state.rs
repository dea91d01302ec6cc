//! Which panel of a board is expanded. One at a time, so that a board
//! never grows into a wall of text.

/// The expanded panel, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct BoardState {
    expanded: Option<usize>,
}

impl BoardState {
    /// The panel shown expanded.
    pub fn expanded(&self) -> Option<usize> {
        self.expanded
    }

    /// A tap on panel `i`: opens it, or closes it when it was open.
    pub fn tap(&mut self, i: usize) {
        self.expanded = if self.expanded == Some(i) {
            None
        } else {
            Some(i)
        };
    }

    /// Closes the expanded panel.
    pub fn close(&mut self) {
        self.expanded = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tap_toggles_one_panel_at_a_time() {
        let mut s = BoardState::default();
        s.tap(2);
        assert_eq!(s.expanded(), Some(2));
        s.tap(1);
        assert_eq!(s.expanded(), Some(1));
        s.tap(1);
        assert_eq!(s.expanded(), None);
        s.tap(0);
        s.close();
        assert_eq!(s.expanded(), None);
    }
}
