//! The fixed texts of "Sounds of the Earth", Chinese first. They are part
//! of the kind's visitor texts, so that the checks of both languages and
//! of the font's coverage see them.

use crate::domain::text::ui::ui_texts;

ui_texts! {
    CHOOSE = ("点一个地震，听听大地的声音！", "Tap a quake to hear the ground!");
    QUIET = ("嗡……地震波还没到，地面只有轻轻的颤动。", "Hmm… the waves have not come yet: the ground only hums.");
    P = ("咔！P波到了：又快又尖。", "Crack! The P wave: quick and sharp.");
    S = ("咚！S波到了：更响、更低沉。", "Thump! The S wave: louder and deeper.");
    SURFACE = ("隆隆隆……面波来了：又长又低的轰鸣。", "Rumble… the surface waves: a long, low roar.");
    FADING = ("声音慢慢变小：地面又平静下来了。", "The sound fades away as the ground calms down.");
    ENDED = ("再点一次，再听一遍；也听听别的地震有什么不同！", "Tap again to hear it once more, or try another quake!");
    TRACE = ("地面的运动", "How the ground moved");
    PITCH = ("声音的高低（越往上越尖）", "The pitch (higher up is shriller)");
    FASTER = ("倍速播放", "times faster");
}
