from bertquiz.cli import main

main()
