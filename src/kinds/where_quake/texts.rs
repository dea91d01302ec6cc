//! The fixed texts of "Where was the quake?", Chinese first. They are part
//! of the kind's visitor texts, so that the checks of both languages and
//! of the font's coverage see them.

use crate::domain::text::ui::ui_texts;

ui_texts! {
    READ_HOW = ("每个地震台的记录上，浅黄色细线是P波到达的时刻。把S旗拖到S波开始猛烈摇晃的地方。", "On each station's record the thin pale-yellow line is where P arrived. Drag the S flag to where the strong S shaking begins.");
    READ_WHY = ("S波比P波慢，晃得更厉害：找到记录突然变大的地方。", "S travels slower than P and shakes harder: look for where the line suddenly grows.");
    LOOK_HERE = ("答案就在亮起来的地方附近。", "The answer is near the lit-up part.");
    DRAW_CIRCLES = ("画圆圈", "Draw the circles");
    PLACE_HOW = ("S波比P波晚到越久，地震就越远：每个圆圈上的点离那个台都一样远。把红色图钉拖到所有圆圈相交的地方。", "The longer S lags behind P, the farther the quake: every point on a circle is that far from its station. Drag the red pin to where all the circles meet.");
    PLACE_WHY = ("地震只有一个震中，它离每个台的距离都对：只有圆圈交在一起的地方才行。", "A quake has one epicentre, the right distance from every station: only where the circles cross does that work.");
    CIRCLES_MEET = ("圆圈交会的地方亮起来了。", "Where the circles meet is lit up.");
    CHECK = ("看看对不对", "Check");
    HINT = ("提示", "Hint");
    SPOT_ON = ("正中！", "Spot on!");
    CLOSE = ("很接近！", "Very close!");
    NEARLY = ("差一点！", "Nearly!");
    SEE_STAR = ("黄色星星就是震中，下次一定行！", "The yellow star is where it was: next time!");
    LEGEND = ("▲ 地震台　★ 震中　○ 电脑算出的位置", "▲ station   ★ epicentre   ○ the computer's answer");
    NEXT_QUAKE = ("下一个地震", "Next quake");
    SEE_STARS = ("看看得了几颗星", "See your stars");
    PLAY_AGAIN = ("再玩一次", "Play again");
    NETWORK = ("地震台网就是这样定位地震的：台站越多，位置越准。", "A seismic network finds quakes just like this: the more stations, the surer the place.");
    EASY = ("S−P已经读好了", "S−P is read for you");
    MEDIUM = ("自己读S−P", "Read S−P yourself");
    SCALE = ("50 公里", "50 km");
}
