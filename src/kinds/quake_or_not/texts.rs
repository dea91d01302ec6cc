//! The fixed texts of "Quake or not?", Chinese first. They are part of the
//! kind's visitor texts, so that the checks of both languages and of the
//! font's coverage see them.

use crate::domain::text::ui::ui_texts;

ui_texts! {
    HOW = ("按住一张卡片，上面就会画出它的记录。把卡片拖进它该去的筐里。", "Press a card and its record is drawn above. Drag the card into the bin it belongs in.");
    WHY = ("地震先来P波，再来更大的S波。爆破的P波强、S波弱；汽车的抖动又快又小，没有P波和S波；远方地震的波又慢又长。", "A quake sends P, then a bigger S. A blast makes a strong P and a weak S; cars make small fast shaking with no P or S; a faraway quake's waves are slow and long.");
    GLOWS = ("发亮的筐就是这张卡片的家。", "The glowing bin is where this card belongs.");
    HINT = ("提示", "Hint");
    PRESS_A_CARD = ("按住下面的一张卡片 ↓", "Press a card below ↓");
    LOCAL = ("附近的地震", "Quake nearby");
    DISTANT = ("远方的地震", "Quake far away");
    BLAST = ("采石场爆破", "Quarry blast");
    TRAFFIC = ("汽车", "Traffic");
    AGAIN_LOCAL = ("再看看：有没有P波，紧接着更大的S波？", "Look again: is there a P, then soon a bigger S?");
    AGAIN_DISTANT = ("再看看：波是不是又慢又长，S波来得很晚？", "Look again: are the waves slow and long, with S very late?");
    AGAIN_BLAST = ("再看看：P波很强，S波几乎没有。是什么时候记录的？", "Look again: a strong P and hardly any S. And what time was it?");
    AGAIN_TRAFFIC = ("再看看：有P波和S波吗？还是一会儿大一会儿小的抖动？", "Look again: is there a P and an S, or shaking that comes and goes?");
    NEXT_TABLE = ("下一桌卡片", "Next cards");
    SEE_STARS = ("看看得了几颗星", "See your stars");
    PLAY_AGAIN = ("再玩一次", "Play again");
    DETECTIVES = ("地震台网每天都要这样分辨：每个记录都是地震吗？爆破和汽车不能算进地震目录。", "Seismic networks do this every day: is each record a quake? Blasts and traffic must stay out of the earthquake catalogue.");
}
