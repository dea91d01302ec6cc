//! The fixed texts of "How a seismometer works", Chinese first. They are
//! part of the kind's visitor texts, so that the checks of both languages
//! and of the font's coverage see them.

use crate::domain::text::ui::ui_texts;

ui_texts! {
    STILL = ("上下拖动地面，或者点下面的按钮，让地面晃起来！", "Drag the ground up and down, or tap a button below to shake it!");
    COPIES = ("重锤很重，跟不上地面的运动，几乎停在原地：笔就画出了地面的运动。", "The heavy mass cannot keep up with the ground and stays almost still, so the pen writes the ground's motion.");
    PARTLY = ("重锤跟着动了一点：笔只画出了一部分晃动。", "The mass moves along a little: the pen writes part of the shaking.");
    RIDES = ("对这根弹簧来说，地面动得太慢了，重锤跟着一起动：笔几乎不动，什么也没记下来。把滑块拨到更长的周期试试！", "For this spring the ground moves too slowly, so the mass rides along with it: the pen hardly moves and records almost nothing. Slide to a longer period and try again!");
    QUICK = ("快快抖", "Quick shake");
    SLOW = ("慢慢摇", "Slow sway");
    REPLAY = ("重放一次地震的记录", "Replay a quake's record");
    BACK = ("回去自己摇", "Back to shaking");
    PEN = ("笔画的线", "The pen's line");
    GROUND = ("地面的运动", "How the ground moved");
    SHORT_PERIOD = ("短周期地震计", "a short-period seismometer");
    LONG_PERIOD = ("长周期地震计", "a long-period seismometer");
    REPLAY_GROUND = ("地面的运动", "The ground's motion");
    REPLAY_SAYS = ("同一次地震，两台地震计，各自放大到看得清：短周期的只记下了快的抖动，几乎漏掉了又慢又大的面波；长周期的把它们完整地记了下来。所以地震台两种都要用。", "One quake, two seismometers, each magnified to fit: the short-period one records only the quick wiggles and almost misses the big, slow surface waves; the long-period one records them in full. That is why a station uses both.");
}
