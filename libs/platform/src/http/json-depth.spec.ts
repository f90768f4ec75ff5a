import { jsonDepth } from './json-depth.js';

const depthOf = (text: string, limit = 100) => jsonDepth(Buffer.from(text), limit);

describe('jsonDepth', () => {
  it.each([
    ['1', 0],
    ['{}', 1],
    ['{"a":[1,{"b":2}]}', 3],
    ['[[],[[]],[]]', 3],
    ['{"a":"[[[{{{"}', 1],
    ['{"a":"quote \\" then [[["}', 1],
    ['{"a":"backslash \\\\","b":[[1]]}', 3],
    ['{"é":"[ç]","b":[{}]}', 3],
  ])('%s is %i deep', (text, depth) => {
    expect(depthOf(text)).toBe(depth);
  });

  it('stops one level past the limit', () => {
    expect(depthOf('['.repeat(5_000), 32)).toBe(33);
  });
});
