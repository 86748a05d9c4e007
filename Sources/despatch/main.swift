import DespatchApp

// Before the command line is parsed: see `VocabularyPrefetch`.
VocabularyPrefetch.begin(arguments: CommandLine.arguments)
Despatch.main()
