// Writes deterministic benchmark data for the drift stage: reference.csv and current.csv, N rows
// (default 1 000 000) × 20 columns: 15 numerical (several distributions, some integer-valued) and
// 5 categorical with 5 values each, a few missing cells. In current.csv, num_normal and
// num_score are shifted and cat_channel is re-weighted; every other column has the same
// distribution. Same seed → same bytes.
//
// Usage: node scripts/gen-bench-data.mjs [outDir=bench-data] [rows=1000000]
import { createWriteStream, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const outDir = process.argv[2] ?? 'bench-data';
const rows = Number(process.argv[3] ?? 1_000_000);

/**
 * mulberry32: small, fast, deterministic 32-bit PRNG. The same as src/stats/random.ts, copied on purpose:
 * this script runs with plain node, without a TypeScript build, so that bench data never depends on src/.
 */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generators(rand) {
  const normal = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand()); // Box–Muller
  const exp = () => -Math.log(1 - rand());
  const poisson = (lambda) => {
    // Knuth, fine for small lambda
    const l = Math.exp(-lambda);
    let k = 0,
      p = rand();
    while (p > l) {
      k++;
      p *= rand();
    }
    return k;
  };
  const pick = (values, weights) => {
    let u = rand() * weights.reduce((s, w) => s + w, 0);
    for (let i = 0; i < values.length; i++) if ((u -= weights[i]) < 0) return values[i];
    return values[values.length - 1];
  };
  return { normal, exp, poisson, pick };
}

const CATS = {
  cat_region: ['north', 'south', 'east', 'west', 'central'],
  cat_device: ['mobile', 'desktop', 'tablet', 'tv', 'other'],
  cat_channel: ['organic', 'paid', 'email', 'social', 'referral'],
  cat_plan: ['free', 'basic', 'pro', 'team', 'enterprise'],
  cat_segment: ['A', 'B', 'C', 'D', 'E'],
};

function columns(g, rand, current) {
  const { normal, exp, poisson, pick } = g;
  const miss = (p, f) => (rand() < p ? '' : f());
  return [
    ['num_normal', () => (normal() + (current ? 0.3 : 0)).toFixed(4)],
    ['num_score', () => (100 + 15 * normal() + (current ? 5 : 0)).toFixed(2)],
    ['num_lognormal', () => miss(0.001, () => Math.exp(0.5 * normal() + 1).toFixed(4))],
    ['num_exponential', () => (2 * exp()).toFixed(4)],
    ['num_uniform', () => rand().toFixed(6)],
    ['num_gamma', () => (exp() + exp() + exp()).toFixed(3)],
    ['int_poisson', () => String(poisson(4))],
    ['int_age', () => String(18 + Math.floor(rand() * 73))],
    ['int_clicks', () => String(Math.floor(exp() * 30))],
    [
      'num_beta',
      () => {
        const a = rand() * rand();
        return a.toFixed(5);
      },
    ],
    ['num_with_missing', () => miss(0.005, () => (50 + 10 * normal()).toFixed(3))],
    ['num_bimodal', () => ((rand() < 0.4 ? -2 : 3) + normal()).toFixed(4)],
    ['int_rating', () => String(1 + Math.floor(rand() * 5))],
    ['num_income', () => (1000 * Math.exp(normal() * 0.7 + 3)).toFixed(2)],
    ['num_heavy_tail', () => (normal() / Math.sqrt(exp() + 0.05)).toFixed(4)],
    ['cat_region', () => pick(CATS.cat_region, [30, 25, 20, 15, 10])],
    ['cat_device', () => pick(CATS.cat_device, [50, 35, 10, 3, 2])],
    ['cat_channel', () => pick(CATS.cat_channel, current ? [20, 35, 10, 30, 5] : [40, 20, 15, 15, 10])],
    ['cat_plan', () => pick(CATS.cat_plan, [45, 25, 15, 10, 5])],
    ['cat_segment', () => miss(0.002, () => pick(CATS.cat_segment, [20, 20, 20, 20, 20]))],
  ];
}

async function write(file, seed, current) {
  const rand = prng(seed);
  const cols = columns(generators(rand), rand, current);
  const out = createWriteStream(file);
  const drain = () => new Promise((resolve) => out.once('drain', resolve));
  let batch = cols.map(([name]) => name).join(',') + '\n';
  for (let r = 0; r < rows; r++) {
    let line = '';
    for (let c = 0; c < cols.length; c++) line += (c ? ',' : '') + cols[c][1]();
    batch += line + '\n';
    if (batch.length > 1 << 20) {
      if (!out.write(batch)) await drain();
      batch = '';
    }
  }
  out.end(batch);
  await new Promise((resolve, reject) => out.on('finish', resolve).on('error', reject));
  console.log(`${file}: ${rows} rows, ${(statSync(file).size / 1e6).toFixed(1)} MB`);
}

mkdirSync(outDir, { recursive: true });
await write(join(outDir, 'reference.csv'), 42, false);
await write(join(outDir, 'current.csv'), 4242, true);
