# Python thread bomb: threads past the language's process count fail to start; the uncaught
# RuntimeError ends the program with exit 1 (RE), nothing else is touched.
import threading, time
ts = []
while True:
    t = threading.Thread(target=time.sleep, args=(5,), daemon=True)
    t.start()
    ts.append(t)
