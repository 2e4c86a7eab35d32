# Python memory bomb: 16 MiB chunks, touched, until the control group stops it (MLE).
chunks = []
while True:
    chunks.append(bytearray(16 << 20))
