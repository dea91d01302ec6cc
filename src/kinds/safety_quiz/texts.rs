//! The fixed texts of "When the ground shakes", Chinese first. They are
//! part of the kind's visitor texts, so that the checks of both languages
//! and of the font's coverage see them.

use crate::domain::text::ui::ui_texts;

ui_texts! {
    NOT_QUITE = ("再想一想：", "Think again:");
    WELL_DONE = ("做得对！", "That's right!");
    NEXT = ("下一个", "Next");
    SEE_STARS = ("看看我的星星", "See my stars");
    THE_END = ("你知道地震来了怎么保护自己了！记住：", "You know how to keep safe when the ground shakes! Remember:");
    AGAIN = ("再玩一次", "Play again");
}
