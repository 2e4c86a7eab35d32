// What each verdict means, in words a candidate can act on.
import {h, fmtMs} from './dom.js';

export const VERDICTS = {
  AC: {name: 'Accepted', tone: 'ok',
    explain: () => 'Every test passed: the output was right and the program stayed within the limits.'},
  WA: {name: 'Wrong answer', tone: 'bad',
    explain: () => 'The program ran to the end, but its output for a test differs from the expected answer. Check edge cases: empty input, the smallest and largest values, duplicates.'},
  TLE: {name: 'Time limit exceeded', tone: 'warn',
    explain: (l) => `The program ran longer than the time limit${l?.time_ms ? ` of ${fmtMs(l.time_ms)}` : ''} on a test. Look for a faster algorithm, or for a loop that never ends.`},
  MLE: {name: 'Memory limit exceeded', tone: 'warn',
    explain: (l) => `The program used more memory than the limit${l?.memory_mb ? ` of ${l.memory_mb} MiB` : ''} allows. Look for large arrays or allocations that are never freed.`},
  OLE: {name: 'Output limit exceeded', tone: 'warn',
    explain: () => 'The program printed more output than allowed. Check for a print inside a loop, or debugging output left in.'},
  RE: {name: 'Run-time error', tone: 'bad',
    explain: () => 'The program crashed (for example reading outside an array, a null pointer, a division by zero) or exited with a non-zero status.'},
  CE: {name: 'Compilation error', tone: 'neutral',
    explain: () => 'The code did not compile. The compiler\'s messages are below: select a line reference to move the cursor there.'},
  SV: {name: 'Security violation', tone: 'bad',
    explain: () => 'The program tried something that is not allowed here, such as starting a process, opening a file or the network, and was stopped.'},
  IE: {name: 'Internal error', tone: 'neutral',
    explain: () => 'The judge itself failed on this one. It is not your fault: try again in a moment.'},
};

export function verdictName(code) {
  return VERDICTS[code]?.name ?? code ?? 'Pending';
}

export function verdictBadge(code, {large = false} = {}) {
  if (!code) return h('span', {class: ['verdict', 'v-pending', large && 'verdict-large']}, '…');
  const v = VERDICTS[code];
  return h('span', {class: ['verdict', `v-${code.toLowerCase()}`, large && 'verdict-large'], title: v?.name ?? code},
    h('span', {'aria-hidden': 'true'}, code),
    h('span', {class: 'visually-hidden'}, v?.name ?? code));
}

export function explainVerdict(code, limits) {
  return VERDICTS[code]?.explain(limits) ?? '';
}
