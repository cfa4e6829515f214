from gcm_review.cli import app

app()
