//! The illustrations of the shipped exhibits. Flat, clear drawings in one
//! palette; each function returns a finished picture. The cards of the
//! live exhibits are drawn by their kinds ([`crate::kinds`]).

use crate::domain::draw::canvas::{Canvas, Pt, Rgba};
use crate::domain::random::Seeded;

/// Width of every illustration, in pixels.
pub const W: u32 = crate::domain::draw::ILLUSTRATION_W;
/// Height of every illustration, in pixels.
pub const H: u32 = crate::domain::draw::ILLUSTRATION_H;

const SKY_TOP: Rgba = Rgba::hex(0xbcd8ee);
const SKY_LOW: Rgba = Rgba::hex(0xeef5fa);
const GRASS: Rgba = Rgba::hex(0x6f9f5c);
const GRASS_DARK: Rgba = Rgba::hex(0x557f46);
const SOIL: Rgba = Rgba::hex(0x9b7b5a);
const ROCK: Rgba = Rgba::hex(0x8c8479);
const ROCK_DARK: Rgba = Rgba::hex(0x6f685f);
const ROCK_LINE: Rgba = Rgba::hex(0x7a7268);
const CONCRETE: Rgba = Rgba::hex(0xcfc9bf);
const CONCRETE_DARK: Rgba = Rgba::hex(0xa9a298);
const TUNNEL: Rgba = Rgba::hex(0x3a3a42);
const TUNNEL_LIGHT: Rgba = Rgba::hex(0xf3d98b);
const STEEL: Rgba = Rgba::hex(0x4f7f74);
const STEEL_DARK: Rgba = Rgba::hex(0x35594f);
const INSTRUMENT: Rgba = Rgba::hex(0x2f6f9f);
const INSTRUMENT_DARK: Rgba = Rgba::hex(0x1f4e73);
const ACCENT: Rgba = Rgba::hex(0xe07a2f);
const RED: Rgba = Rgba::hex(0xc8412d);
const WHITE: Rgba = Rgba::hex(0xffffff);
const INK: Rgba = Rgba::hex(0x263238);
const WATER: Rgba = Rgba::hex(0x5b9bd5);
const WALL: Rgba = Rgba::hex(0xe9e4da);
const SCREEN: Rgba = Rgba::hex(0x102a3a);
const TRACE: Rgba = Rgba::hex(0x7fe0a8);

/// A function that draws one picture.
pub type Draw = fn() -> Canvas;

/// The pictures of the hall's content (the station e-book, the board of
/// great earthquakes) by file name (without `.png`).
pub const CONTENT: &[(&str, Draw)] = &[
    ("station-hillside", station_hillside),
    ("station-doors", station_doors),
    ("station-seismometer", station_seismometer),
    ("station-duty-room", station_duty_room),
    ("station-rapid-report", station_rapid_report),
    ("station-early-warning", station_early_warning),
    ("magnitude-energy", magnitude_energy),
];

/// Every picture the hall ships: its content's and the cards the exhibit
/// kinds draw of themselves.
pub fn all() -> Vec<(&'static str, Draw)> {
    let mut v = CONTENT.to_vec();
    v.extend(crate::kinds::cards());
    v
}

fn rock_texture(c: &mut Canvas, x0: f32, y0: f32, w: f32, h: f32, seed: u64) {
    let mut r = Seeded::new(seed);
    let n = (w * h / 900.0) as usize;
    for _ in 0..n {
        let (x, y) = (x0 + r.uniform_f32() * w, y0 + r.uniform_f32() * h);
        let s = 2.0 + r.uniform_f32() * 5.0;
        let col = if r.uniform_f32() > 0.5 {
            ROCK_DARK
        } else {
            Rgba::hex(0xa59c90)
        };
        c.fill_polygon(
            &[
                (x, y),
                (x + s, y + s * 0.3),
                (x + s * 0.6, y + s),
                (x - s * 0.3, y + s * 0.6),
            ],
            col.alpha(150),
        );
    }
}

/// A seismogram-like trace between `x0` and `x1` around `y`: noise, then a
/// P arrival at `p` (0-1 of the width) and a larger S arrival at `s`.
fn seismogram(x0: f32, x1: f32, y: f32, amp: f32, p: f32, s: f32, seed: u64) -> Vec<Pt> {
    let mut r = Seeded::new(seed);
    let n = ((x1 - x0) / 2.0) as usize;
    (0..=n)
        .map(|i| {
            let t = i as f32 / n as f32;
            let noise = (r.uniform_f32() - 0.5) * 0.08;
            let env = |onset: f32, size: f32, decay: f32| {
                if t < onset {
                    0.0
                } else {
                    size * (-(t - onset) / decay).exp()
                }
            };
            let a = noise + env(p, 0.35, 0.08) + env(s, 1.0, 0.12);
            let osc = (t * 260.0).sin() * 0.6 + (t * 410.0 + 1.0).sin() * 0.4;
            (x0 + t * (x1 - x0), y + amp * (noise + (a - noise) * osc))
        })
        .collect()
}

fn tree(c: &mut Canvas, x: f32, ground: f32, h: f32) {
    c.fill_rect(
        x - h * 0.05,
        ground - h * 0.45,
        h * 0.1,
        h * 0.45,
        Rgba::hex(0x6b4f3a),
    );
    c.fill_ellipse(x, ground - h * 0.65, h * 0.3, h * 0.38, GRASS_DARK);
    c.fill_ellipse(x - h * 0.08, ground - h * 0.72, h * 0.16, h * 0.2, GRASS);
}

fn triangle(c: &mut Canvas, x: f32, y: f32, s: f32, col: Rgba) {
    c.fill_polygon(
        &[
            (x, y - s),
            (x + s * 0.9, y + s * 0.6),
            (x - s * 0.9, y + s * 0.6),
        ],
        col,
    );
}

/// The station beside the hillside park, and the former air-raid tunnel
/// running into the bedrock behind 13 doors to the seismometer.
pub fn station_hillside() -> Canvas {
    let mut c = Canvas::new(W, H, SKY_LOW);
    c.gradient_rect(0.0, 0.0, W as f32, 300.0, SKY_TOP, SKY_LOW);
    let hill = |x: f32| -> f32 {
        let t = (x - 620.0) / 330.0;
        300.0 - 190.0 * (-t * t * 1.6).exp()
    };
    let mut surface: Vec<Pt> = (0..=96)
        .map(|i| (i as f32 * 10.0, hill(i as f32 * 10.0)))
        .collect();
    // The flat forecourt of the station.
    for p in surface.iter_mut() {
        if p.0 < 330.0 {
            p.1 = 300.0;
        }
    }
    let mut ground = surface.clone();
    ground.extend([(W as f32, H as f32), (0.0, H as f32)]);
    c.fill_polygon(&ground, ROCK);
    rock_texture(&mut c, 0.0, 330.0, W as f32, 310.0, 7);
    for k in 1..6 {
        let off = 40.0 + k as f32 * 52.0;
        let line: Vec<Pt> = surface
            .iter()
            .map(|&(x, y)| (x, y + off + 8.0 * ((x / 70.0) + k as f32).sin()))
            .collect();
        c.stroke(&line, 2.0, ROCK_LINE);
    }
    let mut soil: Vec<Pt> = surface.clone();
    soil.extend(surface.iter().rev().map(|&(x, y)| (x, y + 26.0)));
    c.fill_polygon(&soil, SOIL);
    let mut grass: Vec<Pt> = surface.clone();
    grass.extend(surface.iter().rev().map(|&(x, y)| (x, y + 9.0)));
    c.fill_polygon(&grass, GRASS);
    for (x, h) in [
        (470.0, 60.0),
        (540.0, 75.0),
        (610.0, 70.0),
        (690.0, 80.0),
        (770.0, 62.0),
        (850.0, 55.0),
    ] {
        tree(&mut c, x, hill(x) + 4.0, h);
    }
    // Station building with its mast.
    c.fill_rect(70.0, 200.0, 230.0, 100.0, WALL);
    c.fill_polygon(&[(58.0, 204.0), (185.0, 160.0), (312.0, 204.0)], RED);
    for i in 0..4 {
        c.fill_rect(92.0 + i as f32 * 52.0, 226.0, 34.0, 28.0, INSTRUMENT);
    }
    c.fill_rect(165.0, 262.0, 40.0, 38.0, STEEL_DARK);
    c.stroke(&[(280.0, 200.0), (280.0, 90.0)], 5.0, INK);
    c.stroke(&[(262.0, 120.0), (298.0, 120.0)], 4.0, INK);
    c.fill_ellipse(280.0, 88.0, 18.0, 8.0, WHITE);
    c.ring(280.0, 82.0, 28.0, 3.0, ACCENT.alpha(160));
    c.ring(280.0, 82.0, 44.0, 3.0, ACCENT.alpha(100));
    // The tunnel into the hill, lit, with its 13 doors.
    let (ty0, ty1) = (430.0, 478.0);
    c.fill_rect(290.0, 300.0, 36.0, ty1 - 300.0, CONCRETE_DARK);
    c.fill_rect(296.0, 300.0, 24.0, ty1 - 300.0, TUNNEL);
    c.fill_rect(296.0, ty0, 520.0, ty1 - ty0, TUNNEL);
    c.fill_rect(296.0, ty0 + 4.0, 520.0, 6.0, TUNNEL_LIGHT.alpha(120));
    for i in 0..13 {
        let x = 340.0 + i as f32 * 34.0;
        c.fill_rect(x, ty0 + 2.0, 7.0, ty1 - ty0 - 2.0, STEEL);
    }
    // The vault at the end with the seismometer on its pier.
    c.fill_rect(790.0, 404.0, 120.0, 74.0, TUNNEL);
    c.fill_rect(818.0, 456.0, 64.0, 22.0, CONCRETE);
    c.fill_rect(830.0, 428.0, 40.0, 28.0, INSTRUMENT);
    c.fill_ellipse(850.0, 428.0, 20.0, 6.0, INSTRUMENT_DARK);
    c.ring(850.0, 440.0, 52.0, 3.0, ACCENT);
    c
}

/// The 13 insulated, damp-proof doors, one behind another, with the
/// dehumidifier that keeps temperature and humidity constant.
pub fn station_doors() -> Canvas {
    let mut c = Canvas::new(W, H, TUNNEL);
    let (vx, vy) = (480.0, 300.0);
    let (hw, hh) = (470.0, 330.0);
    // Walls, floor and ceiling in one-point perspective.
    c.fill_polygon(
        &[(vx - hw, vy - hh), (vx + hw, vy - hh), (vx, vy)],
        Rgba::hex(0x55555e),
    );
    c.fill_polygon(
        &[(vx - hw, vy + hh), (vx + hw, vy + hh), (vx, vy)],
        Rgba::hex(0x6a6259),
    );
    c.fill_polygon(
        &[(vx - hw, vy - hh), (vx - hw, vy + hh), (vx, vy)],
        Rgba::hex(0x7d786f),
    );
    c.fill_polygon(
        &[(vx + hw, vy - hh), (vx + hw, vy + hh), (vx, vy)],
        Rgba::hex(0x736e66),
    );
    // Light at the end of the tunnel.
    c.fill_rect(vx - 14.0, vy - 20.0, 28.0, 36.0, TUNNEL_LIGHT);
    for k in (0..13).rev() {
        let s = 1.0 / (1.0 + k as f32 * 0.42);
        let (w, h) = (hw * 0.86 * s, hh * 0.86 * s);
        let (x0, y0, x1, y1) = (vx - w, vy - h, vx + w, vy + h);
        let t = (k as f32 / 12.0).min(1.0);
        let frame = STEEL.mix(TUNNEL, t * 0.6);
        let fw = 26.0 * s;
        let outer = vec![(x0, y0), (x1, y0), (x1, y1), (x0, y1)];
        let inner = vec![
            (x0 + fw, y0 + fw),
            (x1 - fw, y0 + fw),
            (x1 - fw, y1),
            (x0 + fw, y1),
        ];
        c.fill_polygons(&[outer, inner], frame);
        // Each door stands open against the right wall.
        let dx = x1 - fw;
        c.fill_polygon(
            &[
                (dx, y0 + fw),
                (dx + 60.0 * s, y0 + fw - 22.0 * s),
                (dx + 60.0 * s, y1 + 22.0 * s),
                (dx, y1),
            ],
            STEEL_DARK.mix(TUNNEL, t * 0.6),
        );
        c.fill_circle(dx + 48.0 * s, vy, 6.0 * s, ACCENT.mix(TUNNEL, t * 0.6));
    }
    // Dehumidifier with its humidity gauge in the foreground.
    c.fill_rect(40.0, 420.0, 130.0, 200.0, Rgba::hex(0xdfe6ea));
    for i in 0..6 {
        c.fill_rect(
            56.0,
            440.0 + i as f32 * 14.0,
            98.0,
            6.0,
            Rgba::hex(0xaab6bd),
        );
    }
    c.fill_circle(105.0, 560.0, 34.0, WHITE);
    c.ring(105.0, 560.0, 34.0, 4.0, INK);
    c.stroke(&[(105.0, 560.0), (125.0, 540.0)], 4.0, RED);
    c.fill_circle(105.0, 560.0, 5.0, INK);
    // Water drops collected from the air.
    for (x, y) in [(190.0, 520.0), (210.0, 560.0), (192.0, 600.0)] {
        c.fill_polygon(&[(x, y - 14.0), (x + 8.0, y), (x - 8.0, y)], WATER);
        c.fill_circle(x, y + 1.0, 8.0, WATER);
    }
    c
}

/// A broadband seismometer on its concrete pier, standing on bedrock, under
/// an insulating cover.
pub fn station_seismometer() -> Canvas {
    let mut c = Canvas::new(W, H, Rgba::hex(0x4a4a52));
    c.gradient_rect(
        0.0,
        0.0,
        W as f32,
        420.0,
        Rgba::hex(0x3d3d45),
        Rgba::hex(0x5c5c64),
    );
    // Bedrock with strata.
    c.fill_rect(0.0, 470.0, W as f32, 170.0, ROCK);
    rock_texture(&mut c, 0.0, 470.0, W as f32, 170.0, 21);
    for k in 0..3 {
        let y = 510.0 + k as f32 * 42.0;
        let line: Vec<Pt> = (0..=48)
            .map(|i| (i as f32 * 20.0, y + 6.0 * (i as f32 * 0.5 + k as f32).sin()))
            .collect();
        c.stroke(&line, 2.0, ROCK_LINE);
    }
    // Pier cast into the rock.
    c.fill_rect(300.0, 400.0, 360.0, 110.0, CONCRETE);
    c.fill_rect(300.0, 400.0, 360.0, 10.0, CONCRETE_DARK);
    // Insulating cover, drawn cut away.
    let dome: Vec<Pt> = (0..=60)
        .map(|i| {
            let a = std::f32::consts::PI * i as f32 / 60.0;
            (480.0 - 150.0 * a.cos(), 400.0 - 190.0 * a.sin())
        })
        .collect();
    c.stroke(&dome, 10.0, Rgba::hex(0xe8d9b0).alpha(200));
    // The seismometer: a sealed cylinder on three levelling feet.
    for x in [410.0, 480.0, 550.0] {
        c.fill_rect(x - 6.0, 382.0, 12.0, 18.0, INK);
    }
    c.fill_rect(400.0, 270.0, 160.0, 114.0, INSTRUMENT);
    c.fill_ellipse(480.0, 384.0, 80.0, 16.0, INSTRUMENT);
    c.fill_ellipse(480.0, 270.0, 80.0, 16.0, Rgba::hex(0x4d8fc1));
    c.fill_rect(410.0, 300.0, 14.0, 70.0, Rgba::hex(0x5fa0d0).alpha(160));
    c.fill_circle(480.0, 268.0, 10.0, ACCENT);
    // Cable to the recorder.
    let cable: Vec<Pt> = (0..=30)
        .map(|i| {
            let t = i as f32 / 30.0;
            (
                560.0 + t * 340.0,
                330.0 + 60.0 * (t * std::f32::consts::PI).sin(),
            )
        })
        .collect();
    c.stroke(&cable, 6.0, INK);
    // Thermometer on the wall: constant temperature.
    c.fill_rect(800.0, 90.0, 26.0, 180.0, WHITE);
    c.fill_rect(808.0, 150.0, 10.0, 110.0, RED);
    c.fill_circle(813.0, 270.0, 18.0, RED);
    for i in 0..8 {
        c.fill_rect(826.0, 110.0 + i as f32 * 20.0, 10.0, 3.0, WHITE);
    }
    // Ground motion arrives from below.
    for k in 0..3 {
        c.ring(
            150.0,
            700.0,
            120.0 + k as f32 * 55.0,
            5.0,
            ACCENT.alpha(200 - k * 50),
        );
    }
    c
}

/// The duty room, staffed day and night, with live seismograms on screen.
pub fn station_duty_room() -> Canvas {
    let mut c = Canvas::new(W, H, WALL);
    c.fill_rect(0.0, 470.0, W as f32, 170.0, Rgba::hex(0xb7a58c));
    // Window: half day, half night, for 24-hour duty.
    c.fill_rect(60.0, 60.0, 220.0, 170.0, INK);
    c.fill_rect(68.0, 68.0, 100.0, 154.0, SKY_TOP);
    c.fill_circle(118.0, 120.0, 22.0, Rgba::hex(0xffd45c));
    c.fill_rect(172.0, 68.0, 100.0, 154.0, Rgba::hex(0x1b2a4a));
    c.fill_circle(232.0, 110.0, 18.0, Rgba::hex(0xf4f1d0));
    c.fill_circle(240.0, 104.0, 16.0, Rgba::hex(0x1b2a4a));
    for (x, y) in [(190.0, 160.0), (255.0, 180.0), (205.0, 90.0)] {
        c.fill_circle(x, y, 2.5, WHITE);
    }
    // Wall clock.
    c.fill_circle(820.0, 120.0, 60.0, WHITE);
    c.ring(820.0, 120.0, 60.0, 8.0, INK);
    for i in 0..12 {
        let a = i as f32 * std::f32::consts::TAU / 12.0;
        c.stroke(
            &[
                (820.0 + 46.0 * a.sin(), 120.0 - 46.0 * a.cos()),
                (820.0 + 52.0 * a.sin(), 120.0 - 52.0 * a.cos()),
            ],
            3.0,
            INK,
        );
    }
    c.stroke(&[(820.0, 120.0), (820.0, 82.0)], 5.0, INK);
    c.stroke(&[(820.0, 120.0), (848.0, 132.0)], 5.0, INK);
    // Three monitors with live traces, an event on the middle one.
    for (i, x) in [300.0f32, 470.0, 640.0].into_iter().enumerate() {
        c.fill_rect(x - 6.0, 250.0, 162.0, 122.0, INK);
        c.fill_rect(x, 256.0, 150.0, 110.0, SCREEN);
        for k in 0..3 {
            let y = 280.0 + k as f32 * 30.0;
            let (p, s) = if i == 1 {
                (0.25 + k as f32 * 0.05, 0.5 + k as f32 * 0.08)
            } else {
                (2.0, 2.0)
            };
            let tr = seismogram(
                x + 6.0,
                x + 144.0,
                y,
                22.0,
                p,
                s,
                100 + i as u64 * 10 + k as u64,
            );
            c.stroke(&tr, 1.6, TRACE);
        }
        c.fill_rect(x + 65.0, 372.0, 20.0, 30.0, INK);
    }
    c.fill_circle(530.0, 262.0, 6.0, RED);
    // Desk, phone, chair.
    c.fill_rect(240.0, 400.0, 600.0, 24.0, Rgba::hex(0x8a6a4a));
    c.fill_rect(260.0, 424.0, 20.0, 120.0, Rgba::hex(0x6e5237));
    c.fill_rect(800.0, 424.0, 20.0, 120.0, Rgba::hex(0x6e5237));
    c.fill_rect(330.0, 384.0, 120.0, 16.0, Rgba::hex(0x3b4a55));
    c.fill_rect(740.0, 378.0, 50.0, 22.0, RED);
    c.fill_polygon(
        &[
            (480.0, 470.0),
            (590.0, 470.0),
            (600.0, 560.0),
            (470.0, 560.0),
        ],
        INSTRUMENT_DARK,
    );
    c.fill_rect(525.0, 560.0, 20.0, 50.0, INK);
    c.fill_rect(480.0, 600.0, 110.0, 10.0, INK);
    c
}

/// A rapid report: an epicentre inside the network of stations, its rings,
/// and the report leaving the station.
pub fn station_rapid_report() -> Canvas {
    let mut c = Canvas::new(W, H, Rgba::hex(0xf2efe6));
    // A land area with ridges running north-east, as around Chongqing.
    let land: Vec<Pt> = (0..72)
        .map(|i| {
            let a = i as f32 / 72.0 * std::f32::consts::TAU;
            let r = 250.0 + 30.0 * (3.0 * a).sin() + 18.0 * (5.0 * a + 1.0).cos();
            (430.0 + r * 1.25 * a.cos(), 320.0 + r * a.sin())
        })
        .collect();
    c.fill_polygon(&land, Rgba::hex(0xdfe8cf));
    for k in 0..6 {
        let x = 230.0 + k as f32 * 75.0;
        c.stroke(
            &[(x - 80.0, 520.0), (x + 90.0, 140.0)],
            10.0,
            Rgba::hex(0xc2d3aa),
        );
    }
    // Two rivers meeting, like the Yangtze and the Jialing.
    let yangtze: Vec<Pt> = (0..=40)
        .map(|i| {
            let t = i as f32 / 40.0;
            (
                120.0 + t * 640.0,
                430.0 - 140.0 * t + 30.0 * (t * 9.0).sin(),
            )
        })
        .collect();
    c.stroke(&yangtze, 9.0, WATER);
    let jialing: Vec<Pt> = (0..=20)
        .map(|i| {
            let t = i as f32 / 20.0;
            (430.0 - 60.0 * (t * 4.0).sin(), 120.0 + t * 230.0)
        })
        .collect();
    c.stroke(&jialing, 6.0, WATER);
    // Epicentre and rings.
    let (ex, ey) = (300.0, 250.0);
    for k in 1..5 {
        c.ring(ex, ey, k as f32 * 48.0, 4.0, RED.alpha(220 - k * 40));
    }
    c.fill_star(ex, ey, 26.0, RED);
    // Stations.
    for (x, y) in [
        (520.0, 380.0),
        (180.0, 420.0),
        (430.0, 160.0),
        (620.0, 230.0),
        (260.0, 120.0),
        (560.0, 500.0),
    ] {
        triangle(&mut c, x, y, 18.0, INSTRUMENT);
    }
    // The report goes out: a phone and a screen.
    c.fill_rect(760.0, 300.0, 120.0, 210.0, INK);
    c.fill_rect(770.0, 316.0, 100.0, 170.0, WHITE);
    c.fill_rect(780.0, 330.0, 80.0, 14.0, RED);
    for i in 0..5 {
        c.fill_rect(
            780.0,
            356.0 + i as f32 * 22.0,
            80.0 - (i % 2) as f32 * 24.0,
            8.0,
            Rgba::hex(0x9aa6ad),
        );
    }
    for k in 0..3 {
        let r = 30.0 + k as f32 * 22.0;
        let arc: Vec<Pt> = (0..=12)
            .map(|i| {
                let a = -2.4 + 1.4 * i as f32 / 12.0;
                (820.0 + r * a.cos(), 280.0 + r * a.sin())
            })
            .collect();
        c.stroke(&arc, 5.0, ACCENT);
    }
    c
}

/// Early warning: stations near the epicentre detect the fast P wave and an
/// alert races ahead of the damaging S wave to a city.
pub fn station_early_warning() -> Canvas {
    let mut c = Canvas::new(W, H, SKY_LOW);
    c.gradient_rect(0.0, 0.0, W as f32, 200.0, SKY_TOP, SKY_LOW);
    c.fill_rect(0.0, 200.0, W as f32, 440.0, Rgba::hex(0xb9c9a3));
    let (ex, ey) = (250.0, 450.0);
    // The blind zone: inside it the S wave arrives before any warning.
    c.fill_ellipse(ex, ey, 95.0, 45.0, RED.alpha(70));
    c.ring_ellipse(ex, ey, 95.0, 45.0, 3.0, RED.alpha(180));
    // P front (fast, thin, blue) ahead of the S front (slow, strong, orange).
    c.ring_ellipse(ex, ey, 330.0, 155.0, 6.0, INSTRUMENT);
    c.ring_ellipse(ex, ey, 190.0, 90.0, 14.0, ACCENT);
    c.fill_star(ex, ey, 24.0, RED);
    for (x, y) in [
        (330.0, 420.0),
        (190.0, 520.0),
        (420.0, 480.0),
        (120.0, 410.0),
    ] {
        triangle(&mut c, x, y, 16.0, INSTRUMENT_DARK);
    }
    // The alert races ahead of both fronts to the city.
    let mut bolt = Vec::new();
    for i in 0..=6 {
        let x = 450.0 + i as f32 * 36.0;
        bolt.push((x, 330.0 + if i % 2 == 0 { 0.0 } else { -22.0 }));
    }
    c.stroke(&bolt, 7.0, RED);
    c.fill_polygon(&[(700.0, 330.0), (668.0, 308.0), (668.0, 352.0)], RED);
    for (i, (w, h)) in [(60.0, 150.0), (50.0, 210.0), (70.0, 120.0), (45.0, 180.0)]
        .into_iter()
        .enumerate()
    {
        let x = 715.0 + i as f32 * 52.0;
        c.fill_rect(x, 360.0 - h, w - 6.0, h, Rgba::hex(0x7e8c99));
        for r in 0..((h / 30.0) as usize) {
            c.fill_rect(
                x + 8.0,
                370.0 - h + r as f32 * 30.0,
                w - 22.0,
                10.0,
                TUNNEL_LIGHT,
            );
        }
    }
    // Seconds of warning counting down on a display.
    c.fill_rect(740.0, 400.0, 170.0, 120.0, INK);
    draw_digits(&mut c, 770.0, 420.0, 80.0, "10", RED);
    c
}

/// Energy of magnitudes 5, 6 and 7 as circles whose areas are proportional
/// to radiated energy: each step of one magnitude is about 32 times the
/// energy (log10 E = 1.5 M + 4.8, E in joules; Gutenberg and Richter 1956).
/// A fourth circle for magnitude 8 would be 5.6 times wider again and
/// cannot fit, which is the point the board makes in words.
pub fn magnitude_energy() -> Canvas {
    let mut c = Canvas::new(W, H, Rgba::hex(0xf7f4ec));
    let ground = 520.0;
    let r7 = 250.0f32;
    let mut x = 110.0;
    for (i, m) in [5.0f32, 6.0, 7.0].into_iter().enumerate() {
        let r = r7 * energy_ratio(m, 7.0).sqrt();
        let col = INSTRUMENT.mix(RED, i as f32 / 2.0);
        let cx = x + r.max(14.0);
        c.fill_circle(cx, ground - r, r, col.alpha(235));
        c.ring(cx, ground - r, r, 3.0, INK.alpha(180));
        draw_digits(
            &mut c,
            cx - 12.0,
            ground + 34.0,
            44.0,
            &format!("{}", m as u32),
            INK,
        );
        x = cx + r.max(14.0) + 70.0;
    }
    c.fill_rect(40.0, ground, 880.0, 5.0, INK);
    c
}

/// Ratio of radiated energy between magnitudes `m` and `reference`:
/// 10^(1.5 (m - reference)) (Gutenberg and Richter 1956).
pub fn energy_ratio(m: f32, reference: f32) -> f32 {
    10f32.powf(1.5 * (m - reference))
}

/// Seven-segment digits, so pictures can show numbers without a font.
fn draw_digits(c: &mut Canvas, x: f32, y: f32, h: f32, digits: &str, col: Rgba) {
    // Segments a-g as (x0, y0, x1, y1) in a 1 x 2 box.
    const SEG: [(f32, f32, f32, f32); 7] = [
        (0.0, 0.0, 1.0, 0.0),
        (1.0, 0.0, 1.0, 1.0),
        (1.0, 1.0, 1.0, 2.0),
        (0.0, 2.0, 1.0, 2.0),
        (0.0, 1.0, 0.0, 2.0),
        (0.0, 0.0, 0.0, 1.0),
        (0.0, 1.0, 1.0, 1.0),
    ];
    const ON: [u8; 10] = [0x3f, 0x06, 0x5b, 0x4f, 0x66, 0x6d, 0x7d, 0x07, 0x7f, 0x6f];
    let s = h / 2.0;
    for (i, ch) in digits.chars().enumerate() {
        let Some(d) = ch.to_digit(10) else { continue };
        let ox = x + i as f32 * s * 1.6;
        for (k, &(x0, y0, x1, y1)) in SEG.iter().enumerate() {
            if ON[d as usize] & (1 << k) != 0 {
                c.stroke(
                    &[(ox + x0 * s, y + y0 * s), (ox + x1 * s, y + y1 * s)],
                    s * 0.22,
                    col,
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_picture_is_full_size_and_not_blank() {
        for (name, draw) in all() {
            let c = draw();
            assert_eq!((c.width, c.height), (W, H), "{name}");
            let first = c.pixel(0, 0);
            let differing = (0..H)
                .step_by(7)
                .flat_map(|y| (0..W).step_by(7).map(move |x| (x, y)))
                .filter(|&(x, y)| c.pixel(x, y) != first)
                .count();
            assert!(
                differing > 1000,
                "{name} looks blank: {differing} pixels differ"
            );
        }
    }

    #[test]
    fn energy_ratios_follow_gutenberg_richter() {
        // One magnitude step: 10^1.5 ≈ 31.6 times the energy; two: 1000.
        assert!((energy_ratio(6.0, 5.0) - 31.62).abs() < 0.01);
        assert!((energy_ratio(8.0, 6.0) - 1000.0).abs() < 0.5);
        assert!((energy_ratio(5.0, 7.0) * 1000.0 - 1.0).abs() < 1e-4);
    }
}
