//! Bilingual visitor-facing text: every string a visitor reads exists in
//! simplified Chinese and English, and Chinese comes first.

use serde::{Deserialize, Serialize};

/// A language the hall can show. The order of `ALL` is the order of the
/// language toggle: Chinese first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Lang {
    /// 简体中文
    #[default]
    #[serde(rename = "zh")]
    Zh,
    /// English
    #[serde(rename = "en")]
    En,
}

impl Lang {
    /// Every language, Chinese first.
    pub const ALL: [Lang; 2] = [Lang::Zh, Lang::En];

    /// The language the toggle switches to.
    pub fn other(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }

    /// The short code used on the command line and in scene files.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// Parses `zh` or `en` (also `zh-CN`, `cn`, `english`...).
    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "zh" | "zh-cn" | "cn" | "chinese" | "中文" => Some(Lang::Zh),
            "en" | "en-gb" | "en-us" | "english" => Some(Lang::En),
            _ => None,
        }
    }
}

/// A text in both languages, as written in scene files: `(zh: "…", en: "…")`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bilingual {
    /// Simplified Chinese.
    pub zh: String,
    /// English.
    pub en: String,
}

impl Bilingual {
    /// A text from its two languages.
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Self {
        Self {
            zh: zh.into(),
            en: en.into(),
        }
    }

    /// The text in one language.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }

    /// Every character of both languages, for font coverage checks.
    pub fn chars(&self) -> impl Iterator<Item = char> + '_ {
        self.zh.chars().chain(self.en.chars())
    }
}

/// The characters of `texts` that the font face named `family` in the font
/// file `font` (a .ttf, .otf or .ttc collection) has no glyph for, sorted and
/// without repeats. An error says why the font could not be read.
pub fn missing_glyphs<'a>(
    font: &[u8],
    family: &str,
    texts: impl IntoIterator<Item = &'a str>,
) -> Result<Vec<char>, String> {
    let count = ttf_parser::fonts_in_collection(font).unwrap_or(1);
    let face = (0..count)
        .filter_map(|i| ttf_parser::Face::parse(font, i).ok())
        .find(|f| {
            f.names().into_iter().any(|n| {
                n.name_id == ttf_parser::name_id::FAMILY
                    && n.to_string().is_some_and(|s| s == family)
            })
        })
        .ok_or_else(|| format!("no face named {family:?} in the font file"))?;
    let mut missing: Vec<char> = texts
        .into_iter()
        .flat_map(str::chars)
        .filter(|c| !c.is_control() && face.glyph_index(*c).is_none())
        .collect();
    missing.sort_unstable();
    missing.dedup();
    Ok(missing)
}

/// Fixed interface texts of the shell (buttons, notices). Scene texts come
/// from the scene files; these come from here so that they too are checked
/// for both languages and for font coverage.
pub mod ui {
    use super::Bilingual;

    /// One interface text, Chinese first.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub struct UiText {
        /// Simplified Chinese.
        pub zh: &'static str,
        /// English.
        pub en: &'static str,
    }

    impl UiText {
        /// The text in one language.
        pub fn get(&self, lang: super::Lang) -> &'static str {
            match lang {
                super::Lang::Zh => self.zh,
                super::Lang::En => self.en,
            }
        }

        /// The same text as an owned [`Bilingual`].
        pub fn to_bilingual(&self) -> Bilingual {
            Bilingual::new(self.zh, self.en)
        }
    }

    /// Declares fixed texts as `UiText` constants and their list `ALL`
    /// (for coverage tests); kinds declare their own texts with it too.
    macro_rules! ui_texts {
        ($($name:ident = ($zh:literal, $en:literal);)*) => {
            $(#[doc = $en] pub const $name: $crate::domain::text::ui::UiText =
                $crate::domain::text::ui::UiText { zh: $zh, en: $en };)*
            /// Every text declared here, for coverage tests.
            pub const ALL: &[$crate::domain::text::ui::UiText] = &[$($name),*];
        };
    }
    pub(crate) use ui_texts;

    ui_texts! {
        TOUCH_TO_START = ("触摸开始", "Touch to start");
        BACK_HOME = ("返回", "Home");
        PREVIOUS = ("上一页", "Back");
        NEXT = ("下一页", "Next");
        TAP_TO_EXPAND = ("点击展开", "Tap for more");
        TAP_TO_CLOSE = ("点击收起", "Tap to close");
        EXHIBIT_NUMBER = ("展项", "Exhibit");
        CURATOR = ("管理员", "Curator");
        ENTER_PIN = ("请输入管理密码", "Enter the curator PIN");
        WRONG_PIN = ("密码错误", "Wrong PIN");
        LOCKED = ("尝试次数过多，请稍候", "Too many attempts, please wait");
        CLEAR = ("清除", "Clear");
        OK = ("确定", "OK");
        DEFAULT_PIN_WARNING = ("管理密码仍是出厂密码，请用 quakehall set-pin 修改", "The curator PIN is still the shipped default: change it with quakehall set-pin");
        CANCEL = ("取消", "Cancel");
        EXIT_HALL = ("退出程序", "Quit the hall");
        CLOSE_OVERLAY = ("关闭管理", "Close curator mode");
        SCENE_PROBLEMS = ("展项文件问题", "Scene file problems");
        NO_PROBLEMS = ("所有展项文件正常", "All scene files are valid");
        RELOAD = ("重新载入", "Reload scenes");
        NO_EXHIBITS = ("暂无展项", "No exhibits yet");
        LANGUAGE_TOGGLE = ("EN", "中");
        CALM_GROUND = ("让大地平静", "Calm the ground");
        GROUND_UP = ("地面向上运动", "Ground moving up");
        GROUND_DOWN = ("地面向下运动", "Ground moving down");
        HOUSE_SHAKING = ("地面上的房子晃得多厉害", "How hard a house on top shakes");
        RACE_QUESTION = ("哪种波最先到达？", "Which wave arrives first?");
        P_WAVE = ("P波（纵波）", "P wave");
        S_WAVE = ("S波（横波）", "S wave");
        SURFACE_WAVES = ("面波", "Surface waves");
        GUESSED_RIGHT = ("猜对了！", "You guessed right!");
        GUESSED_WRONG = ("没猜对，再试一次吧。", "Not this time: try again.");
        RACE_EXPLAIN = ("P波跑得最快，最先到达；S波第二；面波最慢，却往往晃得最厉害。", "P waves are fastest and arrive first, S waves come second; surface waves are slowest but often shake hardest.");
        RACE_AGAIN = ("再比一次", "Race again");
        ON_THE_WAY = ("在路上……", "On the way…");
        FRONT_P = ("P波（穿过地幔）", "P waves through the mantle");
        FRONT_CORE_P = ("穿过地核的P波", "P waves through the core");
        FRONT_S = ("S波", "S waves");
        SHADOW_ZONE = ("P波影区", "P-wave shadow zone");
        REPLAY = ("重播", "Replay");
        PAUSE = ("暂停", "Pause");
        PLAY = ("继续", "Play");
        STATION_RECORDS = ("地震台记录", "Station records");
        P_SHORT = ("P波", "P wave");
        S_SHORT = ("S波", "S wave");
        LOVE_WAVE = ("勒夫波", "Love wave");
        RAYLEIGH_WAVE = ("瑞利波", "Rayleigh wave");
        ABOUT_P = ("岩石沿着波前进的方向一压一拉，像弹簧。P波跑得最快，能穿过固体、液体和气体。", "The rock is squeezed and stretched along the direction of travel, like a spring. P waves are the fastest and cross solids, liquids and gases.");
        ABOUT_S = ("岩石垂直于前进方向来回晃动。S波比P波慢，不能穿过液体。", "The rock shakes across the direction of travel. S waves are slower than P waves and cannot cross liquids.");
        ABOUT_LOVE = ("只在地表附近：地面左右水平摆动，对建筑的地基伤害很大。", "Near the surface only: the ground sways from side to side, hard on the foundations of buildings.");
        ABOUT_RAYLEIGH = ("地表的岩石沿椭圆倒着转圈，像海浪一样起伏，越往深处越弱。", "At the surface the rock rolls backwards around ellipses, rising and falling like ocean waves, weaker deeper down.");
        SLOW_MOTION = ("慢动作", "Slow motion");
        NORMAL_SPEED = ("正常速度", "Normal speed");
        TAP_A_PARTICLE = ("点一个粒子，看它怎样运动", "Tap a particle to trace its path");
        MAGNITUDE = ("震级", "Magnitude");
        THREE_COMPONENTS = ("每个台站记下三条线：上下、南北、东西", "Each station writes three lines: up-down, north-south, east-west");
        WAVES_COMING = ("等待地震波……", "Waiting for the waves…");
        RESET_VIEW = ("复原视角", "Reset view");
        STATION_RECORD = ("地震台的记录", "The station's record");
        MORE_BELOW = ("向上滑动，还有更多", "Swipe up for more");
        MORE_TO_THE_RIGHT = ("向左滑动，还有更多展区 →", "Swipe left for more zones →");
        EXHIBIT_RESTING = ("这个展项正在休息，去看看别的展项吧！", "This exhibit is taking a rest: try another one!");
        LISTEN = ("听一听", "Listen");
        ZOOM_IN = ("放大", "Zoom in");
        ZOOM_OUT = ("缩小", "Zoom out");
        STOP_LISTENING = ("停", "Stop");
        SOUND_UNAVAILABLE = ("声音不可用：本机没有音频输出", "Sound unavailable: no audio output on this machine");
    }
}
