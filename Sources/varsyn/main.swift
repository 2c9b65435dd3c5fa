import VarSynCLI

VarSynCommand.main()
