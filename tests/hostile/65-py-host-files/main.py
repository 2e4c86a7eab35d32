# Host files from Python: no /etc, /root, /home, /proc in the root; the host name is "judge".
import os, socket
leaked = []
for f in ["/etc/passwd", "/etc/shadow", "/etc/hostname", "/root/.bash_history", "/proc/self/environ",
          "/home", "/var/log/syslog"]:
    try:
        with open(f, "rb") as h:
            leaked.append(f + ": " + repr(h.read(200)))
    except OSError:
        pass
if os.uname().nodename != "judge":
    leaked.append("host name " + os.uname().nodename)
print("\n".join("LEAKED " + l for l in leaked) if leaked else "CONTAINED")
