// A QR code of a link, drawn as SVG: for the checker page's printout (the way
// back to this check). A small encoder of the site's own rather than segno in
// the worker: the printout is made synchronously (the browser's print
// dialogue, Ctrl+P), this file is kept offline with the page's other scripts,
// and nothing is fetched from another site. Byte mode, error correction level
// M, versions 1–40, one fixed mask (any mask reads; segno's fixed mask on
// /unit/ does the same). The algorithm follows ISO/IEC 18004 as Project
// Nayuki's reference implementation does; tests decode the printed code.

// Per version (1–40), level M: [error-correction codewords per block,
// blocks of group 1, data codewords in each, blocks of group 2, data in each]
// (ISO/IEC 18004 table 9, as in segno's consts.ECC).
const BLOCKS = [[10, 1, 16], [16, 1, 28], [26, 1, 44], [18, 2, 32], [24, 2, 43], [16, 4, 27], [18, 4, 31],
  [22, 2, 38, 2, 39], [22, 3, 36, 2, 37], [26, 4, 43, 1, 44], [30, 1, 50, 4, 51], [22, 6, 36, 2, 37],
  [22, 8, 37, 1, 38], [24, 4, 40, 5, 41], [24, 5, 41, 5, 42], [28, 7, 45, 3, 46], [28, 10, 46, 1, 47],
  [26, 9, 43, 4, 44], [26, 3, 44, 11, 45], [26, 3, 41, 13, 42], [26, 17, 42], [28, 17, 46], [28, 4, 47, 14, 48],
  [28, 6, 45, 14, 46], [28, 8, 47, 13, 48], [28, 19, 46, 4, 47], [28, 22, 45, 3, 46], [28, 3, 45, 23, 46],
  [28, 21, 45, 7, 46], [28, 19, 47, 10, 48], [28, 2, 46, 29, 47], [28, 10, 46, 23, 47], [28, 14, 46, 21, 47],
  [28, 14, 46, 23, 47], [28, 12, 47, 26, 48], [28, 6, 47, 34, 48], [28, 29, 46, 14, 47], [28, 13, 46, 32, 47],
  [28, 40, 47, 7, 48], [28, 18, 47, 31, 48]];
const LEVEL_M = 0; // format bits of level M
const MASK = 0; // (x + y) % 2 === 0

/** Product in GF(2^8) modulo x^8 + x^4 + x^3 + x^2 + 1. */
function gfMultiply(x, y) {
  let z = 0;
  for (let i = 7; i >= 0; i--) {
    z = (z << 1) ^ ((z >>> 7) * 0x11d);
    z ^= ((y >>> i) & 1) * x;
  }
  return z & 0xff;
}

function rsDivisor(degree) {
  const result = new Array(degree).fill(0);
  result[degree - 1] = 1;
  let root = 1;
  for (let i = 0; i < degree; i++) {
    for (let j = 0; j < degree; j++) {
      result[j] = gfMultiply(result[j], root);
      if (j + 1 < degree) result[j] ^= result[j + 1];
    }
    root = gfMultiply(root, 0x02);
  }
  return result;
}

function rsRemainder(data, divisor) {
  const result = divisor.map(() => 0);
  for (const byte of data) {
    const factor = byte ^ result.shift();
    result.push(0);
    divisor.forEach((coefficient, i) => { result[i] ^= gfMultiply(coefficient, factor); });
  }
  return result;
}

const groupsOf = (version) => {
  const [, n1, d1, n2 = 0, d2 = 0] = BLOCKS[version - 1];
  return [...new Array(n1).fill(d1), ...new Array(n2).fill(d2)];
};
const dataCapacity = (version) => groupsOf(version).reduce((a, b) => a + b, 0);

/** The data codewords: byte mode, the count, the bytes, terminator and padding. */
function dataCodewords(bytes, version) {
  const bits = [];
  const put = (value, length) => { for (let i = length - 1; i >= 0; i--) bits.push((value >>> i) & 1); };
  put(0b0100, 4);
  put(bytes.length, version < 10 ? 8 : 16);
  for (const byte of bytes) put(byte, 8);
  const capacity = dataCapacity(version) * 8;
  put(0, Math.min(4, capacity - bits.length));
  put(0, (8 - (bits.length % 8)) % 8);
  for (let pad = 0xec; bits.length < capacity; pad ^= 0xec ^ 0x11) put(pad, 8);
  const words = [];
  for (let i = 0; i < bits.length; i += 8) words.push(bits.slice(i, i + 8).reduce((a, b) => (a << 1) | b, 0));
  return words;
}

/** Data and error correction, split into blocks and interleaved. */
function codewords(data, version) {
  const eccLength = BLOCKS[version - 1][0];
  const divisor = rsDivisor(eccLength);
  const blocks = [];
  let at = 0;
  for (const length of groupsOf(version)) {
    const block = data.slice(at, at + length);
    at += length;
    blocks.push([block, rsRemainder(block, divisor)]);
  }
  const out = [];
  const longest = Math.max(...blocks.map(([block]) => block.length));
  for (let i = 0; i < longest; i++) for (const [block] of blocks) if (i < block.length) out.push(block[i]);
  for (let i = 0; i < eccLength; i++) for (const [, ecc] of blocks) out.push(ecc[i]);
  return out;
}

function alignmentPositions(version, size) {
  if (version === 1) return [];
  const count = Math.floor(version / 7) + 2;
  const step = version === 32 ? 26 : Math.ceil((version * 4 + 4) / (count * 2 - 2)) * 2;
  const result = [6];
  for (let pos = size - 7; result.length < count; pos -= step) result.splice(1, 0, pos);
  return result;
}

/** The modules (true = dark) of the QR code of `text`, or null if it is too long. */
export function qrModules(text) {
  const bytes = new TextEncoder().encode(text);
  let version = 1;
  while (version <= 40 && 4 + (version < 10 ? 8 : 16) + bytes.length * 8 > dataCapacity(version) * 8) version++;
  if (version > 40) return null;
  const size = version * 4 + 17;
  const modules = Array.from({ length: size }, () => new Array(size).fill(false));
  const fixed = Array.from({ length: size }, () => new Array(size).fill(false));
  const set = (x, y, dark) => {
    modules[y][x] = dark;
    fixed[y][x] = true;
  };

  for (let i = 0; i < size; i++) {
    set(6, i, i % 2 === 0);
    set(i, 6, i % 2 === 0);
  }
  for (const [cx, cy] of [[3, 3], [size - 4, 3], [3, size - 4]]) {
    for (let dy = -4; dy <= 4; dy++) {
      for (let dx = -4; dx <= 4; dx++) {
        const distance = Math.max(Math.abs(dx), Math.abs(dy));
        const x = cx + dx;
        const y = cy + dy;
        if (x >= 0 && x < size && y >= 0 && y < size) set(x, y, distance !== 2 && distance !== 4);
      }
    }
  }
  const align = alignmentPositions(version, size);
  align.forEach((ax, i) => align.forEach((ay, j) => {
    const corner = (i === 0 && j === 0) || (i === 0 && j === align.length - 1) || (i === align.length - 1 && j === 0);
    if (corner) return;
    for (let dy = -2; dy <= 2; dy++) for (let dx = -2; dx <= 2; dx++) set(ax + dx, ay + dy, Math.max(Math.abs(dx), Math.abs(dy)) !== 1);
  }));

  // Format bits (level, mask) with their BCH code, in both copies.
  let rem = (LEVEL_M << 3) | MASK;
  const format = rem;
  for (let i = 0; i < 10; i++) rem = (rem << 1) ^ ((rem >>> 9) * 0x537);
  const formatBits = ((format << 10) | rem) ^ 0x5412;
  const bit = (value, i) => ((value >>> i) & 1) !== 0;
  for (let i = 0; i <= 5; i++) set(8, i, bit(formatBits, i));
  set(8, 7, bit(formatBits, 6));
  set(8, 8, bit(formatBits, 7));
  set(7, 8, bit(formatBits, 8));
  for (let i = 9; i < 15; i++) set(14 - i, 8, bit(formatBits, i));
  for (let i = 0; i < 8; i++) set(size - 1 - i, 8, bit(formatBits, i));
  for (let i = 8; i < 15; i++) set(8, size - 15 + i, bit(formatBits, i));
  set(8, size - 8, true); // the dark module

  if (version >= 7) {
    let vrem = version;
    for (let i = 0; i < 12; i++) vrem = (vrem << 1) ^ ((vrem >>> 11) * 0x1f25);
    const versionBits = (version << 12) | vrem;
    for (let i = 0; i < 18; i++) {
      const a = size - 11 + (i % 3);
      const b = Math.floor(i / 3);
      set(a, b, bit(versionBits, i));
      set(b, a, bit(versionBits, i));
    }
  }

  // The codewords in the zig-zag order, masked.
  const words = codewords(dataCodewords(bytes, version), version);
  let i = 0;
  for (let right = size - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5;
    for (let vert = 0; vert < size; vert++) {
      for (let j = 0; j < 2; j++) {
        const x = right - j;
        const y = ((right + 1) & 2) === 0 ? size - 1 - vert : vert;
        if (fixed[y][x]) continue;
        const dark = i < words.length * 8 && bit(words[i >>> 3], 7 - (i & 7));
        i++;
        modules[y][x] = dark !== ((x + y) % 2 === 0);
      }
    }
  }
  return modules;
}

/** An <svg> of the QR code of `text` (4 modules of quiet zone), or null if too long. */
export function qrSvg(text) {
  const modules = qrModules(text);
  if (!modules) return null;
  const NS = "http://www.w3.org/2000/svg";
  const size = modules.length + 8;
  const svg = document.createElementNS(NS, "svg");
  svg.setAttribute("viewBox", `0 0 ${size} ${size}`);
  svg.setAttribute("shape-rendering", "crispEdges");
  const path = document.createElementNS(NS, "path");
  let d = "";
  modules.forEach((row, y) => row.forEach((dark, x) => { if (dark) d += `M${x + 4} ${y + 4}h1v1h-1z`; }));
  path.setAttribute("d", d);
  const background = document.createElementNS(NS, "rect");
  background.setAttribute("width", size);
  background.setAttribute("height", size);
  background.setAttribute("fill", "#fff");
  svg.append(background, path);
  return svg;
}
