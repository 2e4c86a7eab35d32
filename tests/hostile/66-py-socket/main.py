# The network from Python: socket() is a forbidden call (SV).
import socket
s = socket.create_connection(("1.1.1.1", 80), timeout=1)
print("CONNECTED")
