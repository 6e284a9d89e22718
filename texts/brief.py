"""Texts of brief mode (slides for meetings) and of the export buttons."""

TEXTS: dict[str, tuple[str, str]] = {
    "brief.enter": ("简报模式", "Brief mode"),
    "brief.enter_help": ("隐藏侧栏和工具栏，按 1920×1080 幻灯片排版，便于截图放入会议材料。",
                         "Hide the sidebar and toolbar and lay the page out for a 1920×1080 slide."),
    "brief.exit": ("退出简报模式", "Leave brief mode"),
    "brief.whole": ("怒江州", "Nujiang Prefecture"),
    "brief.period": ("{a} 至 {b}", "{a} to {b}"),
    "brief.as_of": ("数据截至 {t}", "Data as of {t}"),
    "brief.as_of_none": ("数据时间不详", "Data time unknown"),
    "brief.scale_note": ("比例尺按其所在纬度量算；指北针沿经线指向正北。",
                         "The scale bar is true at its latitude; the arrow points along the meridian to north."),
    "export.title": ("导出", "Export"),
    "export.help": ("点击后按当前县（市）和时段生成文件，地图约需数秒，简报约需十余秒。",
                    "Files are made on click for the chosen counties and period: seconds for a map, more for a brief."),
    "export.map": ("本页地图（PNG）", "This page's map (PNG)"),
    "export.brief": ("工作简报（Word）", "Brief (Word)"),
    "export.worklist": ("工作清单（Excel）", "Work list (Excel)"),
    "export.worklist.signs": ("交通标志清单", "Traffic signs"),
    "export.worklist.gaps": ("覆盖缺口学校", "Gap schools"),
    "export.worklist.hazards": ("逾期未整改隐患", "Overdue hazards"),
    "export.kind": ("清单", "List"),
}
