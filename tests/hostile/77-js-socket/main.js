// The network from Node: socket() is a forbidden call (SV).
const s = require('net').connect(80, '1.1.1.1', () => console.log('CONNECTED'));
s.on('error', () => console.log('CONTAINED'));
