//! The fixed texts of "Plates and seismic belts", Chinese first. They are
//! part of the kind's visitor texts, so that the checks of both languages
//! and of the font's coverage see them.

use crate::domain::text::ui::ui_texts;

ui_texts! {
    SPREADING = ("张裂：板块分开（洋中脊、裂谷）", "Spreading: plates move apart (ridges, rifts)");
    TRANSFORM = ("错动：板块互相擦过（转换断层）", "Sliding: plates grind past (transform faults)");
    CONVERGING = ("汇聚：板块相撞或俯冲", "Converging: plates collide or dive under");
    SHALLOW = ("浅源（70千米以内）", "Shallow (under 70 km)");
    INTERMEDIATE = ("中源（70–300千米）", "Intermediate (70–300 km)");
    DEEP = ("深源（300千米以下）", "Deep (below 300 km)");
    DEPTH_UNKNOWN = ("深度不详", "depth not known");
    QUAKES_SHOWN = ("次地震", "quakes");
    SINCE = ("1900年以来", "since 1900");
    MAGNITUDE_AT_LEAST = ("震级不小于", "Magnitude at least");
    PLAY_YEARS = ("播放年代", "Play the years");
    BELTS = ("看，地震排成了长长的带子：沿着太平洋一圈是“环太平洋地震带”，从地中海经喜马拉雅到中国西南是“欧亚地震带”。它们正是板块相遇的地方。", "See how the quakes line up in long belts: round the Pacific runs the Ring of Fire, and from the Mediterranean over the Himalaya into south-west China the Alpine-Himalayan belt. That is where plates meet.");
    TAP_A_QUAKE = ("点一个亮点，看看那次地震。", "Tap a dot to see that quake.");
    DEPTH = ("深度", "depth");
    MAGNITUDE = ("震级", "magnitude");
    CREDIT = ("板块边界：Bird (2003) PB2002，Hugo Ahlenius, Nordpil and Peter Bird（ODC-By）· 地震目录：U.S. Geological Survey, ANSS ComCat；1980年前为 ISC-GEM Global Instrumental Earthquake Catalogue（CC BY-SA 3.0）· 陆地：Natural Earth", "Plate boundaries: Bird (2003) PB2002, Hugo Ahlenius, Nordpil and Peter Bird (ODC-By) · Earthquakes: U.S. Geological Survey, ANSS ComCat; before 1980 ISC-GEM Global Instrumental Earthquake Catalogue (CC BY-SA 3.0) · Land: Natural Earth");
}
