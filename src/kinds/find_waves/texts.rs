//! The fixed texts of "Find the P and S waves", Chinese first. They are
//! part of the kind's visitor texts, so that the checks of both languages
//! and of the font's coverage see them.

use crate::domain::text::ui::ui_texts;

ui_texts! {
    HOW = ("先点P波开始的地方，再点S波开始的地方。拖动小旗可以移动。", "Tap where the P wave begins, then where the S wave begins. Drag a flag to move it.");
    COMPONENTS = ("Z：上下　N：南北　E：东西", "Z: up-down   N: north-south   E: east-west");
    CHECK = ("看看对不对", "Check");
    HINT = ("提示", "Hint");
    CLEARER = ("看得更清楚", "Make it clearer");
    AS_RECORDED = ("原始记录", "As recorded");
    WHY_P = ("P波最先到达：线条第一次开始抖动的地方。它比较小，在上下方向（Z）最明显。", "The P wave comes first: where the line first starts to wiggle. It is small, and clearest on the up-down trace (Z).");
    WHY_S = ("S波来得晚，晃得更厉害，在水平方向（N、E）最明显。", "The S wave comes later and shakes harder, clearest on the side-to-side traces (N, E).");
    LOOK_HERE = ("答案就在亮起来的地方附近。", "The answer is near the lit-up part.");
    SPOT_ON = ("正中！", "Spot on!");
    CLOSE = ("很接近！", "Very close!");
    NEARLY = ("差一点！", "Nearly!");
    SEE_LINE = ("细线就是答案，下次一定行！", "The thin line shows where it is: next time!");
    NEXT_RECORDING = ("下一段记录", "Next recording");
    SEE_STARS = ("看看得了几颗星", "See your stars");
    PLAY_AGAIN = ("再玩一次", "Play again");
    DUTY = ("地震台的值班员每天都这样读地震图，算出地震有多远。", "Duty seismologists read seismograms like this every day to find how far away a quake was.");
    EASY = ("近处的地震", "A nearby quake");
    MEDIUM = ("远一些的地震", "A farther quake");
    HARD = ("很远的大地震", "A great quake far away");
}
