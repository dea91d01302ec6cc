//! The card of "Make waves": waves from a deep earthquake spreading through
//! bedrock and trapped in a soft basin, computed by the same simulation the
//! exhibit runs.

use crate::domain::draw::canvas::{Canvas, Rgba};
use crate::domain::draw::{ILLUSTRATION_H as H, ILLUSTRATION_W as W};

/// The mark of the quake.
const RED: Rgba = Rgba::hex(0xc8412d);

/// The card picture.
pub fn make_waves() -> Canvas {
    use crate::domain::physics::tank::{Rock, SourceKind, WaveTank};
    let (nx, nz) = (192usize, 128usize);
    let rock = Rock {
        vp: 3000.0,
        vs: 1732.0,
        rho: 2500.0,
    };
    let soft = Rock {
        vp: 1200.0,
        vs: 450.0,
        rho: 1800.0,
    };
    let mut tank = WaveTank::new(nx, nz, 10.0, rock).with_basin(120, 32, 14, soft);
    tank.add_source(70, 88, SourceKind::VerticalForce, 6.0, 1e9);
    for _ in 0..260 {
        tank.step();
    }
    let speed = tank.speed_field();
    let peak = speed.iter().copied().fold(0.0f32, f32::max).max(1e-12);
    let mut c = Canvas::new(W, H, Rgba::hex(0x16324a));
    let (cw, ch) = (W as f32 / nx as f32, H as f32 / nz as f32);
    for iz in 0..nz {
        for ix in 0..nx {
            let r = tank.rock_at(ix, iz);
            let base = if r.vs < 1000.0 {
                Rgba::hex(0x8a6a3c)
            } else {
                Rgba::hex(0x35506a)
            };
            let v = (speed[iz * nx + ix] / peak).sqrt().min(1.0);
            let col = base.mix(Rgba::hex(0xffd27a), v);
            c.fill_rect(ix as f32 * cw, iz as f32 * ch, cw + 0.5, ch + 0.5, col);
        }
    }
    c.fill_star(70.5 * cw, 88.5 * ch, 18.0, RED);
    c.fill_rect(0.0, 0.0, W as f32, 4.0, Rgba::hex(0x7fb069));
    c
}

