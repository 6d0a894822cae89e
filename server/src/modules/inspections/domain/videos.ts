/**
 * Published inspection videos (Shenyang: 329 short videos): accepted types and size, the range a
 * request asks for (RFC 9110 §14: one `bytes=` range; several ranges are served whole), and a
 * generated poster (SVG with the title) when none is uploaded.
 */
export const VIDEO_TYPES = ['video/mp4', 'video/webm', 'video/quicktime'] as const;
export const POSTER_TYPES = ['image/jpeg', 'image/png'] as const;
/** Short videos only (a phone recording of a few minutes). */
export const VIDEO_MAX_BYTES = 8 * 1024 * 1024;

export function parseRange(header: string | undefined, size: number): { start: number; end: number } | 'unsatisfiable' | null {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  if (m[1] === '') {
    const n = Number(m[2]);
    if (n === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}

function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}

export function generatedPoster(title: string): Buffer {
  const t = escapeXml(title.slice(0, 40));
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360" viewBox="0 0 640 360"><rect width="640" height="360" fill="#0b3d91"/><circle cx="320" cy="150" r="48" fill="none" stroke="#fff" stroke-width="6"/><path d="M305 125 L345 150 L305 175 Z" fill="#fff"/><text x="320" y="260" fill="#fff" font-size="26" text-anchor="middle" font-family="sans-serif">${t}</text><text x="320" y="300" fill="#9fc3ff" font-size="18" text-anchor="middle" font-family="sans-serif">守护蓝在行动</text></svg>`,
    'utf8',
  );
}
