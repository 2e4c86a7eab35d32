const d = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(Number);
const n = d[0]; let s = 0;
for (let i = 1; i <= n; i++) s += d[i];
for (let i = n + 1; i < d.length; i++) s -= d[i];
console.log(s);
