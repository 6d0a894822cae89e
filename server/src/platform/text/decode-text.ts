import iconv from 'iconv-lite';

/** The encodings an uploaded text file is read in, as shown to the person who uploaded it. */
export type TextEncodingName = 'UTF-8' | 'UTF-8 (BOM)' | 'UTF-16LE' | 'UTF-16BE' | 'GB18030';

/**
 * Reads an uploaded CSV whatever Excel or a department system wrote: UTF-8 with or without a BOM,
 * UTF-16 with a BOM, else GB18030 (a superset of GBK and GB2312, what Excel on a Chinese Windows
 * saves as "CSV"). Bytes that are valid UTF-8 are read as UTF-8: GBK text of any length is almost
 * never valid UTF-8, while UTF-8 text is never mistaken for GBK.
 */
export function decodeText(bytes: Buffer): { text: string; encoding: TextEncodingName } {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: bytes.subarray(3).toString('utf8'), encoding: 'UTF-8 (BOM)' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { text: iconv.decode(bytes.subarray(2), 'utf-16le'), encoding: 'UTF-16LE' };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { text: iconv.decode(bytes.subarray(2), 'utf-16be'), encoding: 'UTF-16BE' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    return { text: iconv.decode(bytes, 'gb18030'), encoding: 'GB18030' };
  }
}
