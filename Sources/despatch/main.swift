print("despatch")
