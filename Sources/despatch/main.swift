import DespatchApp

Despatch.main()
