//! The scenes' pictures, drawn by the project: a classroom, a living room,
//! a corridor high in a building, a street and a road, each with a child
//! who stands alarmed while the ground shakes and, once the safe answer is
//! chosen, does it (under the desk, under the table, down by an inner
//! wall, out in the open square, the car stopped at the roadside short of
//! the overpass).

use super::quiz::Setting;
use crate::domain::draw::Canvas;
use crate::domain::draw::canvas::Rgba;

/// The picture's size, pixels.
pub const PICTURE: (u32, u32) = (640, 480);

const INK: Rgba = Rgba::hex(0x10202e);
const SKIN: Rgba = Rgba::hex(0xf2c29b);
const SHIRT: Rgba = Rgba::hex(0xe86a33);
const TROUSERS: Rgba = Rgba::hex(0x2f5d8a);
const WOOD: Rgba = Rgba::hex(0xa8733f);
const WOOD_DARK: Rgba = Rgba::hex(0x7a5230);
const GLASS: Rgba = Rgba::hex(0x9ccdf0);
const WALL: Rgba = Rgba::hex(0xf1e6d0);
const FLOOR: Rgba = Rgba::hex(0xc9a77c);

/// A child standing with arms up (alarmed) at (`x`, feet at `y`).
fn child_standing(c: &mut Canvas, x: f32, y: f32, s: f32) {
    c.stroke(&[(x - 8.0 * s, y), (x - 6.0 * s, y - 34.0 * s)], 9.0 * s, TROUSERS);
    c.stroke(&[(x + 8.0 * s, y), (x + 6.0 * s, y - 34.0 * s)], 9.0 * s, TROUSERS);
    c.fill_rect(x - 15.0 * s, y - 76.0 * s, 30.0 * s, 44.0 * s, SHIRT);
    c.stroke(&[(x - 14.0 * s, y - 70.0 * s), (x - 30.0 * s, y - 98.0 * s)], 7.0 * s, SKIN);
    c.stroke(&[(x + 14.0 * s, y - 70.0 * s), (x + 30.0 * s, y - 98.0 * s)], 7.0 * s, SKIN);
    c.fill_circle(x, y - 92.0 * s, 15.0 * s, SKIN);
    c.fill_rect(x - 15.0 * s, y - 108.0 * s, 30.0 * s, 9.0 * s, INK);
    // Wide eyes and an open mouth.
    c.fill_circle(x - 5.0 * s, y - 93.0 * s, 2.5 * s, INK);
    c.fill_circle(x + 5.0 * s, y - 93.0 * s, 2.5 * s, INK);
    c.fill_circle(x, y - 84.0 * s, 3.0 * s, INK);
}

/// A child down on hands and knees, one arm over the head (drop, cover,
/// hold on), at (`x`, knees at `y`).
fn child_covering(c: &mut Canvas, x: f32, y: f32, s: f32) {
    c.fill_rect(x - 22.0 * s, y - 12.0 * s, 30.0 * s, 12.0 * s, TROUSERS);
    c.fill_rect(x - 10.0 * s, y - 34.0 * s, 34.0 * s, 24.0 * s, SHIRT);
    c.fill_circle(x + 30.0 * s, y - 26.0 * s, 13.0 * s, SKIN);
    c.fill_rect(x + 18.0 * s, y - 40.0 * s, 26.0 * s, 8.0 * s, INK);
    // The arm over the head and the hand holding on below.
    c.stroke(&[(x + 14.0 * s, y - 32.0 * s), (x + 30.0 * s, y - 42.0 * s), (x + 42.0 * s, y - 34.0 * s)], 6.0 * s, SKIN);
    c.stroke(&[(x + 16.0 * s, y - 14.0 * s), (x + 34.0 * s, y - 2.0 * s)], 6.0 * s, SKIN);
}

/// The child: covering at `safe_at` (x, knees, scale) once safe, else
/// standing alarmed at `standing_at` (x, feet, scale) with shake marks at
/// height `marks_y` while the ground jolts.
fn child(c: &mut Canvas, safe: bool, jolt: f32, safe_at: (f32, f32, f32), standing_at: (f32, f32, f32), marks_y: f32) {
    if safe {
        child_covering(c, safe_at.0, safe_at.1, safe_at.2);
    } else {
        child_standing(c, standing_at.0, standing_at.1, standing_at.2);
        if jolt != 0.0 {
            shake_marks(c, standing_at.0, marks_y, 40.0);
        }
    }
}

/// Little lines either side of something that shakes.
fn shake_marks(c: &mut Canvas, x: f32, y: f32, w: f32) {
    for side in [-1.0f32, 1.0] {
        for k in 0..3 {
            let dx = side * (w / 2.0 + 8.0 + 7.0 * k as f32);
            c.stroke(&[(x + dx, y - 12.0 + 4.0 * k as f32), (x + dx, y + 12.0 - 4.0 * k as f32)], 3.0, INK.alpha(160));
        }
    }
}

fn window(c: &mut Canvas, x: f32, y: f32, w: f32, h: f32) {
    c.fill_rect(x - 5.0, y - 5.0, w + 10.0, h + 10.0, Rgba::hex(0xffffff));
    c.fill_rect(x, y, w, h, GLASS);
    c.fill_rect(x + w / 2.0 - 2.0, y, 4.0, h, Rgba::hex(0xffffff));
    c.fill_rect(x, y + h / 2.0 - 2.0, w, 4.0, Rgba::hex(0xffffff));
}

fn desk(c: &mut Canvas, x: f32, y: f32, w: f32) {
    c.fill_rect(x, y, w, 12.0, WOOD);
    c.fill_rect(x + 6.0, y + 12.0, 9.0, 62.0, WOOD_DARK);
    c.fill_rect(x + w - 15.0, y + 12.0, 9.0, 62.0, WOOD_DARK);
}

fn building(c: &mut Canvas, x: f32, ground: f32, w: f32, h: f32, colour: Rgba) {
    c.fill_rect(x, ground - h, w, h, colour);
    let mut y = ground - h + 14.0;
    while y < ground - 30.0 {
        let mut wx = x + 10.0;
        while wx < x + w - 22.0 {
            c.fill_rect(wx, y, 14.0, 18.0, GLASS.alpha(220));
            wx += 26.0;
        }
        y += 30.0;
    }
}

/// Draws `setting`'s picture into `c` (of [`PICTURE`] size): shifted by
/// `jolt` pixels while the ground shakes; `safe` shows the child doing
/// the safe thing.
pub fn draw(c: &mut Canvas, setting: Setting, jolt: f32, safe: bool) {
    let (w, h) = (PICTURE.0 as f32, PICTURE.1 as f32);
    let j = jolt;
    match setting {
        Setting::School => {
            c.clear(WALL);
            c.fill_rect(0.0, 360.0, w, h - 360.0, FLOOR);
            window(c, 30.0 + j, 70.0, 150.0, 170.0);
            c.fill_rect(230.0 + j, 60.0, 260.0, 130.0, Rgba::hex(0x2d5a3d));
            c.fill_rect(236.0 + j, 66.0, 248.0, 118.0, Rgba::hex(0x356b48));
            c.fill_rect(540.0 + j, 150.0, 80.0, 210.0, WOOD_DARK);
            for x in [60.0, 250.0, 440.0] {
                desk(c, x + j, 286.0, 150.0);
            }
            child(c, safe, jolt, (300.0 + j, 360.0, 1.1), (200.0 + j, 420.0, 1.2), 360.0);
        }
        Setting::Home => {
            c.clear(Rgba::hex(0xe7efe3));
            c.fill_rect(0.0, 360.0, w, h - 360.0, Rgba::hex(0xb98f61));
            window(c, 40.0 + j, 80.0, 140.0, 150.0);
            // A tall bookcase that could topple.
            c.fill_rect(480.0 + j, 90.0, 120.0, 270.0, WOOD_DARK);
            for (k, y) in [110.0f32, 170.0, 230.0, 290.0].iter().enumerate() {
                c.fill_rect(490.0 + j, *y, 100.0, 6.0, WOOD);
                for b in 0..5 {
                    let col = [Rgba::hex(0xd64545), Rgba::hex(0x3f7fbf), Rgba::hex(0xe0b020), Rgba::hex(0x4caf6a)][(b + k) % 4];
                    c.fill_rect(494.0 + j + b as f32 * 19.0, *y - 44.0, 15.0, 44.0, col);
                }
            }
            // A sturdy table.
            c.fill_rect(220.0 + j, 270.0, 220.0, 16.0, WOOD);
            c.fill_rect(230.0 + j, 286.0, 14.0, 74.0, WOOD_DARK);
            c.fill_rect(416.0 + j, 286.0, 14.0, 74.0, WOOD_DARK);
            // A lamp that swings.
            c.stroke(&[(330.0, 0.0), (330.0 + 2.0 * j, 60.0)], 3.0, INK);
            c.fill_polygon(&[(310.0 + 2.0 * j, 80.0), (350.0 + 2.0 * j, 80.0), (340.0 + 2.0 * j, 60.0), (320.0 + 2.0 * j, 60.0)], Rgba::hex(0xf4d35e));
            child(c, safe, jolt, (300.0 + j, 360.0, 1.1), (160.0 + j, 420.0, 1.2), 360.0);
        }
        Setting::HighBuilding => {
            c.clear(Rgba::hex(0xdfe3ea));
            c.fill_rect(0.0, 370.0, w, h - 370.0, Rgba::hex(0x9aa3ad));
            // The lift, its doors and its buttons.
            c.fill_rect(40.0 + j, 120.0, 150.0, 250.0, Rgba::hex(0x8e99a4));
            c.fill_rect(50.0 + j, 130.0, 63.0, 240.0, Rgba::hex(0xc2cad2));
            c.fill_rect(117.0 + j, 130.0, 63.0, 240.0, Rgba::hex(0xc2cad2));
            c.fill_circle(205.0 + j, 230.0, 8.0, Rgba::hex(0xe6e6e6));
            c.fill_polygon(&[(200.0 + j, 233.0), (210.0 + j, 233.0), (205.0 + j, 225.0)], INK);
            // A big window with the city far below.
            window(c, 250.0 + j, 80.0, 170.0, 200.0);
            c.fill_rect(260.0 + j, 220.0, 30.0, 60.0, Rgba::hex(0x7d8b99));
            c.fill_rect(300.0 + j, 200.0, 40.0, 80.0, Rgba::hex(0x6c7a88));
            c.fill_rect(350.0 + j, 235.0, 50.0, 45.0, Rgba::hex(0x7d8b99));
            // The inner wall's corner, and the stairs' green sign.
            c.fill_rect(520.0 + j, 60.0, 120.0, 310.0, Rgba::hex(0xc8ccd4));
            c.fill_rect(540.0 + j, 80.0, 80.0, 30.0, Rgba::hex(0x2e9e5b));
            c.fill_polygon(&[(552.0 + j, 100.0), (566.0 + j, 88.0), (566.0 + j, 100.0)], Rgba::hex(0xffffff));
            child(c, safe, jolt, (540.0 + j, 370.0, 1.0), (220.0 + j, 430.0, 1.2), 370.0);
        }
        Setting::Outdoors => {
            c.gradient_rect(0.0, 0.0, w, 330.0, Rgba::hex(0x8ec9f0), Rgba::hex(0xd9efff));
            c.fill_rect(0.0, 330.0, w, h - 330.0, Rgba::hex(0x9a9a92));
            // An open square, grass and sky all round.
            c.fill_rect(250.0, 330.0, 380.0, 150.0, Rgba::hex(0x79b85a));
            building(c, 10.0 + j, 330.0, 150.0, 290.0, Rgba::hex(0xb87a5c));
            building(c, 150.0 + j, 330.0, 90.0, 210.0, Rgba::hex(0x9d8a6e));
            // A power pole with wires, and a billboard.
            c.fill_rect(262.0 + j, 120.0, 10.0, 210.0, WOOD_DARK);
            c.fill_rect(236.0 + j, 130.0, 62.0, 8.0, WOOD_DARK);
            c.stroke(&[(240.0 + j, 132.0), (640.0, 170.0)], 2.0, INK);
            c.stroke(&[(294.0 + j, 132.0), (640.0, 150.0)], 2.0, INK);
            c.fill_rect(170.0 + j, 150.0, 60.0, 50.0, Rgba::hex(0xf4d35e));
            child(c, safe, jolt, (470.0, 440.0, 1.1), (200.0 + j, 440.0, 1.2), 380.0);
        }
        Setting::Car => {
            c.gradient_rect(0.0, 0.0, w, 300.0, Rgba::hex(0x8ec9f0), Rgba::hex(0xd9efff));
            c.fill_rect(0.0, 300.0, w, h - 300.0, Rgba::hex(0x6f7b62));
            c.fill_rect(0.0, 340.0, w, 90.0, Rgba::hex(0x4a4f55));
            for k in 0..8 {
                c.fill_rect(20.0 + 90.0 * k as f32, 382.0, 50.0, 6.0, Rgba::hex(0xf0f0f0));
            }
            // The overpass ahead.
            c.fill_rect(420.0 + j, 190.0, 220.0, 34.0, Rgba::hex(0xa8a8a0));
            c.fill_rect(450.0 + j, 224.0, 26.0, 120.0, Rgba::hex(0x8f8f88));
            c.fill_rect(590.0 + j, 224.0, 26.0, 120.0, Rgba::hex(0x8f8f88));
            // The car: stopped at the roadside short of the bridge when safe.
            let (x, y) = if safe { (170.0, 318.0) } else { (320.0 + j, 350.0) };
            c.fill_rect(x, y, 170.0, 44.0, Rgba::hex(0x2f7fd0));
            c.fill_polygon(&[(x + 30.0, y), (x + 140.0, y), (x + 118.0, y - 34.0), (x + 50.0, y - 34.0)], Rgba::hex(0x2f7fd0));
            c.fill_polygon(&[(x + 42.0, y - 3.0), (x + 82.0, y - 3.0), (x + 82.0, y - 29.0), (x + 54.0, y - 29.0)], GLASS);
            c.fill_polygon(&[(x + 88.0, y - 3.0), (x + 130.0, y - 3.0), (x + 114.0, y - 29.0), (x + 88.0, y - 29.0)], GLASS);
            c.fill_circle(x + 40.0, y + 44.0, 17.0, INK);
            c.fill_circle(x + 130.0, y + 44.0, 17.0, INK);
            if safe {
                // Hazard lights.
                c.fill_circle(x + 4.0, y + 12.0, 7.0, Rgba::hex(0xffb000));
                c.fill_circle(x + 166.0, y + 12.0, 7.0, Rgba::hex(0xffb000));
            } else if jolt != 0.0 {
                shake_marks(c, x + 85.0, y + 20.0, 190.0);
            }
        }
    }
}
