//! The fixed texts of "How big was it?", Chinese first. They are part of
//! the kind's visitor texts, so that the checks of both languages and of
//! the font's coverage see them.

use crate::domain::text::ui::ui_texts;

ui_texts! {
    MEASURE_HOW = ("浅黄色细线是P波。把S旗拖到S波开始的地方，再把A旗拖到摆动最大的地方。", "The thin pale-yellow line is P. Drag the S flag to where S begins, then the A flag to the biggest swing.");
    MEASURE_HOW_EASY = ("P波和S波已经标好了。把A旗拖到摆动最大的地方。", "P and S are marked for you. Drag the A flag to the biggest swing.");
    MEASURE_WHY = ("S−P告诉我们地震有多远；摆动越大，地震越大。但同样的地震，越远摆动越小。", "S−P tells how far the quake was; the bigger the swing, the bigger the quake. But the same quake swings less the farther away it is.");
    LOOK_HERE = ("答案就在亮起来的地方。", "The answer is in the lit-up part.");
    TO_NOMOGRAM = ("去量震级", "Work out the size");
    LAY_HOW = ("把尺子的左端拖到你的距离（蓝点），右端拖到你的摆动（橙点）。尺子穿过中间的地方就是震级！", "Drag the ruler's left end to your distance (blue dot) and its right end to your swing (orange dot). Where it crosses the middle is the magnitude!");
    LAY_WHY = ("远处的小摆动和近处的大摆动可能是同样大的地震：尺子把距离和摆动合在一起。", "A small swing far away and a big swing nearby can be the same size of quake: the ruler puts distance and swing together.");
    ENDS_ON_DOTS = ("尺子的两端已经放到点上了。", "The ruler's ends are on the dots now.");
    CHECK = ("看看对不对", "Check");
    HINT = ("提示", "Hint");
    SPOT_ON = ("正中！", "Spot on!");
    CLOSE = ("很接近！", "Very close!");
    NEARLY = ("差一点！", "Nearly!");
    SEE_LINE = ("绿线是正确的读法，下次一定行！", "The green line is the right reading: next time!");
    NEXT_QUAKE = ("下一个地震", "Next quake");
    SEE_STARS = ("看看得了几颗星", "See your stars");
    PLAY_AGAIN = ("再玩一次", "Play again");
    EASY = ("S波已经标好了", "S is marked for you");
    MEDIUM = ("自己找S波", "Find S yourself");
    DISTANCE = ("距离", "Distance");
    MAGNITUDE = ("震级 ML", "Magnitude ML");
    AMPLITUDE = ("摆动", "Swing");
    NOMOGRAM = ("国际地震学与地球内部物理学协会（IASPEI 2013）标准近震震级ML，伍德-安德森地震仪记录的摆动。", "The IASPEI (2013) standard local magnitude ML, from the swing a Wood-Anderson seismometer records.");
    SWING_LEGEND = ("摆动：大一级就是10倍", "The swing: 10 times per step");
    ENERGY_LEGEND = ("能量：大一级就是约32倍", "The energy: about 32 times per step");
    ONE_STEP = ("震级大一级，地震仪上的摆动大10倍，释放的能量大约32倍。", "One step up in magnitude is ten times the swing on the seismometer and about 32 times the energy.");
}
