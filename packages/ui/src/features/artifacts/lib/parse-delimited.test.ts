// Unit tests of the CSV/TSV preview reader and the preview choice.
import { describe, expect, it } from 'vitest';
import { parseDelimited } from './parse-delimited.js';
import { previewKind } from './preview-kind.js';

describe('parseDelimited', () => {
  it('reads quoted fields with delimiters, doubled quotes and CRLF', () => {
    const t = parseDelimited('a,b,c\r\n1,"x, y","say ""hi"""\n2,,3\n', ',');
    expect(t).toEqual({
      rows: [
        ['a', 'b', 'c'],
        ['1', 'x, y', 'say "hi"'],
        ['2', '', '3'],
      ],
      truncated: false,
    });
  });
  it('reads TSV and keeps a last line without newline', () => {
    expect(parseDelimited('k\tv\nlr\t0.1', '\t').rows).toEqual([
      ['k', 'v'],
      ['lr', '0.1'],
    ]);
  });
  it('stops after the row limit and says so', () => {
    const text = Array.from({ length: 20 }, (_, i) => `${i}`).join('\n');
    const t = parseDelimited(text, ',', 5);
    expect(t.rows).toHaveLength(5);
    expect(t.truncated).toBe(true);
  });
});

describe('previewKind', () => {
  it.each([
    ['model/MLmodel', 'yaml'],
    ['plots/loss.PNG', 'image'],
    ['data/train.csv', 'table'],
    ['data/x.tsv', 'table'],
    ['meta.json', 'json'],
    ['conda.yaml', 'yaml'],
    ['logs/out.log', 'text'],
    ['model.pkl', 'none'],
    ['noext', 'none'],
  ])('%s → %s', (path, kind) => expect(previewKind(path)).toBe(kind));
});
