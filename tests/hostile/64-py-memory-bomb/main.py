# Python memory bomb: 16 MiB chunks, every page written, until the control group stops it (MLE).
chunks = []
while True:
    chunks.append(b"\x01" * (16 << 20))
