# Writing outside /tmp from Python: the root, /box (its own sources) and /usr are read-only; only
# /tmp takes writes. CONTAINED when every write elsewhere fails.
import os
leaked = []
for d in ["/", "/box", "/box/src", "/usr", "/usr/lib/python3.11", "/data", "/dev"]:
    try:
        with open(os.path.join(d, "hostile-was-here"), "w") as f:
            f.write("x")
        leaked.append(d)
    except OSError:
        pass
with open("/tmp/ok", "w") as f:
    f.write("fine")
print("\n".join("WROTE " + d for d in leaked) if leaked else "CONTAINED")
