//! The fixed texts of "Elastic rebound", Chinese first. They are part of
//! the kind's visitor texts, so that the checks of both languages and of
//! the font's coverage see them.

use crate::domain::text::ui::ui_texts;

ui_texts! {
    DRAG = ("用手指向右拖动上面的板块，给断层加力。", "Drag the top plate to the right with your finger to load the fault.");
    STRAIN = ("弹簧越红，岩石里积累的应变越大。", "The redder the springs, the more strain the rock has stored.");
    SNAP = ("咔！岩石卡不住了，突然滑动：这就是一次地震。", "Snap! The rock could hold no longer and slipped: that is an earthquake.");
    FAST = ("快进一百年", "Fast-forward a century");
    EVENTS = ("次地震", "earthquakes");
    LARGEST = ("最大", "largest");
    PLOT = ("小地震很多，大地震很少", "Small quakes are common, big ones rare");
    PLOT_AXES = ("横轴：震级；竖轴：不小于该震级的地震次数（对数）", "Across: magnitude; up: number of quakes at least that big (log scale)");
    SEISMOGRAM = ("地震台的记录", "The station's record");
    REID = ("1906年旧金山地震后，里德（H. F. Reid）提出弹性回跳理论：断层两侧慢慢变形积累能量，超过摩擦力时突然错动、回弹，把能量以地震波放出。", "After the 1906 San Francisco earthquake, H. F. Reid proposed elastic rebound: the rock on both sides slowly bends and stores energy, then slips suddenly once friction gives way and springs back, sending the energy out as seismic waves.");
}
