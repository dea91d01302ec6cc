//! The shipped illustrations are exactly what the project's own drawing
//! code makes (`quakehall art`), so none is a copied picture.

use quakehall::domain::art::pictures;
use quakehall::domain::draw::decode_png;

use super::common::root;

#[test]
fn shipped_pictures_match_their_drawing_code() {
    for (name, draw) in pictures::all() {
        let path = root().join("assets/pictures").join(format!("{name}.png"));
        let bytes = std::fs::read(&path)
            .unwrap_or_else(|e| panic!("{}: {e}; run `quakehall art`", path.display()));
        let shipped = decode_png(&bytes).expect("valid PNG");
        let drawn = draw();
        assert_eq!(
            (shipped.width, shipped.height),
            (drawn.width, drawn.height),
            "{name}"
        );
        assert!(
            shipped.rgba == drawn.rgba,
            "{name}.png differs from its drawing code; run `quakehall art`"
        );
    }
}
