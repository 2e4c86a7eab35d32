// Node memory bomb: buffers outside V8's heap, filled, until the control group kills it (MLE).
const keep = [];
for (;;) keep.push(Buffer.alloc(16 << 20, 1));
