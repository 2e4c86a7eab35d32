# Output flood from Python: past the problem's output limit the run ends (OLE).
import sys
line = "x" * 65535 + "\n"
while True:
    sys.stdout.write(line)
