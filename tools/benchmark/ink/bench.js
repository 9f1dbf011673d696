// The peer in tools/bench: inkjs (pinned in package.json) compiles the generated ink story, loads
// the compiled JSON, and plays it RUNS times with a uniformly random choice at every turn, as
// measured-bench's `play` phase does with Measured's runtime. Prints one line of key=value figures.
// Usage: node bench.js STORY.ink RUNS
'use strict';
const fs = require('fs');
const { Compiler, Story } = require('inkjs/full');

const [file, runsArg] = process.argv.slice(2);
const runs = Number(runsArg || 10000);
const source = fs.readFileSync(file, 'utf8');

let t0 = performance.now();
const compiled = new Compiler(source).Compile();
const compileMs = performance.now() - t0;
const json = compiled.ToJson();

t0 = performance.now();
const story = new Story(json);
const loadMs = performance.now() - t0;

// xorshift64, as in measured-bench, so both sides draw the same kind of random choices.
let x = 0x9E3779B97F4A7C15n;
const mask = (1n << 64n) - 1n;
function next(n) {
  x ^= (x << 13n) & mask; x ^= x >> 7n; x ^= (x << 17n) & mask;
  return Number(x % BigInt(n));
}

let decisions = 0;
let textBytes = 0;
t0 = performance.now();
for (let r = 0; r < runs; ++r) {
  story.ResetState();
  for (;;) {
    while (story.canContinue) textBytes += story.Continue().length;
    const choices = story.currentChoices;
    if (choices.length === 0) break;
    for (const c of choices) textBytes += c.text.length;
    story.ChooseChoiceIndex(next(choices.length));
    ++decisions;
  }
}
const playMs = performance.now() - t0;
const rssMb = process.memoryUsage().rss / (1024 * 1024);
console.log(`compile_ms=${compileMs.toFixed(2)} load_ms=${loadMs.toFixed(2)} play_ms=${playMs.toFixed(2)} runs=${runs} ` +
            `decisions=${decisions} text_bytes=${textBytes} json_bytes=${json.length} rss_mb=${rssMb.toFixed(1)}`);
