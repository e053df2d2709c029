/**
 * A minimal Parquet writer for tests (https://parquet.apache.org/docs/file-format/, thrift compact
 * protocol: https://github.com/apache/thrift/blob/master/doc/specs/thrift-compact-protocol.md):
 * REQUIRED INT32, DOUBLE or UTF-8 BYTE_ARRAY columns, PLAIN, uncompressed, one data page per
 * column chunk. Every count the footer and the page headers carry can be overridden, so tests can
 * write files whose metadata lies (a footer claiming 10^11 rows, a page claiming 2^31 values) and
 * check that the reader never trusts it. Honest files are checked against hyparquet in the tests.
 */

export type TestColumn =
  | { name: string; type: 'INT32'; values: number[] }
  | { name: string; type: 'DOUBLE'; values: number[] }
  | { name: string; type: 'STRING'; values: string[] };

export interface Lies {
  /** FileMetaData.num_rows. */
  numRows?: bigint;
  /** RowGroup.num_rows. */
  groupRows?: bigint;
  /** ColumnMetaData.num_values of every chunk. */
  chunkValues?: bigint;
  /** DataPageHeader.num_values of every page. */
  pageValues?: number;
  /** PageHeader.uncompressed_page_size of every page. */
  uncompressedSize?: number;
}

const T = { I32: 5, I64: 6, BINARY: 8, LIST: 9, STRUCT: 12 } as const;

/** Thrift compact protocol: fields as [id, type, value]; structs nest. */
type Field = [number, number, unknown];

class Out {
  bytes: number[] = [];
  varint(n: bigint): void {
    let v = n;
    do {
      let b = Number(v & 0x7fn);
      v >>= 7n;
      if (v > 0n) b |= 0x80;
      this.bytes.push(b);
    } while (v > 0n);
  }
  zigzag(n: bigint): void {
    this.varint(n >= 0n ? n << 1n : (-n << 1n) - 1n);
  }
  struct(fields: Field[]): void {
    let last = 0;
    for (const [id, type, value] of fields) {
      if (id - last > 0 && id - last <= 15) this.bytes.push(((id - last) << 4) | type);
      else {
        this.bytes.push(type);
        this.zigzag(BigInt(id));
      }
      last = id;
      this.value(type, value);
    }
    this.bytes.push(0);
  }
  value(type: number, value: unknown): void {
    if (type === T.I32 || type === T.I64) this.zigzag(BigInt(value as number | bigint));
    else if (type === T.BINARY) {
      const b = typeof value === 'string' ? Buffer.from(value) : (value as Uint8Array);
      this.varint(BigInt(b.length));
      this.bytes.push(...b);
    } else if (type === T.STRUCT) this.struct(value as Field[]);
    else if (type === T.LIST) {
      const [elemType, items] = value as [number, unknown[]];
      if (items.length < 15) this.bytes.push((items.length << 4) | elemType);
      else {
        this.bytes.push(0xf0 | elemType);
        this.varint(BigInt(items.length));
      }
      for (const item of items) this.value(elemType, item);
    }
  }
}

const PHYSICAL = { INT32: 1, DOUBLE: 5, STRING: 6 } as const;

function plain(c: TestColumn): Buffer {
  if (c.type === 'INT32') {
    const b = Buffer.alloc(4 * c.values.length);
    c.values.forEach((v, i) => b.writeInt32LE(v, 4 * i));
    return b;
  }
  if (c.type === 'DOUBLE') {
    const b = Buffer.alloc(8 * c.values.length);
    c.values.forEach((v, i) => b.writeDoubleLE(v, 8 * i));
    return b;
  }
  return Buffer.concat(
    c.values.map((s) => {
      const text = Buffer.from(s);
      const len = Buffer.alloc(4);
      len.writeUInt32LE(text.length);
      return Buffer.concat([len, text]);
    }),
  );
}

/** The bytes of a Parquet file holding `columns` (all of the same length) in one row group. */
export function writeParquet(columns: TestColumn[], lies: Lies = {}): Buffer {
  const rows = columns[0]?.values.length ?? 0;
  const parts: Buffer[] = [Buffer.from('PAR1')];
  let offset = 4;
  const chunks: Field[][] = [];
  for (const c of columns) {
    const data = plain(c);
    const header = new Out();
    header.struct([
      [1, T.I32, 0], // DATA_PAGE
      [2, T.I32, lies.uncompressedSize ?? data.length],
      [3, T.I32, data.length],
      [
        5,
        T.STRUCT,
        [
          [1, T.I32, lies.pageValues ?? c.values.length],
          [2, T.I32, 0], // PLAIN
          [3, T.I32, 3], // RLE
          [4, T.I32, 3],
        ],
      ],
    ]);
    const page = Buffer.concat([Buffer.from(header.bytes), data]);
    chunks.push([
      [2, T.I64, BigInt(offset)],
      [
        3,
        T.STRUCT,
        [
          [1, T.I32, PHYSICAL[c.type]],
          [2, T.LIST, [T.I32, [0, 3]]],
          [3, T.LIST, [T.BINARY, [c.name]]],
          [4, T.I32, 0], // UNCOMPRESSED
          [5, T.I64, lies.chunkValues ?? BigInt(c.values.length)],
          [6, T.I64, BigInt(page.length)],
          [7, T.I64, BigInt(page.length)],
          [9, T.I64, BigInt(offset)],
        ],
      ],
    ]);
    parts.push(page);
    offset += page.length;
  }
  const schema: Field[][] = [
    [
      [4, T.BINARY, 'schema'],
      [5, T.I32, columns.length],
    ],
    ...columns.map((c): Field[] => [
      [1, T.I32, PHYSICAL[c.type]],
      [3, T.I32, 0], // REQUIRED
      [4, T.BINARY, c.name],
      ...(c.type === 'STRING' ? ([[6, T.I32, 0]] as Field[]) : []), // UTF8
    ]),
  ];
  const footer = new Out();
  footer.struct([
    [1, T.I32, 1],
    [2, T.LIST, [T.STRUCT, schema]],
    [3, T.I64, lies.numRows ?? BigInt(rows)],
    [
      4,
      T.LIST,
      [
        T.STRUCT,
        [
          [
            [1, T.LIST, [T.STRUCT, chunks]],
            [2, T.I64, BigInt(offset - 4)],
            [3, T.I64, lies.groupRows ?? lies.numRows ?? BigInt(rows)],
          ],
        ],
      ],
    ],
  ]);
  const meta = Buffer.from(footer.bytes);
  const len = Buffer.alloc(4);
  len.writeUInt32LE(meta.length);
  parts.push(meta, len, Buffer.from('PAR1'));
  return Buffer.concat(parts);
}
