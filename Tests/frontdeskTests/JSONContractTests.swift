import Foundation
import FrontDeskKit
import Testing
import TestSupport

/// docs/json.md is the one description of every `--json` output: this runs each documented command
/// on the demo store and holds its output to the document's field list (exactly those top-level
/// keys, of the documented types), and holds the CLI to the document (every `--json` flag is
/// documented and carries the one help text). So neither can drift from the other.
@Suite struct JSONContractTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// One `## \`command\`` section of docs/json.md.
    struct Section {
        var name: String
        /// The arguments after `frontdesk`, placeholders such as `<meeting id>` included.
        var run: [String]
        /// "array" (of objects; the fields are each object's) or "object".
        var shape: String
        /// Field → its documented type ("string", "integer or null", "array", …).
        var fields: [String: String]
    }

    static func sections() throws -> [Section] {
        let text = try String(contentsOf: root.appendingPathComponent("docs/json.md"), encoding: .utf8)
        var out: [Section] = []
        var current: Section?
        var inTable = false, tableDone = false
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("## `") {
                if let c = current { out.append(c) }
                current = Section(name: String(line.dropFirst(4).prefix { $0 != "`" }), run: [], shape: "", fields: [:])
                inTable = false; tableDone = false
                continue
            }
            guard current != nil else { continue }
            if line.hasPrefix("Run: `frontdesk ") {
                let cmd = line.dropFirst("Run: `frontdesk ".count).prefix { $0 != "`" }
                // Placeholders are one argument each: `<meeting id>`.
                var args: [String] = [], word = "", inAngle = false
                for ch in cmd {
                    if ch == "<" { inAngle = true }
                    if ch == ">" { inAngle = false }
                    if ch == " " && !inAngle { if !word.isEmpty { args.append(word) }; word = "" } else { word.append(ch) }
                }
                if !word.isEmpty { args.append(word) }
                current?.run = args
            } else if line.hasPrefix("Shape: ") {
                current?.shape = String(line.dropFirst("Shape: ".count).prefix { $0.isLetter })
            } else if line.hasPrefix("| `") && !tableDone {
                inTable = true
                let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
                if cells.count >= 2 { current?.fields[cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`"))] = cells[1] }
            } else if inTable && !line.hasPrefix("|") {
                inTable = false; tableDone = true
            }
        }
        if let c = current { out.append(c) }
        return out
    }

    func matches(_ value: Any, _ documented: String) -> Bool {
        documented.components(separatedBy: " or ").contains { t in
            switch t.trimmingCharacters(in: .whitespaces) {
            case "null": value is NSNull
            case "string": value is String
            case "integer": (value as? NSNumber).map { Double(truncating: $0).rounded() == Double(truncating: $0) } ?? false
            case "number", "boolean": value is NSNumber
            case "array": value is [Any]
            case "object": value is [String: Any]
            default: false
            }
        }
    }

    @Test func everyDocumentedCommandPrintsExactlyItsDocumentedFields() throws {
        let sections = try Self.sections()
        try #require(sections.count >= 20, "docs/json.md lists \(sections.count) commands")
        let tmp = try TempStore("json")
        let env = CLI.vars(tmp.path)
        for args in [["init", "--allow-overrides"], ["demo", "--date", "2026-03-10"],
                     ["watch", "add", "--name", "Mallory", "--reason", "banned from the premises"],
                     // The demo office has none of these yet; without one their fields would go unchecked.
                     ["stock", "demand", "add", "--dept", "财务部", "--sku", "BAT-AA", "--qty", "10", "--month", "2026-04"],
                     ["stock", "count", "--sku", "BAT-AAA", "--qty", "9", "--reason", "two packs found damaged"],
                     ["purchase", "request", "--sku", "BAT-AA", "--qty", "40", "--quote", "得力:2.5:3", "--quote", "晨光:2.8:2",
                      "--quote", "Staples:3.1:5", "--choose", "得力", "--why", "restock"]] {
            let r = try CLI.run(args, env: CLI.vars(tmp.path, user: "lina"))
            try #require(r.status == 0, "\(args): \(r)")
        }
        func firstID(_ args: [String]) throws -> String {
            let r = try CLI.run(args + ["--json"], env: env)
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]], "\(args): \(r)")
            return try #require(rows.first?["id"] as? String, "\(args) lists nothing")
        }
        let receipt = try #require(try JSONSerialization.jsonObject(with: Data(try CLI.run(["log", "--json"], env: env).stdout.utf8)) as? [[String: Any]])
            .first { $0["change"] as? String == "stock.receive" }?["subject"] as? String
        let placeholders: [String: String] = [
            "<meeting id>": try firstID(["meeting", "list"]), "<visitor id>": try firstID(["visitor", "list"]),
            "<approval id>": try firstID(["approval", "list"]), "<receipt id>": try #require(receipt, "the demo books no delivery"),
        ]
        for s in sections {
            let args = s.run.map { placeholders[$0] ?? $0 }
            #expect(!args.isEmpty && (s.shape == "array" || s.shape == "object"), "\(s.name): no Run: line or Shape: line")
            #expect(!s.fields.isEmpty, "\(s.name): no field table")
            let r = try CLI.run(args, env: env)
            try #require(r.status == 0, "\(s.name): \(r)")
            let parsed = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8))
            let objects: [[String: Any]]
            if s.shape == "array" {
                objects = try #require(parsed as? [[String: Any]], "\(s.name): not an array of objects")
                #expect(!objects.isEmpty, "\(s.name): empty on the demo store, so its fields are not checked")
            } else {
                objects = [try #require(parsed as? [String: Any], "\(s.name): not an object")]
            }
            // One issue per difference, not one per row of a long list.
            for keys in Set(objects.map { Set($0.keys) }) {
                #expect(keys == Set(s.fields.keys),
                        "\(s.name): undocumented \(keys.subtracting(s.fields.keys).sorted()), documented but missing \(Set(s.fields.keys).subtracting(keys).sorted())")
            }
            var wrong: [String: String] = [:]
            for o in objects {
                for (k, v) in o where wrong[k] == nil { if let t = s.fields[k], !matches(v, t) { wrong[k] = "\(k) is \(v), documented as \(t)" } }
                // Ids are strings everywhere (log's used to be integers).
                if let id = o["id"], !(id is String) { wrong["id"] = "id \(id) is not a string" }
            }
            #expect(wrong.isEmpty, "\(s.name): \(wrong.values.sorted())")
        }
    }

    /// Every command with a `--json` flag is documented, and every `--json` flag has the one help text.
    /// The command tree comes from ArgumentParser's own description of it (one process).
    @Test func everyJSONFlagIsDocumentedWithTheOneHelpText() throws {
        let documented = Set(try Self.sections().map(\.name))
        let r = try CLI.run(["--experimental-dump-help"])
        try #require(r.status == 0, "\(r)")
        let tree = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        var found: [String] = []
        func walk(_ command: [String: Any], _ here: [String]) {
            for a in command["arguments"] as? [[String: Any]] ?? [] {
                let names = (a["names"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
                guard names.contains("json") else { continue }
                let where_ = here.joined(separator: " ")
                found.append(where_)
                #expect((a["abstract"] as? String)?.hasPrefix("Print JSON instead of text") == true, "\(where_): --json without the shared help text")
                #expect(documented.contains(where_), "\(where_) has --json but no section in docs/json.md")
            }
            for sub in command["subcommands"] as? [[String: Any]] ?? [] { walk(sub, here + [sub["commandName"] as? String ?? "?"]) }
        }
        walk(try #require(tree["command"] as? [String: Any]), [])
        #expect(found.count >= 19, "only \(found)")
    }

    /// A `status` is a state the store keeps; one that is always the same word (demand "recorded",
    /// role and watch-list "active" used to be) is invented, so no section may document it so.
    @Test func noStatusIsOneConstantWord() throws {
        let text = try String(contentsOf: Self.root.appendingPathComponent("docs/json.md"), encoding: .utf8)
        let constant = text.split(separator: "\n").filter { line in
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            return cells.count >= 3 && cells[0] == "`status`" && cells[2].hasPrefix("`") && cells[2].hasSuffix("`") && cells[2].filter { $0 == "`" }.count == 2
        }
        #expect(constant.isEmpty, "\(constant)")
        let tmp = try TempStore("json-status")
        let env = CLI.vars(tmp.path, user: realUnixUser())  // the store's admin: the watch list needs a lead
        for args in [["init", "--allow-overrides"], ["watch", "add", "--name", "Mallory", "--reason", "banned"],
                     ["stock", "item", "add", "--sku", "BAT-AA", "--name", "AA", "--unit", "pc", "--reorder-at", "1", "--target", "2"],
                     ["stock", "demand", "add", "--dept", "财务部", "--sku", "BAT-AA", "--qty", "10", "--month", "2026-04"]] {
            let r = try CLI.run(args, env: env)
            try #require(r.status == 0, "\(args): \(r)")
        }
        for args in [["stock", "demand", "list"], ["role", "list"], ["watch", "list"]] {
            let r = try CLI.run(args + ["--json"], env: env)
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]], "\(args): \(r)")
            #expect(!rows.isEmpty && rows.allSatisfy { $0["status"] == nil }, "\(args): \(rows)")
        }
        tmp.remove()
    }
}
