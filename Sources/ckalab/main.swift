print("ckalab")
