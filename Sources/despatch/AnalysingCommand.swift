import ArgumentParser
import DespatchApp

/// A command that analyses articles, and so needs the vocabulary: the process starts loading
/// it before the command line is parsed (`VocabularyPrefetch`).
protocol AnalysingCommand: ParsableCommand {}

extension Despatch {
    /// Starts `VocabularyPrefetch` for the subcommands that are `AnalysingCommand`s, by the
    /// names the command line gives them. Only the command the line names (or, when it names
    /// none, the default one) is asked whether it is one: each `is` on a metatype is a scan of
    /// the executable's 6,700 protocol conformance records, and asking it of every subcommand
    /// took 0.9 ms before the command line could be parsed.
    static func prefetchVocabulary(arguments: [String]) {
        let first = arguments.dropFirst().first
        let named = first.flatMap { word in configuration.subcommands.first { $0._commandName == word } }
        let analysing: Set<String> = named.map { $0 is AnalysingCommand.Type ? [$0._commandName] : [] } ?? []
        let byDefault = named == nil && (first == nil || first!.hasPrefix("-"))
            && configuration.defaultSubcommand is AnalysingCommand.Type
        VocabularyPrefetch.begin(arguments: arguments, analysing: analysing, analysesByDefault: byDefault)
    }
}
