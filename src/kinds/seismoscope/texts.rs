//! The fixed texts of "Zhang Heng's seismoscope", Chinese first. They are
//! part of the kind's visitor texts, so that the checks of both languages
//! and of the font's coverage see them.

use crate::domain::text::ui::ui_texts;

ui_texts! {
    CHOOSE = ("选一次地震，让地动仪感受它的晃动！", "Pick a quake and let the seismoscope feel it shake!");
    SHAKING = ("地面在晃！仪器里挂着一根很重的柱子，它跟不上，下端就朝另一边荡。", "The ground shakes! A heavy column hangs inside: it lags behind, so its foot swings the other way.");
    STILL = ("柱子荡得不够远，八条龙都没有张嘴：这次地震对它来说太弱了。", "The column did not swing far enough and no dragon opened its mouth: this quake was too weak for it.");
    FACING = ("龙头正对着震中！", "It points right at the epicentre!");
    BESIDE = ("差一点：震中在它旁边那条龙的方向。", "Nearly: the epicentre lies towards the dragon beside it.");
    OPPOSITE = ("正好相反！柱子先朝远离震中的那一边荡得够远。所以有人认为它只能指出一条线，分不清是哪一头。", "The opposite way! The column first swung far enough away from the quake. So some think it showed only a line, not which end of it.");
    ACROSS = ("方向偏了：先把柱子荡开的是横着晃的波。", "Off to the side: waves shaking the ground sideways swung the column first.");
    TRUTH = ("震中真正的方向", "The true direction of the epicentre");
    DROPPED = ("吐出铜丸的龙", "The dragon that dropped its ball");
    DEBATED = ("张衡在公元132年造出了候风地动仪，可它早已失传，史书里只留下196个字。里面到底是什么样，科学家至今还在争论。这里演示的是2005年中国地震局等复原的“悬垂摆”模型：一根挂着的重柱子。", "Zhang Heng built his seismoscope in AD 132, but it was lost long ago: the history books keep only 196 characters about it. What was inside is still debated. Shown here is the suspended-pendulum model reconstructed in 2005 for the China Earthquake Administration: a heavy hanging column.");
    LONGXI = ("史书记载：有一天，一条龙吐出了铜丸，可京城洛阳谁也没觉得地动。几天后，信使从陇西赶来：那里真的地震了！（《后汉书·张衡传》，一般认为是公元138年）", "The history tells that one day a dragon dropped its ball, yet nobody in Luoyang, the capital, felt the ground move. Days later a messenger rode in from Longxi: there had been an earthquake! (Book of the Later Han; usually dated AD 138)");
}
