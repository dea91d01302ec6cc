//! The fixed texts of "The drum recorder", Chinese first. They are part of
//! the kind's visitor texts, so that the checks of both languages and of
//! the font's coverage see them.

use crate::domain::text::ui::ui_texts;

ui_texts! {
    LINE = ("每一行是", "Each line is");
    MINUTES = ("分钟", "minutes");
    LEFT_RIGHT = ("左边是北京时间，右边是世界时（UTC）。", "Beijing time on the left, UTC on the right.");
    FILTER_ON = ("滤波：开", "Filter: on");
    FILTER_OFF = ("滤波：关", "Filter: off");
    FILTER_SAYS = ("滤波只留下1到10赫兹的抖动：海浪引起的缓慢起伏不见了，近处的小地震更清楚。", "The filter keeps only 1-10 Hz shaking: the slow swell made by ocean waves goes, and small nearby quakes stand out.");
    BACK = ("回到滚筒", "Back to the drum");
    NOTHING = ("这里没有地震：只有海浪、风和城市的嗡嗡声。", "No quake here: only the ocean, the wind and the hum of the city.");
    ZOOM_HOW = ("左右拖动可以看前后。", "Drag sideways to look before and after.");
    GAP = ("有一段空白：那时台站停电了，什么也没记下来。", "There is a blank stretch: the station's power was off and nothing was recorded.");
}
