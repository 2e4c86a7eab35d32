print("a language the judge does not run: skipped with a warning")
