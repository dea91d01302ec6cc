//! The fixed texts of "Magnitude and intensity", Chinese first. They are
//! part of the kind's visitor texts, so that the checks of both languages
//! and of the font's coverage see them.

use crate::domain::text::ui::ui_texts;

ui_texts! {
    MAGNITUDE = ("震级", "Magnitude");
    SHALLOW = ("浅源", "Shallow");
    DEEP = ("深源", "Deeper");
    KM = ("公里", "km");
    TAP_A_RING = ("点一点地图上的一圈，看看那里的人会感到什么。", "Tap a ring on the map to see what people there would feel.");
    ONE_MAGNITUDE = ("一次地震只有一个震级，却有很多个烈度：离震中越远，摇得越轻。", "A quake has one magnitude but many intensities: the farther from the epicentre, the gentler the shaking.");
    DEEPER_SMALLER = ("同样的震级，震源更深：它离每个人都更远，震中附近摇得轻了，圈也变小了。白线是浅源那次的圈。", "Same magnitude, deeper focus: it is farther from everyone, so near the epicentre the shaking is weaker and the rings are smaller. The white lines are the shallow quake's rings.");
    SCALE = ("100 公里", "100 km");
    CREDIT = ("烈度：中国地震烈度表（GB/T 17742-2020）· 衰减关系：汪素云、俞言祥等（2000），中国西部", "Intensity: China seismic intensity scale (GB/T 17742-2020) · Attenuation: Wang Suyun, Yu Yanxiang et al. (2000), western China");
}
