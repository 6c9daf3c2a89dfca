import fs from 'node:fs';
import { anonBreakdown } from './processMemory';
import { loadSileroVad, vadStateSize } from '../../lib/engine/media/speech/sileroVad';
const t0 = Date.now();
const show = (w: string) => { const b = anonBreakdown(fs.readFileSync('/proc/self/smaps','utf8')); console.log(((Date.now()-t0)/1000).toFixed(1)+'s', w, JSON.stringify(Object.fromEntries(Object.entries(b).map(([k,v]) => [k, k==='wasmMemories'?v:Math.round(v/1024)])))); };
(async () => {
show('start');
const vad = await loadSileroVad();
show('loaded');
let n = 0;
for (const target of [20, 100, 400, 1000, 2000]) {
  for (; n < target; n++) await vad.step(new Float32Array(16*576), new Float32Array(vadStateSize(16)), 16);
  show(`${n} steps`);
}
})();
