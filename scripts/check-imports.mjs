// The import graph of src/ keeps the shape docs/architecture.md describes (run by `make lint`):
//   - no circles between modules;
//   - nothing imports the shell (`app`);
//   - no page imports another page;
//   - `core` imports nothing outside `core`.
// A module's imports are the `crate::…` and `super::…` paths in its code (comments and the
// unit tests at the end left out), each resolved to the longest module path that exists.
//
//   node scripts/check-imports.mjs            prints the problems, exit 1 if any

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const src = fileURLToPath(new URL('../src', import.meta.url));

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : name.endsWith('.rs') ? [path] : [];
  });
}

/** `api/mod.rs` → `api`, `components/calendar/focus.rs` → `components::calendar::focus`. */
function moduleOf(path) {
  const name = relative(src, path).replace(/\.rs$/, '').split('/').join('::');
  return name.replace(/::mod$/, '');
}

const modules = new Map();
for (const path of files(src)) {
  const name = moduleOf(path);
  if (name !== 'lib' && name !== 'main') modules.set(name, path);
}

function resolve(path) {
  const parts = path.split('::');
  for (let i = parts.length; i > 0; i--) {
    const candidate = parts.slice(0, i).join('::');
    if (modules.has(candidate)) return candidate;
  }
  return null;
}

const edges = new Map();
for (const [name, path] of modules) {
  const code = readFileSync(path, 'utf8')
    .split(/#\[cfg\(test\)\]\s*mod tests/)[0]
    .split('\n')
    .map((line) => line.replace(/\/\/.*$/, ''))
    .join('\n');
  const targets = new Set();
  const add = (path) => {
    const target = resolve(path);
    // A module's own children and its parent's re-exports are not arrows out of it.
    if (target && target !== name && !name.startsWith(`${target}::`)) targets.add(target);
  };
  for (const m of code.matchAll(/crate::([a-z_]+(?:::[a-z_]+)*)(?:::\{([^}]*)\})?/g)) {
    add(m[1]);
    for (const item of (m[2] ?? '').split(',')) {
      const first = item.trim().split('::')[0].split(' ')[0];
      if (first && first !== 'self' && /^[a-z]/.test(first)) add(`${m[1]}::${first}`);
    }
  }
  const parent = name.split('::').slice(0, -1).join('::');
  for (const m of code.matchAll(/super::([a-z_]+)/g)) add(parent ? `${parent}::${m[1]}` : m[1]);
  edges.set(name, targets);
}

const problems = [];
for (const [from, targets] of edges) {
  for (const to of targets) {
    if (to === 'app') problems.push(`${from} imports the shell (app): use context.rs`);
    if (from.startsWith('pages::') && to.startsWith('pages::')) problems.push(`${from} imports another page (${to})`);
    if (from.startsWith('core') && !to.startsWith('core')) problems.push(`${from} (core) imports ${to}`);
  }
}

// Circles: strongly connected components with more than one module (Tarjan).
let index = 0;
const idx = new Map();
const low = new Map();
const stack = [];
const onStack = new Set();
function connect(v) {
  idx.set(v, index);
  low.set(v, index);
  index += 1;
  stack.push(v);
  onStack.add(v);
  for (const w of edges.get(v)) {
    if (!idx.has(w)) {
      connect(w);
      low.set(v, Math.min(low.get(v), low.get(w)));
    } else if (onStack.has(w)) {
      low.set(v, Math.min(low.get(v), idx.get(w)));
    }
  }
  if (low.get(v) === idx.get(v)) {
    const circle = [];
    let w;
    do {
      w = stack.pop();
      onStack.delete(w);
      circle.push(w);
    } while (w !== v);
    if (circle.length > 1) problems.push(`a circle: ${circle.sort().join(' ⇄ ')}`);
  }
}
for (const v of edges.keys()) if (!idx.has(v)) connect(v);

if (problems.length) {
  console.error(`check-imports: ${problems.length} problem(s) in the import graph (docs/architecture.md)`);
  for (const p of problems) console.error(`  ${p}`);
  process.exit(1);
}
console.log(`check-imports: ${modules.size} modules, no circles, the layers hold`);
