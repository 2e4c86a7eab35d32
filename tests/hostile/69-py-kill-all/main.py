# Signals from Python: kill(-1) reaches only the program's own pid namespace (nothing but itself,
# which kill(-1) skips); the judge and its neighbours never see it.
import os, signal
try:
    os.kill(-1, signal.SIGKILL)
except OSError:
    pass
print("CONTAINED")
