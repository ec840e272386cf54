import TransparencyCLI

TransparencyCommand.runMain()
