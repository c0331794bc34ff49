import ArgumentParser
import Foundation
import FrontDeskInterchange
import FrontDeskKit
import FrontDeskTUI

/// `frontdesk template …`: the office's forms (meeting notice, minutes, price comparison), which
/// file fills each, and the built-in text to copy when changing one.
struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template", _superCommandName: "frontdesk", abstract: "The office's forms: which template file is used for each, and the built-in ones to copy.",
        discussion: """
        A file of the same name overrides a built-in template. Folders, first found wins: your own
        (~/.config/frontdesk/templates), then the office's, system-wide (/etc/frontdesk/templates, for every
        desk on this machine). A file with a Mustache error is reported with its line and the form is not
        printed; the built-in one is never used in its place.
        """,
        subcommands: [List.self, Show.self])

    /// The folders searched: beside config.toml, the user's then the system's. Not in the store:
    /// a store directory holds only its own files (every entry is checked on open, see StorePolicy).
    static func library() -> TemplateLibrary {
        let c = StoreOptions.config
        return TemplateLibrary(folders: [TemplateFolder(path: c.directory + "/templates", what: "yours"),
                                         TemplateFolder(path: c.systemDirectory + "/templates", what: "system-wide")])
    }

    /// `form` filled with `values` from the template found in the folders. A broken
    /// template file is a usage error naming the file and line (exit 2); nothing is printed.
    static func render(_ form: OfficeForm, _ language: String, _ values: [String: Any]) throws -> String {
        do throws(TemplateError) {
            return try library().render(form, language: language, values)
        } catch {
            throw UsageError("template \(error.description)")
        }
    }

    /// The language asked for, else the reader's.
    static func language(_ lang: String?) -> String { lang ?? (ReaderLanguage.isChinese() ? "zh" : "en") }

    /// Prints rendered text, line by line without terminal controls.
    static func printText(_ text: String) {
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast(text.hasSuffix("\n") ? 1 : 0) {
            print(TerminalText.sanitize(String(line)))
        }
    }

    /// Writes bytes as they are (CRLF files: .ics, CSV).
    static func writeRaw(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Each template, the file used for it (or built in), and whether it parses.")

        func run() throws {
            let lib = TemplateCommand.library()
            var rows: [[String]] = []
            var broken = 0
            for name in OfficeForm.allFileNames {
                do throws(TemplateError) {
                    let src = try lib.source(name)
                    _ = try TemplateLibrary.parse(src.text, file: src.file ?? name)
                    rows.append([name, src.file ?? "(built in)", src.what])
                } catch {
                    broken += 1
                    rows.append([name, error.file, "BROKEN: line \(error.line): \(error.problem)"])
                }
            }
            Output.table(["TEMPLATE", "FILE", "FROM"], rows)
            print()
            print("Folders searched, first found wins: " + lib.folders.map { "\($0.path) (\($0.what))" }.joined(separator: ", ") + ", then built in.")
            if broken > 0 { throw UsageError("\(broken) template file(s) cannot be used; the forms they fill are refused until fixed.") }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Print a built-in template, to copy into a templates folder and change.",
            discussion: "Example: frontdesk template show meeting-notice.zh.mustache > ~/.config/frontdesk/templates/meeting-notice.zh.mustache")
        @Argument(help: "A template name, e.g. meeting-notice.en.mustache (or meeting-notice --lang zh).") var name: String
        @Option(help: "en or zh, when NAME has no language.") var lang: Language?

        func run() throws {
            var file = name
            if let form = OfficeForm(rawValue: name) { file = form.fileName(TemplateCommand.language(lang?.rawValue)) }
            if !file.hasSuffix(".mustache") { file += ".mustache" }
            guard let text = TemplateLibrary.builtinText(file) else {
                throw UsageError("No template \(name); the templates are: \(OfficeForm.allFileNames.joined(separator: ", ")).")
            }
            TemplateCommand.writeRaw(text)
        }
    }
}

/// `--lang en|zh`.
enum Language: String, ExpressibleByArgument, CaseIterable {
    case en, zh
}
