/**
 * Reads one member of a ZIP archive (stored or deflated), enough for Epoch AI's benchmark_data.zip.
 * Pure. Guards against archives that expand without bound: the member's declared size and the
 * inflated output are both capped.
 */
import { inflateRawSync } from "node:zlib";

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
export const MAX_MEMBER_BYTES = 64 * 1024 * 1024;

export function isZip(bytes: Buffer): boolean {
  return bytes.length >= 4 && bytes.readUInt32LE(0) === LOCAL;
}

export function listZipMembers(bytes: Buffer): { name: string; method: number; compressedSize: number; size: number; localOffset: number }[] {
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (bytes.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error("not a ZIP archive (no end of central directory; truncated?)");
  const count = bytes.readUInt16LE(eocd + 10);
  let p = bytes.readUInt32LE(eocd + 16);
  if (p === 0xffffffff) throw new Error("ZIP64 archives are not supported");
  const members = [];
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || bytes.readUInt32LE(p) !== CENTRAL) throw new Error("corrupt ZIP central directory");
    const nameLength = bytes.readUInt16LE(p + 28);
    const extraLength = bytes.readUInt16LE(p + 30);
    const commentLength = bytes.readUInt16LE(p + 32);
    members.push({
      method: bytes.readUInt16LE(p + 10),
      compressedSize: bytes.readUInt32LE(p + 20),
      size: bytes.readUInt32LE(p + 24),
      localOffset: bytes.readUInt32LE(p + 42),
      name: bytes.toString("utf8", p + 46, p + 46 + nameLength),
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return members;
}

/** The bytes of the member whose name is `name` or ends with "/" + name. */
export function readZipMember(bytes: Buffer, name: string): Buffer {
  const member = listZipMembers(bytes).find((m) => m.name === name || m.name.endsWith(`/${name}`));
  if (!member) throw new Error(`the archive has no ${name} (members: ${listZipMembers(bytes).map((m) => m.name).slice(0, 10).join(", ")})`);
  if (member.size > MAX_MEMBER_BYTES) throw new Error(`${name} would expand to ${member.size} bytes, over the ${MAX_MEMBER_BYTES}-byte cap`);
  const h = member.localOffset;
  if (bytes.readUInt32LE(h) !== LOCAL) throw new Error("corrupt ZIP local header");
  const start = h + 30 + bytes.readUInt16LE(h + 26) + bytes.readUInt16LE(h + 28);
  const data = bytes.subarray(start, start + member.compressedSize);
  if (data.length < member.compressedSize) throw new Error(`${name} is cut short in the archive (truncated download?)`);
  if (member.method === 0) return Buffer.from(data);
  if (member.method !== 8) throw new Error(`${name} uses ZIP compression method ${member.method}, which is not supported`);
  try {
    return inflateRawSync(data, { maxOutputLength: MAX_MEMBER_BYTES });
  } catch (err) {
    throw new Error(`${name} does not inflate: ${(err as Error).message}`);
  }
}
