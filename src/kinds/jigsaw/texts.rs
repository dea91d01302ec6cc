//! The fixed texts of the seismogram jigsaw, Chinese first. They are part
//! of the kind's visitor texts, so that the checks of both languages and
//! of the font's coverage see them.

use crate::domain::text::ui::ui_texts;

ui_texts! {
    HOW = ("上下拖动记录，把离地震最近的台放在最上面，最远的放在最下面。", "Drag the records up and down: the station nearest the quake on top, the farthest at the bottom.");
    WHY = ("地震波要走路：台站越远，P波和S波来得越晚，两者相隔也越久。", "Waves take time to travel: the farther the station, the later P and S arrive, and the longer the gap between them.");
    LOOK_HERE = ("橙色的小线标出了每条记录上P波开始的地方。", "The little orange lines mark where P begins on each record.");
    LINES = ("两条记录顺序对了，它们之间的P线和S线就会亮起来。", "When two records are in the right order, the P and S lines between them light up.");
    SOLVED = ("排好了！P线（橙色）和S线（蓝色）连成了一条，越远越晚。", "Sorted! The P line (orange) and the S line (blue) run all the way down: the farther, the later.");
    SHOW_CURVES = ("按真实距离排开", "Spread by real distance");
    CURVES = ("现在每条记录放在它真实的距离上。两条曲线是地球模型算出的P波和S波走时：记录上的波正好落在曲线上。", "Now each record sits at its real distance. The two curves are the P and S travel times the Earth model gives: the waves on the records fall right on them.");
    AXES = ("横轴：地震后的秒数　纵轴：离震中的公里数", "Across: seconds after the quake   Down: km from the epicentre");
    TIME_AXIS = ("横轴：地震后的秒数", "Across: seconds after the quake");
    HINT = ("提示", "Hint");
    NEXT_QUAKE = ("下一个地震", "Next quake");
    SEE_STARS = ("看看得了几颗星", "See your stars");
    PLAY_AGAIN = ("再玩一次", "Play again");
    SECTION = ("地震学家把很多台站的记录这样排在一起，叫“记录剖面”，用来研究地球内部。", "Seismologists lay many stations' records side by side like this, a record section, to study the inside of the Earth.");
}
