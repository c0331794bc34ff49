/// The people, departments, rooms and supplies of the demo and generated offices:
/// a Shanghai office with staff named in Chinese and in English.
enum OfficeCast {
    static let departments: [(String, String)] = [
        ("行政部", "lina"), ("销售部", "wangwei"), ("研发部", "chenjing"), ("财务部", "ann"), ("人力资源部", "zhaolei"),
    ]
    static let people: [(login: String, name: String, dept: String)] = [
        ("lina", "李娜", "行政部"), ("zhangmin", "张敏", "行政部"), ("tom", "Tom Becker", "行政部"),
        ("wangwei", "王伟", "销售部"), ("liuyang", "刘洋", "销售部"), ("maria", "Maria Garcia", "销售部"),
        ("chenjing", "陈静", "研发部"), ("priya", "Priya Nair", "研发部"), ("zhoujie", "周杰", "研发部"),
        ("ann", "Ann Lee", "财务部"), ("sam", "Sam Okafor", "财务部"),
        ("zhaolei", "赵磊", "人力资源部"), ("huangli", "黄丽", "人力资源部"), ("david", "David Chen", "研发部"),
    ]
    static let approvers = ["wangwei", "chenjing", "ann", "zhaolei", "lina"]
    static let leads = ["lina"]
    static let desk = ["zhangmin", "tom", "lina"]

    static let rooms: [(name: String, capacity: Int, equipment: [String])] = [
        ("长城厅 Great Wall", 16, ["projector", "video", "whiteboard"]),
        ("黄山 Huangshan", 8, ["projector", "whiteboard"]),
        ("Board Room", 20, ["projector", "video"]),
        ("Focus 1", 4, ["whiteboard"]),
        ("Focus 2", 4, []),
        ("泰山 Taishan", 10, ["projector"]),
        ("Training Room", 30, ["projector", "video", "whiteboard"]),
        ("莲花 Lotus", 6, ["video"]),
        ("西湖 West Lake", 12, ["projector", "video"]),
        ("Studio", 6, ["video", "whiteboard"]),
    ]

    static let meetingTitles = [
        "周例会 Weekly sync", "季度预算评审", "Client demo: Huaxin", "Product roadmap", "新员工入职培训",
        "Supplier negotiation", "项目启动会 Kick-off", "Design review", "安全生产检查", "All-hands prep",
        "Hiring panel", "合同评审", "Marketing plan Q1", "IT outage post-mortem", "年会筹备", "1:1 coaching",
        "Sprint planning", "客户回访 Client follow-up", "Board pack review", "Office move planning",
    ]

    static let visitorNames = [
        "刘德明", "Emily Watson", "孙小红", "Kenji Tanaka", "郭晓峰", "Olivia Brown", "马云飞", "Lukas Müller",
        "何静怡", "Aisha Khan", "杨帆", "Carlos Mendes", "林志强", "Sofia Rossi", "吴婷婷", "James O'Neil",
        "许文博", "Hannah Kim", "高建国", "Pierre Dubois", "罗晓燕", "Nguyen Van An", "谢天明", "Grace Park",
        "邓丽君", "Mohammed Ali", "曹雪", "Ivan Petrov", "彭宇", "Zoe Clark", "冯伟", "Lena Schmidt",
    ]
    static let companies = [
        "华信科技", "Acme Logistics", "上海电力设计院", "Northwind Traders", "安永 EY", "字节跳动", "Globex",
        "中国银行 BOC", "Initech", "顺丰速运", "Siemens China", "物业管理处",
    ]
    static let purposes = [
        "商务洽谈 Business meeting", "Interview", "Delivery", "Audit", "设备维修 Repair", "Contract signing",
        "Site visit", "培训 Training", "Courier", "Partnership talk",
    ]

    /// (sku, name, unit, category, reorderAt, target, price)
    static let supplies: [(String, String, String, String, Int, Int, Double)] = [
        ("PAP-A4", "A4 复印纸 copy paper", "ream", "paper", 40, 120, 24.5),
        ("PAP-A3", "A3 复印纸", "ream", "paper", 10, 30, 45.0),
        ("PEN-BLK", "黑色签字笔 gel pen black", "box", "writing", 15, 50, 18.0),
        ("PEN-BLU", "Ballpoint pen blue", "box", "writing", 10, 40, 15.0),
        ("PEN-RED", "红色圆珠笔", "box", "writing", 5, 20, 15.0),
        ("MRK-WB", "Whiteboard marker set", "set", "writing", 8, 25, 32.0),
        ("HL-YEL", "荧光笔 highlighter", "box", "writing", 6, 20, 22.0),
        ("NB-A5", "A5 笔记本 notebook", "piece", "paper", 30, 100, 6.5),
        ("PST-IT", "Post-it notes 76×76", "pack", "paper", 20, 60, 9.8),
        ("ENV-C5", "信封 C5 envelope", "box", "paper", 5, 15, 38.0),
        ("FLD-A4", "文件夹 document folder", "piece", "filing", 25, 80, 4.2),
        ("BND-50", "Ring binder 50 mm", "piece", "filing", 10, 40, 12.0),
        ("CLP-M", "回形针 paper clips", "box", "small", 10, 30, 3.5),
        ("STP-24", "订书钉 staples 24/6", "box", "small", 10, 30, 4.0),
        ("STPL", "Stapler", "piece", "small", 3, 10, 28.0),
        ("TAP-CLR", "透明胶带 clear tape", "roll", "small", 12, 40, 2.8),
        ("SCS", "Scissors", "piece", "small", 3, 10, 9.9),
        ("GLU", "胶棒 glue stick", "piece", "small", 10, 30, 3.2),
        ("TNR-HP", "HP 26A toner", "cartridge", "printer", 3, 8, 520.0),
        ("TNR-CN", "Canon 硒鼓 toner", "cartridge", "printer", 2, 6, 480.0),
        ("INK-EP", "Epson ink set", "set", "printer", 2, 6, 260.0),
        ("BAT-AA", "AA 电池 batteries", "pack", "electrical", 10, 30, 19.9),
        ("BAT-AAA", "AAA batteries", "pack", "electrical", 6, 20, 19.9),
        ("CBL-HDMI", "HDMI cable 2 m", "piece", "electrical", 3, 10, 35.0),
        ("USB-C", "USB-C 转接头 adapter", "piece", "electrical", 3, 10, 59.0),
        ("EXT-4", "插线板 power strip", "piece", "electrical", 2, 8, 69.0),
        ("TEA-GRN", "绿茶 green tea", "box", "pantry", 8, 24, 45.0),
        ("COF-BN", "Coffee beans 1 kg", "bag", "pantry", 4, 12, 128.0),
        ("CUP-PAP", "纸杯 paper cups", "sleeve", "pantry", 20, 60, 8.0),
        ("WTR-550", "Bottled water 550 ml", "case", "pantry", 10, 30, 28.0),
        ("SUG", "Sugar sticks", "box", "pantry", 3, 10, 12.0),
        ("TIS-BX", "抽纸 tissues", "box", "cleaning", 30, 90, 5.5),
        ("HND-SAN", "Hand sanitiser", "bottle", "cleaning", 6, 20, 18.0),
        ("TRB-BAG", "垃圾袋 bin bags", "roll", "cleaning", 10, 30, 7.5),
        ("WIPE", "Disinfectant wipes", "pack", "cleaning", 8, 24, 14.0),
        ("BDG-HLD", "访客证套 badge holders", "piece", "reception", 20, 60, 2.0),
        ("LNY-RED", "Lanyards red", "piece", "reception", 20, 60, 3.0),
        ("GFT-BOX", "定制礼品 custom gift box", "piece", "gifts", 5, 20, 168.0),
        ("NAME-CD", "Name cards blank", "pack", "reception", 5, 15, 16.0),
        ("MSK-N95", "N95 口罩 masks", "box", "safety", 5, 20, 65.0),
        ("FA-KIT", "First-aid kit refill", "set", "safety", 2, 6, 88.0),
        ("USB-32", "U 盘 32 GB", "piece", "electrical", 4, 12, 39.0),
    ]
}
