from kzkr_cli.cli import main

main()
