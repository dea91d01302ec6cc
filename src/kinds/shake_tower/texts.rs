//! The fixed texts of "Little engineer", Chinese first. They are part of
//! the kind's visitor texts, so that the checks of both languages and of
//! the font's coverage see them.

use crate::domain::text::ui::ui_texts;

ui_texts! {
    ADD_FLOOR = ("加一层", "Add a floor");
    REMOVE_FLOOR = ("减一层", "Remove a floor");
    BRACES = ("加支撑", "Braces");
    DAMPERS = ("加阻尼器", "Dampers");
    WEIGHT = ("顶上加重物", "Weight on top");
    SHAKE = ("开始摇晃！", "Shake it!");
    BUILD_AGAIN = ("重新设计", "Change the tower");
    TAP_A_STOREY = ("点楼层可以给这一层加上或拆掉斜撑。", "Tap a storey to add or take off its braces.");
    RECORD = ("用哪条地震记录摇？", "Which earthquake record?");
    STOOD = ("大楼挺住了！", "The tower stood!");
    FELL = ("大楼倒了……", "The tower came down…");
    RESONANCE = ("共振！大楼自己摆动的快慢和地面摇晃的快慢差不多，所以越摇越厉害。", "Resonance! The tower sways at nearly the same pace as the ground shakes, so each shake adds to the last.");
    NO_RESONANCE = ("大楼摆动的快慢和地面摇晃的快慢不一样，地面的推动常常和它对着干。", "The tower sways at a different pace from the ground, so the ground's pushes often work against each other.");
    TRY_BRACES = ("试试加支撑（让楼变硬，摆得更快）或阻尼器（把摆动的能量吃掉）。", "Try braces (a stiffer tower sways faster) or dampers (they soak up the swaying).");
    LEGEND = ("颜色：绿色稳当，黄色危险，红色快断了", "Colours: green calm, yellow risky, red about to break");
    SOURCE = ("剪切型楼房模型，Newmark 平均加速度法（Chopra《结构动力学》）；地震记录为合成记录", "Shear building model, Newmark average-acceleration method (Chopra, Dynamics of Structures); the records are synthetic");
}
