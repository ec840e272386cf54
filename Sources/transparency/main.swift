import TransparencyCLI

TransparencyCommand.main()
