import ArgumentParser
import DespatchApp

/// A command that analyses articles, and so needs the vocabulary: the process starts loading
/// it before the command line is parsed (`VocabularyPrefetch`).
protocol AnalysingCommand: ParsableCommand {}

extension Despatch {
    /// Starts `VocabularyPrefetch` for the subcommands that are `AnalysingCommand`s, by the
    /// names the command line gives them.
    static func prefetchVocabulary(arguments: [String]) {
        let subcommands = configuration.subcommands
        VocabularyPrefetch.begin(arguments: arguments,
                                 analysing: Set(subcommands.filter { $0 is AnalysingCommand.Type }.map { $0._commandName }),
                                 analysesByDefault: configuration.defaultSubcommand is AnalysingCommand.Type)
    }
}
