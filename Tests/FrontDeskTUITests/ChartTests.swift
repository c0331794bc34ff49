import Foundation
import FrontDeskKit
@testable import FrontDeskTUI
import Testing
import TestSupport

/// The Reports screen's charts as text: scaled to the width, zero draws nothing, the numbers
/// beside a bar are the report's, CJK labels keep the bars in one column, and every chart reads
/// without colour (and in ASCII).
@Suite struct ChartTests {
    @Test func theLargestValueFillsTheBarAndZeroDrawsNothing() {
        #expect(Charts.bar(40, top: 40, width: 20) == String(repeating: "█", count: 20))
        #expect(Charts.bar(0, top: 40, width: 20) == "")
        #expect(Charts.bar(-3, top: 40, width: 20) == "")
        #expect(Charts.bar(5, top: 0, width: 20) == "")
        #expect(Charts.bar(20, top: 40, width: 20) == String(repeating: "█", count: 10))
        // 11/40 of 20 cells = 5.5 cells: five full and a half cell.
        #expect(Charts.bar(11, top: 40, width: 20) == String(repeating: "█", count: 5) + "▌")
        // A tiny value still shows, as the thinnest eighth.
        #expect(Charts.bar(0.001, top: 40, width: 20) == "▏")
        #expect(Charts.bar(11, top: 40, width: 20, ascii: true) == "#####=")
        #expect(Charts.bar(0.001, top: 40, width: 20, ascii: true) == "=")
    }

    static let departments: [(label: String, value: Double, text: String)] = [
        ("行政部", 4900, "4,900"), ("Engineering", 1225, "1,225"), ("财务部 Finance", 0, "0"), ("HR", 2450, "2,450"),
    ]

    @Test(arguments: [80, 120]) func barsScaleToTheWidthAndKeepCJKLabelsInOneColumn(width: Int) {
        let grid = Charts.bars(Self.departments, width: width)
        let lines = grid.text.components(separatedBy: "\n")
        #expect(lines.count == 4)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= width })
        // Every bar starts in the same display column whatever the label's script.
        let starts = lines.enumerated().compactMap { i, l -> Int? in
            Self.departments[i].value > 0 ? PaneFixture.column(of: String(l.first { "▏▎▍▌▋▊▉█".contains($0) } ?? "?"), in: l).map { _ in
                DisplayWidth.of(l.prefix { !"▏▎▍▌▋▊▉█".contains($0) })
            } : nil
        }
        #expect(Set(starts).count == 1, "\(lines)")
        // The largest value's bar reaches the value column; the others are in proportion.
        let full = lines[0].filter { $0 == "█" }.count
        let barWidth = width - 14 - 5 - 3   // the label column (longest label, 14), the value column (5) and three gaps
        #expect(full == barWidth, "\(lines[0])")
        #expect(lines[2].filter { "▏▎▍▌▋▊▉█".contains($0) }.isEmpty, "zero draws nothing")
        let eighths = Charts.barEighths(2450, top: 4900, width: barWidth)
        #expect(eighths == barWidth * 4)
        // The numbers are the rows' own, right-aligned after the bar.
        for (i, r) in Self.departments.enumerated() { #expect(lines[i].hasSuffix(" " + r.text) || lines[i].hasSuffix(r.text)) }
    }

    @Test func aTwelveMonthSparklinePeaksAtTheLargestAndLeavesZeroBlank() {
        let months = (1...12).map { String(format: "2026-%02d", $0) }
        var values = (1...12).map { Double($0) * 10 }
        values[3] = 0
        let grid = Charts.sparkline(labels: months, values: values, texts: values.map { String(Int($0)) }, width: 80)
        let lines = grid.text.components(separatedBy: "\n")
        // 80 / 12 = 6 cells a month: five glyphs and a gap.
        // Levels are eighths of the largest, rounded: 10→1, 20→1, 30→2, 50→3 … 110→7, 120→8.
        #expect(lines[0].hasPrefix("▁▁▁▁▁ ▁▁▁▁▁ ▂▂▂▂▂       ▃▃▃▃▃ ▄▄▄▄▄ "))
        #expect(lines[0].hasSuffix("▇▇▇▇▇ █████"))
        #expect(lines[1].hasPrefix("01    02    03    04"))
        #expect(lines[2] == "max 120 (2026-12) · last 120")
        let narrow = Charts.sparkline(labels: months, values: values, texts: [], width: 24).text.components(separatedBy: "\n")
        #expect(narrow[0] == "▁ ▁ ▂   ▃ ▄ ▅ ▅ ▆ ▇ ▇ █")
        let ascii = Charts.sparkline(labels: months, values: values, texts: [], width: 24, ascii: true).text.components(separatedBy: "\n")
        #expect(ascii[0] == "1 1 2   3 4 5 5 6 7 7 8")
    }

    static let week = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    static let hours = (8...18).map { String(format: "%02d", $0) }
    static var heat: [[Double]] {
        (0..<7).map { d in (0..<11).map { h in d >= 5 ? 0 : Double((d + h) % 5) * 2 } }   // 0…8, weekends empty
    }

    @Test(arguments: [80, 120]) func theHeatMapFitsTheWidthAndShadesByQuarters(width: Int) {
        let grid = Charts.heatmap(rows: Self.week, columns: Self.hours, values: Self.heat, width: width, unit: "room-hours")
        let lines = grid.text.components(separatedBy: "\n")
        #expect(lines.count == 9)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= width })
        #expect(lines[0].hasPrefix("    08  09  10"))
        // Monday: 0 2 4 6 8 0 2 4 6 8 0 → blank ░ ▒ ▓ █ blank …, three cells and a gap each.
        #expect(lines[1] == "Mon     ░░░ ▒▒▒ ▓▓▓ ███     ░░░ ▒▒▒ ▓▓▓ ███")
        #expect(lines[6] == "Sat" && lines[7] == "Sun", "no meetings: nothing drawn")
        #expect(lines[8] == "░ ≤2  ▒ ≤4  ▓ ≤6  █ ≤8  room-hours")
    }

    @Test func chartsReadWithoutColour() throws {
        // Four levels are four glyphs, so a monochrome terminal (or a screen reader's text) tells them apart …
        let grid = Charts.heatmap(rows: Self.week, columns: Self.hours, values: Self.heat, width: 80)
        #expect(Set(grid.line(1).filter { "░▒▓█".contains($0) }) == ["░", "▒", "▓", "█"])
        // … and the monochrome theme still gives the strongest shade the strongest attribute.
        let mono = try ThemeCatalog.load("monochrome", vars: [:]).resolved(colors: 0, noColor: true)
        #expect(mono[FrontDeskTUI.Role.heat1] != mono[FrontDeskTUI.Role.heat4])
        #expect(mono[FrontDeskTUI.Role.pastDay] != mono[FrontDeskTUI.Role.normal], "another day stands out without colour")
        let colour = try ThemeCatalog.load("default", vars: [:]).resolved(colors: 0, noColor: true)
        #expect(colour[FrontDeskTUI.Role.heat1] != colour[FrontDeskTUI.Role.heat4], "every theme's | attributes keep the shades apart")
    }

    @Test func asciiChartsUseOnlyASCII() {
        let bars = Charts.bars(Self.departments, width: 60, ascii: true)
        let heat = Charts.heatmap(rows: Self.week, columns: Self.hours, values: Self.heat, width: 60, ascii: true)
        for line in (bars.text + "\n" + heat.text).components(separatedBy: "\n") {
            #expect(line.unicodeScalars.allSatisfy { $0.isASCII }, "\(line)")
        }
        // (60 - 4) / 11 hours = 5 → cells of 4 (the widest): three shades and a gap; Monday starts at 0.
        #expect(heat.line(1).hasPrefix("Mon     ... --- === ###     ... --- === ###"))
        #expect(bars.line(0).contains(String(repeating: "#", count: 10)))
    }
}
