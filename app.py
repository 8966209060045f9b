from bzksite import create_app

app = create_app()
