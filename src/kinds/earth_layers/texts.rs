//! The fixed texts of "Inside the Earth", Chinese first. They are part of
//! the kind's visitor texts, so that the checks of both languages and of
//! the font's coverage see them.

use crate::domain::text::ui::ui_texts;

ui_texts! {
    CRUST = ("地壳", "Crust");
    UPPER_MANTLE = ("上地幔", "Upper mantle");
    TRANSITION_ZONE = ("地幔过渡带", "Transition zone");
    LOWER_MANTLE = ("下地幔", "Lower mantle");
    OUTER_CORE = ("外核", "Outer core");
    INNER_CORE = ("内核", "Inner core");
    SOLID = ("固态", "solid");
    LIQUID = ("液态", "liquid");
    DEPTH = ("深度", "Depth");
    P_SPEED = ("P波速度", "P-wave speed");
    S_SPEED = ("S波速度", "S-wave speed");
    DENSITY = ("密度", "Density");
    CHOOSE_LAYER = ("点一下剖面上的一层，或下面的按钮。", "Tap a layer on the cut, or a button below.");
    CRUST_ABOUT = ("我们脚下的岩石。和地球比，它薄得像苹果皮：按比例画出来只有一条细线。", "The rock under our feet. Next to the whole Earth it is as thin as an apple's skin: drawn to scale it is only a thin line.");
    UPPER_MANTLE_ABOUT = ("炽热的岩石，是固体，却能像极稠的糖浆一样极慢地流动，推着板块走。", "Hot rock: solid, yet it creeps like very thick syrup, very slowly, and carries the plates along.");
    TRANSITION_ZONE_ABOUT = ("在410和660千米深处，岩石中的矿物在巨大压力下变成更紧密的结构，地震波速度在这里跳变。", "At 410 and 660 km the minerals in the rock are squeezed into tighter forms, and the waves' speed jumps there.");
    LOWER_MANTLE_ABOUT = ("地球最厚的一层，一直延伸到约2900千米深的核幔边界。", "The thickest layer of the Earth, down to the core-mantle boundary at about 2,900 km.");
    OUTER_CORE_ABOUT = ("液态的铁和镍。S波是横向抖动的波，液体不能被“扭”，所以S波穿不过外核：在地球另一面就留下了S波的影区。它的流动产生了地球的磁场。", "Liquid iron and nickel. S waves shake sideways, and a liquid cannot be twisted, so S waves cannot cross the outer core: that leaves the S-wave shadow on the far side. Its flow makes the Earth's magnetic field.");
    INNER_CORE_ABOUT = ("固态的铁球，温度和太阳表面差不多，却在巨大的压力下保持固态。", "A solid ball of iron as hot as the Sun's surface, kept solid by the enormous pressure.");
    S_ZERO = ("0：S波无法通过", "0: S waves cannot pass");
    TO_SCALE = ("剖面按比例画出：半径6371千米", "The cut is drawn to scale: radius 6,371 km");
    CREDIT = ("地球模型：", "Earth model: ");
    LAND_CREDIT = ("陆地：Natural Earth", "Land: Natural Earth");
}
