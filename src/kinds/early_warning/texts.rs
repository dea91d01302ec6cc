//! The fixed texts of "Early-warning countdown", Chinese first. They are
//! part of the kind's visitor texts, so that the checks of both languages
//! and of the font's coverage see them.

use crate::domain::text::ui::ui_texts;

ui_texts! {
    CHOOSE = ("选一个地震，看看预警能提前几秒：", "Choose a quake and see how many seconds of warning it gives:");
    WAITING_P = ("地震发生了！P波正在向台站传去……", "The quake has struck! Its P wave is racing to the stations…");
    DETECTING = ("台站测到了P波，电脑正在计算地点和震级……", "Stations have caught the P wave; computers are working out where and how big…");
    ALERT_OUT = ("预警已发出！电波比地震波快得多，能抢在破坏性的S波之前。", "The alert is out! Radio is far faster than seismic waves, so it beats the damaging S wave.");
    BLIND_ZONE = ("紫色圈是“盲区”：发出预警时，S波已经到过这里，来不及预警。离震中越远，提前的时间越多。", "The purple circle is the blind zone: when the alert goes out the S wave has already been there, so no warning is possible. The farther from the epicentre, the more seconds of warning.");
    WHAT_TO_DO = ("收到预警：在室内就近躲到结实的桌子下，护住头；在室外远离楼房和电线杆。", "When the alert comes: indoors, get under a sturdy table and protect your head; outdoors, keep away from buildings and poles.");
    AGAIN = ("再试一次", "Try again");
    HALL = ("科技馆", "The hall");
    LEGEND_P = ("P波（跑得快，摇得轻）", "P wave (fast, gentle)");
    LEGEND_S = ("S波（慢一些，摇得厉害）", "S wave (slower, strong shaking)");
    LEGEND_STATION = ("地震台（测到P波变黄）", "Station (yellow once it hears P)");
    SCALE = ("100 公里", "100 km");
    SOURCE = ("到时：地球模型；烈度：汪素云、俞言祥等（2000）衰减关系；站点为示意", "Times: the Earth model · Intensity: attenuation of Wang Suyun, Yu Yanxiang et al. (2000) · Stations placed for illustration");
}
