use super::blocks::{Blocks, Fault, FaultKind, MAX_SLIP};

fn blocks(kind: FaultKind) -> Blocks {
    Blocks::new(Fault {
        kind,
        dip_deg: kind.typical_dip(),
    })
}

#[test]
fn each_fault_slips_the_way_its_type_says() {
    for kind in [FaultKind::Normal, FaultKind::Reverse, FaultKind::StrikeSlip] {
        let mut b = blocks(kind);
        assert_eq!(b.offset(), [0.0; 3]);
        // Drag along the way the arrow shows.
        let (ax, ay) = b.drag_axis();
        for _ in 0..10 {
            b.drag(ax * 0.05, ay * 0.05);
        }
        assert!((b.slip - 0.5).abs() < 1e-9, "{kind:?}: {}", b.slip);
        let [dx, dy, dz] = b.offset();
        match kind {
            // The hanging wall goes down (and away from the footwall).
            FaultKind::Normal => assert!(dz < -0.1 && dx > 0.0 && dy == 0.0),
            // It goes up (and over the footwall).
            FaultKind::Reverse => assert!(dz > 0.1 && dx < 0.0 && dy == 0.0),
            // Horizontal, along the fault.
            FaultKind::StrikeSlip => assert!(dz == 0.0 && dx == 0.0 && dy.abs() > 0.1),
        }
        // The slip follows the fault plane: it stays in the plane.
        let d = b.fault.slip_direction();
        let dip = b.fault.dip_deg.to_radians();
        let normal = [dip.sin(), 0.0, dip.cos()];
        let dot: f64 = d.iter().zip(normal).map(|(a, b)| a * b).sum();
        assert!(dot.abs() < 1e-12, "{kind:?} leaves the plane");
        // Dragging the wrong way or too far stays within the travel.
        b.drag(-ax * 100.0, -ay * 100.0);
        assert_eq!(b.slip, 0.0);
        b.drag(ax * 100.0, ay * 100.0);
        assert_eq!(b.slip, MAX_SLIP);
        // A drag across the way moves nothing.
        let before = b.slip;
        b.drag(-ay * 0.3, ax * 0.3);
        assert!((b.slip - before).abs() < 1e-9);
    }
}

#[test]
fn the_blocks_draw_and_are_drawn_again_only_when_they_move() {
    let mut b = blocks(FaultKind::Normal);
    let mut c = crate::domain::draw::Canvas::new(800, 600, crate::domain::draw::canvas::Rgba::hex(0));
    assert!(b.stale());
    b.draw(&mut c);
    assert!(!b.stale());
    let still = c.rgba.clone();
    b.drag(0.0, 0.0);
    assert!(!b.stale());
    let (ax, ay) = b.drag_axis();
    b.drag(ax * 0.5, ay * 0.5);
    assert!(b.stale());
    b.draw(&mut c);
    assert!(c.rgba != still, "the slid block looks different");
    // The hanging wall's label moves with it, the footwall's stays.
    let [f0, h0] = blocks(FaultKind::Normal).label_points();
    let [f1, h1] = b.label_points();
    assert_eq!(f0, f1);
    assert!(h1[2] < h0[2]);
}
