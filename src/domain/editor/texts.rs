//! The editor's own words (curators read them; Chinese first).

use crate::domain::text::ui::ui_texts;

ui_texts! {
    EDIT_SCENES = ("编辑展项", "Edit scenes");
    CHOOSE_FILE = ("选择要编辑的文件", "Choose a file to edit");
    HALL_FILE = ("展厅设置（分区、顺序、隐藏）", "Hall settings (zones, order, hidden)");
    UNDO = ("撤销", "Undo");
    REDO = ("重做", "Redo");
    SAVE = ("保存", "Save");
    SAVED = ("已保存，展厅已更新", "Saved: the hall shows it now");
    CANNOT_SAVE = ("有错误，改正后才能保存", "Fix the errors to save");
    NOTHING_TO_SAVE = ("没有改动", "No changes");
    HISTORY = ("历史版本", "History");
    NO_HISTORY = ("还没有保存过的旧版本", "No earlier versions yet");
    REVERT = ("恢复此版本", "Revert to this");
    REVERTED = ("已恢复到旧版本：请检查后保存", "Earlier version restored: check it and save");
    COPY_EXHIBIT = ("复制为新展项", "Copy as new");
    COPIED = ("已复制为新展项", "Copied as a new exhibit");
    CLOSE = ("关闭", "Close");
    BACK_TO_FILES = ("文件列表", "Files");
    CHANGED_ON_DISK = ("此文件已在别处被修改", "This file was changed elsewhere");
    RELOAD_FILE = ("载入新版本（放弃草稿）", "Load theirs (drop my draft)");
    KEEP_MINE = ("保留我的草稿", "Keep my draft");
    DRAFT_WAITING = ("有一份未保存的草稿", "An unsaved draft is waiting");
    CONTINUE_DRAFT = ("继续编辑草稿", "Continue the draft");
    DISCARD_DRAFT = ("丢弃草稿", "Discard it");
    DRAFT_KEPT = ("未保存的改动已留作草稿", "Unsaved changes were kept as a draft");
    ZH = ("中文", "Chinese");
    EN = ("英文", "English");
    YES = ("是", "Yes");
    NO = ("否", "No");
    NOT_SET = ("未设置", "not set");
    MOVE_UP = ("上移", "Up");
    MOVE_DOWN = ("下移", "Down");
    COPY_ITEM = ("复制一项", "Copy");
    REMOVE_ITEM = ("删除", "Remove");
    MOVE_TO = ("移到", "Move to");
    CHOOSE = ("选择文件", "Choose file");
    NOT_A_NUMBER = ("不是数字", "Not a number");
    ALLOWED = ("允许", "allowed");
    ITEMS = ("项", "items");
    MORE_CHANGES = ("处其他改动", "more changes");
}
