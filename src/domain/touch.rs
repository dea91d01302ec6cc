//! Touch gestures for the exhibits a visitor can turn and zoom: one finger
//! taps or orbits, two fingers pinch to zoom and drag to pan, a double tap
//! puts the view back. Fed with pointer downs, moves and ups (a mouse is
//! one more pointer), it reports what the visitor meant.

/// How far a finger may wander, in pixels, and still count as a tap.
pub const TAP_SLOP_PX: f32 = 12.0;
/// Longest press that still counts as a tap, s.
pub const TAP_MAX_S: f64 = 0.6;
/// Longest gap between the taps of a double tap, s.
pub const DOUBLE_TAP_S: f64 = 0.4;
/// Farthest apart the taps of a double tap may be, pixels.
pub const DOUBLE_TAP_PX: f32 = 48.0;

/// What the visitor did.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Gesture {
    /// A short touch that hardly moved, at this position.
    Tap(f32, f32),
    /// A second tap soon after and near the first.
    DoubleTap(f32, f32),
    /// One finger dragged by this many pixels.
    Orbit(f32, f32),
    /// Two fingers moved: their spread changed by the factor (> 1: apart,
    /// zoom in) and their midpoint moved by (dx, dy) pixels (pan).
    Pinch(f32, f32, f32),
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Finger {
    id: u64,
    x: f32,
    y: f32,
    start: (f32, f32),
    since_s: f64,
}

/// Turns pointer events into gestures.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TouchGestures {
    fingers: Vec<Finger>,
    /// Whether the current touch has become a drag (or had two fingers),
    /// so that lifting it is no tap.
    dragging: bool,
    last_tap: Option<(f64, f32, f32)>,
}

/// At most this many fingers are followed; more are ignored (a touch storm
/// from a palm or a child's whole hand must not confuse the view).
const MAX_FINGERS: usize = 2;

impl TouchGestures {
    /// A finger (or the mouse) `id` went down at (`x`, `y`) at `now_s`.
    pub fn down(&mut self, id: u64, x: f32, y: f32, now_s: f64) {
        if !(x.is_finite() && y.is_finite()) {
            return;
        }
        self.fingers.retain(|f| f.id != id);
        if self.fingers.len() >= MAX_FINGERS {
            return;
        }
        if !self.fingers.is_empty() {
            self.dragging = true;
        }
        self.fingers.push(Finger {
            id,
            x,
            y,
            start: (x, y),
            since_s: now_s,
        });
    }

    /// Pointer `id` moved to (`x`, `y`).
    pub fn moved(&mut self, id: u64, x: f32, y: f32) -> Option<Gesture> {
        if !(x.is_finite() && y.is_finite()) {
            return None;
        }
        let i = self.fingers.iter().position(|f| f.id == id)?;
        let before = self.fingers.clone();
        let f = &mut self.fingers[i];
        (f.x, f.y) = (x, y);
        if self.fingers.len() == 1 {
            let f = self.fingers[0];
            let (dx, dy) = (x - f.start.0, y - f.start.1);
            if !self.dragging && dx.hypot(dy) > TAP_SLOP_PX {
                self.dragging = true;
                // The first move of a drag includes the slop, so the view
                // follows the finger from where it went down.
                return Some(Gesture::Orbit(dx, dy));
            }
            let (px, py) = (before[0].x, before[0].y);
            return self.dragging.then_some(Gesture::Orbit(x - px, y - py));
        }
        let (a0, b0) = (before[0], before[1]);
        let (a1, b1) = (self.fingers[0], self.fingers[1]);
        let d0 = (a0.x - b0.x).hypot(a0.y - b0.y);
        let d1 = (a1.x - b1.x).hypot(a1.y - b1.y);
        let (mx0, my0) = ((a0.x + b0.x) / 2.0, (a0.y + b0.y) / 2.0);
        let (mx1, my1) = ((a1.x + b1.x) / 2.0, (a1.y + b1.y) / 2.0);
        let scale = if d0 > 1.0 && d1 > 1.0 { d1 / d0 } else { 1.0 };
        Some(Gesture::Pinch(scale, mx1 - mx0, my1 - my0))
    }

    /// Pointer `id` came up at `now_s`: a tap or double tap if it was one.
    pub fn up(&mut self, id: u64, now_s: f64) -> Option<Gesture> {
        let i = self.fingers.iter().position(|f| f.id == id)?;
        let f = self.fingers.remove(i);
        if !self.fingers.is_empty() {
            // The remaining finger carries on from where it is now.
            for g in &mut self.fingers {
                g.start = (g.x, g.y);
            }
            return None;
        }
        let was_drag = std::mem::take(&mut self.dragging);
        if was_drag || now_s - f.since_s > TAP_MAX_S {
            return None;
        }
        let (x, y) = f.start;
        if let Some((t, lx, ly)) = self.last_tap
            && now_s - t <= DOUBLE_TAP_S
            && (x - lx).hypot(y - ly) <= DOUBLE_TAP_PX
        {
            self.last_tap = None;
            return Some(Gesture::DoubleTap(x, y));
        }
        self.last_tap = Some((now_s, x, y));
        Some(Gesture::Tap(x, y))
    }

    /// Forgets every finger (the screen changed or the hall reset).
    pub fn clear(&mut self) {
        *self = Self::default();
    }

    /// Fingers currently followed.
    pub fn fingers(&self) -> usize {
        self.fingers.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_still_touch_is_a_tap_and_two_make_a_double_tap() {
        let mut g = TouchGestures::default();
        g.down(1, 100.0, 100.0, 0.0);
        assert_eq!(g.moved(1, 104.0, 103.0), None);
        assert_eq!(g.up(1, 0.1), Some(Gesture::Tap(100.0, 100.0)));
        g.down(2, 110.0, 95.0, 0.3);
        assert_eq!(g.up(2, 0.35), Some(Gesture::DoubleTap(110.0, 95.0)));
        // A third tap starts afresh.
        g.down(3, 110.0, 95.0, 0.5);
        assert_eq!(g.up(3, 0.55), Some(Gesture::Tap(110.0, 95.0)));
        // Too late or too far for a double tap.
        g.down(4, 110.0, 95.0, 1.5);
        assert_eq!(g.up(4, 1.55), Some(Gesture::Tap(110.0, 95.0)));
        g.down(5, 300.0, 95.0, 1.6);
        assert_eq!(g.up(5, 1.65), Some(Gesture::Tap(300.0, 95.0)));
        // A long press is no tap.
        g.down(6, 0.0, 0.0, 5.0);
        assert_eq!(g.up(6, 6.0), None);
    }

    #[test]
    fn one_finger_drag_orbits_by_the_distance_moved() {
        let mut g = TouchGestures::default();
        g.down(1, 0.0, 0.0, 0.0);
        assert_eq!(g.moved(1, 5.0, 0.0), None);
        assert_eq!(g.moved(1, 20.0, 0.0), Some(Gesture::Orbit(20.0, 0.0)));
        assert_eq!(g.moved(1, 25.0, -3.0), Some(Gesture::Orbit(5.0, -3.0)));
        assert_eq!(g.up(1, 0.2), None, "a drag is no tap");
    }

    #[test]
    fn two_fingers_pinch_and_pan() {
        let mut g = TouchGestures::default();
        g.down(1, 100.0, 100.0, 0.0);
        g.down(2, 200.0, 100.0, 0.0);
        assert_eq!(
            g.moved(2, 300.0, 100.0),
            Some(Gesture::Pinch(2.0, 50.0, 0.0))
        );
        // Both fingers slide 20 px right, one after the other: no net zoom,
        // the midpoint pans 20 px.
        let (mut zoom, mut pan) = (1.0, 0.0);
        for (id, x) in [(1, 120.0), (2, 320.0)] {
            let Some(Gesture::Pinch(s, dx, dy)) = g.moved(id, x, 100.0) else {
                panic!("expected a pinch");
            };
            assert_eq!(dy, 0.0);
            (zoom, pan) = (zoom * s, pan + dx);
        }
        assert!((zoom - 1.0f32).abs() < 1e-5 && (pan - 20.0f32).abs() < 1e-4);
        // Lifting one finger: the other orbits from where it is, no jump.
        assert_eq!(g.up(1, 0.3), None);
        assert_eq!(g.moved(2, 325.0, 100.0), Some(Gesture::Orbit(5.0, 0.0)));
        assert_eq!(g.up(2, 0.4), None);
    }

    #[test]
    fn a_third_finger_and_unknown_pointers_are_ignored() {
        let mut g = TouchGestures::default();
        g.down(1, 0.0, 0.0, 0.0);
        g.down(2, 50.0, 0.0, 0.0);
        g.down(3, 90.0, 0.0, 0.0);
        assert_eq!(g.fingers(), 2);
        assert_eq!(g.moved(3, 10.0, 10.0), None);
        assert_eq!(g.up(3, 0.1), None);
        assert_eq!(g.moved(9, f32::NAN, 1.0), None);
        g.down(7, f32::INFINITY, 0.0, 0.0);
        assert_eq!(g.fingers(), 2);
        g.clear();
        assert_eq!(g.fingers(), 0);
    }
}
