use super::quiz::{Quiz, Stage};
use super::*;

fn shipped_params() -> SafetyQuizParams {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let path = root.join("scenes/24-safety-quiz.ron");
    let text = std::fs::read_to_string(&path).expect("the shipped scene");
    let scene: crate::domain::scene::ExhibitScene =
        crate::domain::scene::parse::parse_ron(&path, &text).expect("it parses");
    <SafetyQuizParams as super::super::InKind>::of(&scene.kind)
        .expect("a SafetyQuiz")
        .clone()
}

fn visit() -> Quiz {
    shipped_params().build(&Opening::default()).expect("it builds")
}

#[test]
fn the_five_places_of_the_hall_plan_each_have_one_safe_answer() {
    let p = shipped_params();
    let settings: Vec<Setting> = p.scenes.iter().map(|s| s.setting).collect();
    assert_eq!(settings, [Setting::School, Setting::Home, Setting::HighBuilding, Setting::Outdoors, Setting::Car]);
    for s in &p.scenes {
        assert_eq!(s.answers.iter().filter(|a| a.safe).count(), 1);
    }
    // The guidance: drop, cover, hold on; no lifts; the open space.
    let safe: Vec<&str> = p.scenes.iter().flat_map(|s| s.answers.iter().filter(|a| a.safe).map(|a| a.text.en.as_str())).collect();
    assert!(safe[0].contains("under the desk") && safe[0].contains("hold on"));
    let lift = &p.scenes[2].answers.iter().find(|a| a.text.en.contains("lift")).unwrap();
    assert!(!lift.safe);
    assert!(safe[3].contains("open"));
}

#[test]
fn a_wrong_answer_explains_and_lets_the_child_try_again() {
    let mut q = visit();
    let wrong = q.scene().answers.iter().position(|a| !a.safe).unwrap();
    q.choose(wrong);
    assert_eq!(q.stage, Stage::Asking);
    assert_eq!(q.chosen, Some(wrong));
    q.next();
    assert_eq!(q.current, 0, "no moving on before the safe answer");
    play_safely(&mut q);
    assert_eq!(q.stage, Stage::Safe);
    assert_eq!(q.first_time, 0);
    q.next();
    assert_eq!(q.current, 1);
    assert_eq!(q.chosen, None);
}

#[test]
fn a_visit_plays_every_scene_to_the_friendly_end() {
    let mut q = visit();
    let n = q.scenes.len();
    let mut c = Canvas::new(draw::PICTURE.0, draw::PICTURE.1, Rgba::hex(0));
    for _ in 0..n {
        assert_eq!(q.stage, Stage::Asking);
        assert!(q.shaking());
        q.advance(0.1);
        assert!(q.stale());
        SafetyQuizParams::draw(&mut q, 0, &mut c);
        assert!(!q.stale());
        play_safely(&mut q);
        assert!(q.stale());
        q.next();
    }
    assert_eq!(q.stage, Stage::Done);
    assert_eq!(q.stars() as usize, n);
    q.restart();
    assert_eq!((q.current, q.stage, q.stars()), (0, Stage::Asking, 0));
    assert!(q.stale());
}

#[test]
fn each_picture_shows_the_child_differently_once_safe() {
    for s in [Setting::School, Setting::Home, Setting::HighBuilding, Setting::Outdoors, Setting::Car] {
        let (w, h) = draw::PICTURE;
        let mut a = Canvas::new(w, h, Rgba::hex(0));
        let mut b = Canvas::new(w, h, Rgba::hex(0));
        draw::draw(&mut a, s, 0.0, false);
        draw::draw(&mut b, s, 0.0, true);
        let differ = a.rgba.chunks(4).zip(b.rgba.chunks(4)).filter(|(x, y)| x != y).count();
        assert!(differ > 2000, "{s:?}: {differ} pixels differ");
    }
}

#[test]
fn shot_moments_show_a_scene_answered_or_the_end() {
    let p = shipped_params();
    let open = |n| p.build(&Opening { moment: Some(n), ..Opening::default() }).unwrap();
    let third = open(3);
    assert_eq!((third.current, third.stage), (2, Stage::Safe));
    assert_eq!(open(6).stage, Stage::Done);
}
