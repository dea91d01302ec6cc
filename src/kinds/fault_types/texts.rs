//! The fixed texts of "Fault types", Chinese first. They are part of the
//! kind's visitor texts, so that the checks of both languages and of the
//! font's coverage see them.

use crate::domain::text::ui::ui_texts;

ui_texts! {
    NORMAL = ("正断层", "Normal fault");
    REVERSE = ("逆断层", "Reverse fault");
    STRIKE_SLIP = ("走滑断层", "Strike-slip fault");
    HANGING_WALL = ("上盘", "Hanging wall");
    FOOTWALL = ("下盘", "Footwall");
    WEST_BLOCK = ("西盘", "West block");
    EAST_BLOCK = ("东盘", "East block");
    PULL = ("拉张：岩层被两边拉开，上盘顺着断层面滑下去。", "Pulled apart: the rocks are stretched, and the hanging wall slides down the fault.");
    PUSH = ("挤压：岩层被两边推挤，上盘沿着断层面被推上去。", "Pushed together: the rocks are squeezed, and the hanging wall is pushed up the fault.");
    SHEAR = ("剪切：两边朝相反方向错动，岩块水平地擦过彼此。", "Sheared: the two sides are pushed opposite ways and slide past each other sideways.");
    DRAG = ("用手指沿着箭头拖动岩块。", "Drag the block along the arrow with your finger.");
    EXAMPLE = ("真实的例子：", "A real example: ");
    AGAIN = ("放回原处", "Put it back");
}
