import ArgumentParser
import DespatchApp
import DespatchLayout
import Foundation

/// `despatch layouts list|check`.
struct LayoutsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "layouts",
        abstract: "List the layouts or check a layout file.",
        subcommands: [List.self, Check.self],
        defaultSubcommand: List.self
    )

    struct List: ParsableCommand {
        // Named here, not derived: ArgumentParser derives a name with String(describing:) and
        // reflection, which every command line paid (4.7 M instructions of the sample digest).
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Show each layout with a one-line description.")

        func run() throws {
            let locator = ResourceLocator()
            let layouts = LayoutLoader(searchDirectories: locator.layoutDirectories).listLayouts()
            let width = layouts.map(\.name.count).max() ?? 0
            for l in layouts {
                print(l.name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + l.description)
            }
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "check", abstract: "Validate a layout file (with what it extends).")

        @Argument(help: "The layout file (or name).")
        var file: String

        func run() throws {
            let layout = try DigestPipeline().loadLayout(file)
            print("\(file): ok (\(layout.sections.count) sections\(layout.maxPages.map { ", at most \($0) page(s)" } ?? ""), language \(layout.language.code))")
        }
    }
}
