// Before the command line is parsed: see `VocabularyPrefetch`.
Despatch.prefetchVocabulary(arguments: CommandLine.arguments)
Despatch.main()
