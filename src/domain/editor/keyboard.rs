//! The editor's on-screen keyboard for a kiosk without one: letters,
//! digits and punctuation (Chinese punctuation too), each key a 64 px
//! target. Chinese characters come from an attached keyboard's input
//! method or a paste; the keyboard types into the text box last touched.

/// One key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// Types a character.
    Char(char),
    /// Deletes the last character.
    Backspace,
    /// Types a space.
    Space,
    /// Capitals for the next letter.
    Shift,
    /// Switches between letters and digits with punctuation.
    Layer,
    /// Closes the keyboard.
    Done,
}

impl Key {
    /// What the key shows.
    pub fn face(&self, kb: &Keyboard) -> String {
        match self {
            Key::Char(c) if kb.shift => c.to_uppercase().collect(),
            Key::Char(c) => c.to_string(),
            Key::Backspace => "←".into(),
            Key::Space => "␣".into(),
            Key::Shift => "⇧".into(),
            Key::Layer if kb.digits => "ABC".into(),
            Key::Layer => "123".into(),
            Key::Done => "✓".into(),
        }
    }
}

/// The keyboard's state: which layer, shift.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Keyboard {
    /// Capitals for the next letter.
    pub shift: bool,
    /// The digits and punctuation layer is shown.
    pub digits: bool,
}

const LETTERS: [&str; 3] = ["qwertyuiop", "asdfghjkl'", "zxcvbnm,.-"];
const DIGITS: [&str; 3] = ["1234567890", "()/:;!?\"%+", "，。、：“”？！·="];

impl Keyboard {
    /// The rows of keys now shown.
    pub fn rows(&self) -> Vec<Vec<Key>> {
        let chars = if self.digits { DIGITS } else { LETTERS };
        let mut rows: Vec<Vec<Key>> = chars
            .iter()
            .map(|r| r.chars().map(Key::Char).collect())
            .collect();
        rows.push(vec![
            Key::Layer,
            Key::Shift,
            Key::Space,
            Key::Backspace,
            Key::Done,
        ]);
        rows
    }

    /// Presses `key` on `text`; returns false when the keyboard closes.
    pub fn press(&mut self, key: Key, text: &mut String) -> bool {
        match key {
            Key::Char(c) => {
                if self.shift {
                    text.extend(c.to_uppercase());
                    self.shift = false;
                } else {
                    text.push(c);
                }
            }
            Key::Space => text.push(' '),
            Key::Backspace => {
                text.pop();
            }
            Key::Shift => self.shift = !self.shift,
            Key::Layer => self.digits = !self.digits,
            Key::Done => return false,
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_type_capitals_digits_and_chinese_punctuation() {
        let mut kb = Keyboard::default();
        let mut s = String::from("地震台");
        for k in [Key::Shift, Key::Char('o'), Key::Char('k'), Key::Space] {
            assert!(kb.press(k, &mut s));
        }
        kb.press(Key::Layer, &mut s);
        assert!(kb.rows()[2].contains(&Key::Char('。')));
        kb.press(Key::Char('1'), &mut s);
        kb.press(Key::Char('。'), &mut s);
        assert_eq!(s, "地震台Ok 1。");
        kb.press(Key::Backspace, &mut s);
        kb.press(Key::Backspace, &mut s);
        kb.press(Key::Backspace, &mut s);
        assert_eq!(s, "地震台Ok");
        assert!(!kb.press(Key::Done, &mut s));
        assert!(
            kb.rows().iter().all(|r| r.len() <= 10),
            "ten keys of 64 px fit a half screen"
        );
    }
}
