// Host files and writes outside /tmp from Node.
const fs = require('fs'), os = require('os');
const leaked = [];
for (const f of ['/etc/passwd', '/etc/shadow', '/etc/hostname', '/root/.bash_history', '/proc/self/environ']) {
  try { leaked.push('LEAKED ' + f + ': ' + fs.readFileSync(f, 'utf8').slice(0, 100)); } catch (e) {}
}
for (const d of ['/', '/box', '/usr', '/usr/share/nodejs']) {
  try { fs.writeFileSync(d + '/hostile-was-here', 'x'); leaked.push('WROTE ' + d); } catch (e) {}
}
if (os.hostname() !== 'judge') leaked.push('host name ' + os.hostname());
console.log(leaked.length ? leaked.join('\n') : 'CONTAINED');
