// Starting a process from Node: libuv forks (clone without CLONE_THREAD), a forbidden call (SV).
const out = require('child_process').execSync('echo CONTAINED').toString();
console.log(out.trim());
