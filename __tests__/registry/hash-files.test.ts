import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashFiles } from '../../src/registry/hash-files.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mlqg-hash-'));
  mkdirSync(join(dir, 'model'));
  writeFileSync(join(dir, 'model', 'weights.bin'), Buffer.alloc(200_000, 7));
  writeFileSync(join(dir, 'model', 'config.json'), '{"layers":3}');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('hashes sorted relative paths and contents, whatever the order or form given', async () => {
  const h = await hashFiles(['model/weights.bin', 'model/config.json'], dir);
  expect(h).toMatch(/^[0-9a-f]{64}$/);
  expect(await hashFiles(['model/config.json', 'model/weights.bin'], dir)).toBe(h);
  expect(await hashFiles(['model'], dir)).toBe(h);
  expect(await hashFiles([join(dir, 'model')], dir)).toBe(h);

  writeFileSync(join(dir, 'model', 'config.json'), '{"layers":4}');
  expect(await hashFiles(['model'], dir)).not.toBe(h);
});

test('a renamed file or a moved boundary between files changes the hash', async () => {
  writeFileSync(join(dir, 'a'), 'xy');
  writeFileSync(join(dir, 'b'), 'z');
  const h = await hashFiles(['a', 'b'], dir);
  writeFileSync(join(dir, 'a'), 'x');
  writeFileSync(join(dir, 'b'), 'yz');
  expect(await hashFiles(['a', 'b'], dir)).not.toBe(h);
  symlinkSync('a', join(dir, 'link'));
  expect(await hashFiles(['a', 'link'], dir)).not.toBe(await hashFiles(['a'], dir));
});

test('a missing file is the user error', async () => {
  await expect(hashFiles(['model/nope.pkl'], dir)).rejects.toThrow('model file not found: model/nope.pkl');
  await expect(hashFiles([], dir)).rejects.toThrow('no model files');
});
