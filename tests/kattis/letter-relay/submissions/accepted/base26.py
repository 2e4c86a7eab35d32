mode, arg = input().split()
if mode == "encode":
    x = int(arg)
    w = ""
    while True:
        w += chr(ord("a") + x % 26)
        x //= 26
        if x == 0:
            break
    print(w)
else:
    x = 0
    for c in reversed(arg):
        x = x * 26 + ord(c) - ord("a")
    print(x)
