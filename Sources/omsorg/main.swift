import OmsorgWeb
print("hi")
